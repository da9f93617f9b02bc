import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shoot, test } from './fixtures';
import { git, openInApp } from './workspace-support';

// Issue 14, item 8: after a restart the app's SSH key is on disk but no longer in the agent (the
// test's own agent starts empty). The push over SSH fails for that reason; the workspace asks for
// the key's passphrase right there, adds the key to the agent, and the push goes through.

test('a key that is not in the agent is unlocked in place, and the push goes on', async ({
  app,
  hub,
  home,
  page,
}) => {
  const passphrase = `quiet harbour ${Math.random().toString(36).slice(2)}`;
  const repo = hub.createRepo('alice/unlocked');
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700, recursive: true });
  const key = join(ssh, 'id_ed25519');
  const made = spawnSync('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    passphrase,
    '-C',
    'alice@laptop',
    '-f',
    key,
  ]);
  expect(made.status, String(made.stderr)).toBe(0);
  hub.addKey('alice', readFileSync(`${key}.pub`, 'utf8').trim());
  writeFileSync(join(ssh, 'known_hosts'), `${hub.knownHostsLine}\n`, { mode: 0o600 });
  writeFileSync(
    join(ssh, 'config'),
    `Host ${hub.sshHost}\n  HostName ${hub.sshHost}\n  Port ${hub.sshPort}\n  User git\n  IdentityFile "${key}"\n  IdentitiesOnly yes\n`,
    { mode: 0o600 },
  );
  const mine = join(home, 'unlocked');
  await git(home, home, ['clone', '--quiet', repo.gitDir, mine]);
  await git(home, mine, [
    'remote',
    'set-url',
    'origin',
    `ssh://git@${hub.sshHost}:${hub.sshPort}/alice/unlocked`,
  ]);
  await git(home, mine, ['config', 'user.name', 'Alice']);
  await git(home, mine, ['config', 'user.email', 'alice@example.com']);
  writeFileSync(join(mine, 'README.md'), '# Unlocked\n');
  await git(home, mine, ['add', 'README.md']);
  await git(home, mine, ['commit', '--quiet', '-m', 'Add a README']);
  const head = (await git(home, mine, ['rev-parse', 'HEAD'])).trim();

  await openInApp(page, app.url, mine);
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  const field = page.getByLabel('Passphrase of id_ed25519');
  await expect(field).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert').first()).toContainText('it is not in the SSH agent');
  await shoot(page, '145-unlock-key.png');

  // A wrong passphrase is said in words and nothing is pushed.
  await field.fill('not it');
  await page.getByRole('button', { name: 'Unlock and try again' }).click();
  await expect(page.getByRole('form', { name: 'Unlock id_ed25519' }).getByRole('alert')).toBeVisible({
    timeout: 20_000,
  });
  expect(hub.refOf('alice/unlocked', 'main')).toBeUndefined();

  await field.fill(passphrase);
  await page.getByRole('button', { name: 'Unlock and try again' }).click();
  await expect(page.getByText('Push done.')).toBeVisible({ timeout: 30_000 });
  expect(hub.refOf('alice/unlocked', 'main')).toBe(head);
  // The passphrase never reached the page's text.
  expect(await page.content()).not.toContain(passphrase);
});
