import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { approveToken } from '../../main/features/https/credentials';
import { run } from '../../main/core/run';
import { BOB_READ_TOKEN } from '../fake-hub';
import { expect, shoot, test } from './fixtures';

// Failures on the repository screen, as a person meets them, each named by the failure table
// (the outcome box carries its kind): a push with a read token, a pull blocked by a local edit,
// and a pull that conflicts. Real git against the fake hub; "their" commits reach the hub's
// bare repository directly, as another person's push would.

async function git(home: string, cwd: string, args: readonly string[]) {
  const result = await run('git', ['-c', 'user.name=Them', '-c', 'user.email=them@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 60_000,
  });
  expect(result.exitCode, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Their change, pushed straight to the hub's repository. */
async function theirPush(home: string, theirs: string, file: string, text: string): Promise<void> {
  writeFileSync(join(theirs, file), text);
  await git(home, theirs, ['commit', '--quiet', '-am', `their ${file}`]);
  await git(home, theirs, ['push', '--quiet', 'origin', 'main']);
}

const outcome = (page: Page, kind: string) => page.locator(`.verdict[data-kind="${kind}"]`);

test('the repository screen names a read token, a pull blocked by local edits, and a conflict', async ({
  app,
  hub,
  home,
  page,
}) => {
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await approveToken(home, { endpoint: hub.httpUrl, username: 'bob' }, BOB_READ_TOKEN);
  const repo = hub.createRepo('bob/e2e-failures');
  const theirs = join(home, 'theirs');
  await git(home, home, ['clone', '--quiet', repo.gitDir, theirs]);
  writeFileSync(join(theirs, 'README.md'), '# failures\n');
  writeFileSync(join(theirs, 'notes.txt'), 'first\n');
  await git(home, theirs, ['add', '.']);
  await git(home, theirs, ['commit', '--quiet', '-m', 'seed']);
  await git(home, theirs, ['push', '--quiet', 'origin', 'HEAD:main']);
  const mine = join(home, 'mine');
  await git(home, home, ['clone', '--quiet', repo.url, mine]);
  await git(home, mine, ['config', 'user.name', 'Bob']);
  await git(home, mine, ['config', 'user.email', 'bob@example.com']);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await page.getByLabel('Open a repository on this computer').fill(mine);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('mine');

  // A read token can clone but not push.
  writeFileSync(join(mine, 'new.txt'), 'mine\n');
  await git(home, mine, ['add', 'new.txt']);
  await git(home, mine, ['commit', '--quiet', '-m', 'mine']);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(outcome(page, 'read_token')).toBeVisible({ timeout: 30_000 });
  await expect(outcome(page, 'read_token')).toContainText('read token');
  await shoot(page, '60-failure-read-token.png');

  // Their edit of a file I have changed but not committed: git alone would refuse the pull ("your
  // local changes would be overwritten"); the app sets my edit aside, pulls, and puts it back,
  // where it clashes with theirs: the file is listed as a conflict, and Abort puts all back.
  await theirPush(home, theirs, 'notes.txt', 'theirs\n');
  writeFileSync(join(mine, 'notes.txt'), 'my unsaved edit\n');
  await page.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(page.getByText(/set aside and put back, but notes\.txt now conflicts/)).toBeVisible({
    timeout: 30_000,
  });
  const conflicts = page.getByRole('region', { name: /conflict.* to resolve/ });
  await expect(conflicts).toContainText('notes.txt');
  await shoot(page, '61-failure-local-changes.png');
  await page.getByRole('button', { name: /^Abort/ }).click();
  await expect(conflicts).toHaveCount(0);
  expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('my unsaved edit\n');
  await git(home, mine, ['checkout', '--', 'notes.txt']);

  // Both of us changed the same line: a conflict, with the file named.
  await theirPush(home, theirs, 'README.md', '# their title\n');
  writeFileSync(join(mine, 'README.md'), '# my title\n');
  await git(home, mine, ['commit', '--quiet', '-am', 'my title']);
  await page.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(outcome(page, 'merge_conflict')).toBeVisible({ timeout: 30_000 });
  await expect(outcome(page, 'merge_conflict').getByRole('list', { name: 'Files' })).toContainText(
    'README.md',
  );
  await shoot(page, '62-failure-conflict.png');
  await git(home, mine, ['merge', '--abort']);
});

test('a push over SSH to a namespace the account may not write is named on the repository screen', async ({
  app,
  hub,
  home,
  page,
  agentSocket,
}) => {
  // Alice's key, on her Hub account and in the test's own agent; the Hub's host key pinned.
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  const key = join(home, '.ssh', 'id_ed25519');
  const keygen = await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'alice@e2e', '-f', key], {
    env: { PATH: process.env.PATH },
    timeoutMs: 20_000,
  });
  expect(keygen.exitCode).toBe(0);
  hub.addKey('alice', readFileSync(`${key}.pub`, 'utf8').trim());
  writeFileSync(join(home, '.ssh', 'known_hosts'), `${hub.knownHostsLine}\n`);
  const added = await run('ssh-add', [key], {
    env: { PATH: process.env.PATH, SSH_AUTH_SOCK: agentSocket },
    timeoutMs: 20_000,
  });
  expect(added.exitCode).toBe(0);
  const repo = hub.createRepo('bob/other');
  const seed = join(home, 'seed');
  await git(home, home, ['clone', '--quiet', repo.gitDir, seed]);
  writeFileSync(join(seed, 'README.md'), '# bob\n');
  await git(home, seed, ['add', '.']);
  await git(home, seed, ['commit', '--quiet', '-m', 'seed']);
  await git(home, seed, ['push', '--quiet', 'origin', 'HEAD:main']);
  const mine = join(home, 'mine');
  // The home's name has a space: quoted for the shell git runs GIT_SSH_COMMAND with.
  const ssh = `ssh -F /dev/null -o 'UserKnownHostsFile="${join(home, '.ssh', 'known_hosts')}"' -o IdentitiesOnly=yes -i '${key}'`;
  const cloned = await run(
    'git',
    ['clone', '--quiet', `ssh://git@${hub.sshHost}:${hub.sshPort}/bob/other`, mine],
    { env: { PATH: process.env.PATH, HOME: home, GIT_SSH_COMMAND: ssh }, timeoutMs: 60_000 },
  );
  expect(cloned.exitCode, cloned.stderr).toBe(0);
  writeFileSync(join(mine, 'alice.txt'), 'alice\n');
  await git(home, mine, ['add', '.']);
  await git(home, mine, ['commit', '--quiet', '-m', 'alice']);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await page.getByLabel('Open a repository on this computer').fill(mine);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('mine');
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(outcome(page, 'no_write_access')).toBeVisible({ timeout: 30_000 });
  await expect(outcome(page, 'no_write_access')).toContainText('bob/other');
  await shoot(page, '64-failure-ssh-may-not-push.png');
});

test('explain an error message pasted from a terminal', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Explain an error' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explain an error message');
  await page
    .getByLabel('The error message')
    .fill(
      "remote: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation\nfatal: Authentication failed for 'https://huggingface.co/alice/model/'",
    );
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(outcome(page, 'password_refused')).toBeVisible();
  await shoot(page, '63-explain.png', { dark: '63-explain-dark.png' });
  await page.getByLabel('The error message').fill('something no tool ever printed');
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(outcome(page, 'unknown')).toContainText('does not recognise');
});
