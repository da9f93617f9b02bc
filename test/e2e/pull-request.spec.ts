import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOB_READ_TOKEN, type FakeHub } from '../fake-hub';
import { expect, shoot, test } from './fixtures';
import { git, openInApp } from './workspace-support';

// Issue 14, item 4 on screen: bob may read alice's repository but not write it. His push over
// SSH is refused; "Open a pull request instead" opens one through the Hub's API with his token,
// pushes his commit to refs/pr/1, and links to it. The fake hub must show the commit there.

/** alice's repository with one commit, and bob's clone of it whose origin is the SSH address. */
async function bobsClone(hub: FakeHub, home: string): Promise<string> {
  const repo = hub.createRepo('alice/shared');
  const theirs = join(home, 'theirs');
  await git(home, home, ['clone', '--quiet', repo.gitDir, theirs]);
  writeFileSync(join(theirs, 'README.md'), '# Shared\n');
  await git(home, theirs, ['add', '.']);
  await git(home, theirs, ['commit', '--quiet', '-m', 'seed']);
  await git(home, theirs, ['push', '--quiet', 'origin', 'HEAD:main']);

  // bob's key, on his account, and ssh set up for the Hub's host as the SSH wizard leaves it.
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700, recursive: true });
  const key = join(ssh, 'id_ed25519');
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bob@laptop', '-f', key]);
  expect(made.status, String(made.stderr)).toBe(0);
  hub.addKey('bob', readFileSync(`${key}.pub`, 'utf8').trim());
  writeFileSync(join(ssh, 'known_hosts'), `${hub.knownHostsLine}\n`, { mode: 0o600 });
  writeFileSync(
    join(ssh, 'config'),
    `Host ${hub.sshHost}\n  HostName ${hub.sshHost}\n  Port ${hub.sshPort}\n  User git\n  IdentityFile "${key}"\n  IdentitiesOnly yes\n`,
    { mode: 0o600 },
  );

  const mine = join(home, 'shared');
  await git(home, home, ['clone', '--quiet', repo.url, mine]);
  await git(home, mine, [
    'remote',
    'set-url',
    'origin',
    `ssh://git@${hub.sshHost}:${hub.sshPort}/alice/shared`,
  ]);
  await git(home, mine, ['config', 'user.name', 'Bob']);
  await git(home, mine, ['config', 'user.email', 'bob@example.com']);
  writeFileSync(join(mine, 'README.md'), '# Shared\n\nA typo fixed by Bob.\n');
  await git(home, mine, ['commit', '--quiet', '-am', 'Fix a typo in the README']);
  return mine;
}

test('a refused push over SSH becomes a pull request: the token asked for in place, then the link', async ({
  app,
  hub,
  home,
  page,
}) => {
  const mine = await bobsClone(hub, home);
  const head = (await git(home, mine, ['rev-parse', 'HEAD'])).trim();
  await openInApp(page, app.url, mine);
  let actions = 0;

  await page.getByRole('button', { name: 'Push', exact: true }).click();
  actions += 1;
  await expect(page.getByRole('alert').filter({ hasText: 'may not write' })).toBeVisible({ timeout: 30_000 });
  await shoot(page, '139-push-refused.png');
  await page.getByRole('button', { name: 'Open a pull request instead' }).click();
  actions += 1;
  await expect(page.getByLabel('Title')).toHaveValue('Fix a typo in the README');
  await page.getByRole('button', { name: 'Open the pull request' }).click();
  actions += 1;

  // SSH keys cannot call the Hub's API: the token is asked for right here, with the reason.
  const dialog = page.getByRole('dialog', { name: 'An access token is needed' });
  await expect(dialog).toContainText(
    'Pull requests are opened through the Hub’s API, which SSH keys cannot call.',
  );
  await dialog.getByLabel('Access token').fill(BOB_READ_TOKEN);
  await dialog.getByRole('button', { name: 'Check the token' }).click();
  actions += 2;
  await dialog.getByRole('checkbox', { name: /Also save it for Git/ }).uncheck();
  await shoot(page, '142-pull-request-token.png');
  await dialog.getByRole('button', { name: 'Use this token' }).click();
  actions += 2;

  await expect(page.getByText('Pull request #1 is open')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: /See the pull request on the Hub/ })).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(hub.refOf('alice/shared', 'refs/pr/1')).toBe(head);
  expect(hub.pullRequests('alice/shared')).toMatchObject([{ num: 1, author: 'bob', ref: 'refs/pr/1' }]);
  console.log(
    `pull_request_actions: ${String(actions)} (refused push to a linked pull request, token given)`,
  );
});

test.describe('with a token in the environment (HF_TOKEN)', () => {
  test.use({ appEnv: { HF_TOKEN: BOB_READ_TOKEN } });

  test('a refused push becomes a pull request on the Hub, with its link', async ({
    app,
    hub,
    home,
    page,
  }) => {
    const mine = await bobsClone(hub, home);
    const head = (await git(home, mine, ['rev-parse', 'HEAD'])).trim();
    await openInApp(page, app.url, mine);

    await page.getByRole('button', { name: 'Push', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'may not write' });
    await expect(refused).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Open a pull request instead' }).click();

    // The title starts as the last commit's subject.
    await expect(page.getByLabel('Title')).toHaveValue('Fix a typo in the README');
    await page.getByLabel('Description (optional)').fill('The README had a typo.');
    await shoot(page, '140-pull-request-form.png');
    await page.getByRole('button', { name: 'Open the pull request' }).click();

    await expect(page.getByText('Pull request #1 is open')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: /See the pull request on the Hub/ })).toBeVisible();
    await shoot(page, '141-pull-request-opened.png', { dark: '141-pull-request-opened-dark.png' });
    expect(hub.refOf('alice/shared', 'refs/pr/1')).toBe(head);
    expect(hub.pullRequests('alice/shared')).toMatchObject([{ num: 1, author: 'bob', ref: 'refs/pr/1' }]);

    // The list shows it, and pushing again to it is one click.
    await page.getByText('More', { exact: true }).click();
    await page.getByRole('button', { name: 'Pull requests' }).click();
    await expect(page.getByRole('list', { name: 'Open pull requests' })).toContainText(
      'Fix a typo in the README',
    );
    // A second commit goes to the same pull request in one click.
    writeFileSync(join(mine, 'NOTES.md'), 'More from Bob.\n');
    await git(home, mine, ['add', 'NOTES.md']);
    await git(home, mine, ['commit', '--quiet', '-m', 'Add notes']);
    const second = (await git(home, mine, ['rev-parse', 'HEAD'])).trim();
    await page.getByRole('button', { name: 'Push my commits to this pull request' }).click();
    await expect(page.getByText('Pushed to pull request #1')).toBeVisible({ timeout: 30_000 });
    expect(hub.refOf('alice/shared', 'refs/pr/1')).toBe(second);
    await shoot(page, '143-pushed-to-pull-request.png');
  });
});
