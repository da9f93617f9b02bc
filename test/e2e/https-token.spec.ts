import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { run } from '../../main/core/run';
import { ALICE_WRITE_TOKEN, BOB_READ_TOKEN } from '../fake-hub';
import { expect, shoot, tabTo, test } from './fixtures';

// The token route as a person takes it: paste a token, read what it may do, let Git keep it,
// then push from a repository through the app and from a terminal, with no prompt. The fake hub
// serves whoami-v2 and smart-HTTP git (git http-backend) on loopback.

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** git as the user runs it, in the test's HOME; async, because the fake hub lives in this process. */
async function git(
  home: string,
  cwd: string,
  args: readonly string[],
): Promise<{ status: number | null; out: string }> {
  const result = await run('git', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '' },
    timeoutMs: 30_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

async function toTokenStep(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('radio', { name: /Use an access token/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Check this computer');
  await expect(page.getByRole('status').first()).not.toContainText('Checking', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Your access token');
}

async function pasteAndCheck(page: Page, token: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), `  ${token}\n`);
  await page.getByRole('button', { name: 'Paste' }).click();
  const field = page.getByLabel('Paste your token');
  await expect(field).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(field).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Check the token' }).click();
  // The field is emptied as soon as the token has gone to the app's main process.
  await expect(field).toHaveValue('');
}

async function saveInPlainText(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Save it for Git');
  await expect(page.getByRole('heading', { name: 'Only a plain-text file is available' })).toBeVisible();
  const save = page.getByRole('button', { name: 'Save the token for Git' });
  await expect(save).toBeDisabled();
}

test('paste a write token, read what it may do, save it for Git, and push with no prompt', async ({
  app,
  hub,
  home,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  const repo = hub.createRepo('alice/e2e-model');
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Alice\n');
  await toTokenStep(page, app.url);
  await expect(page.getByRole('link', { name: /Create a write token on the Hub/ })).toHaveAttribute(
    'href',
    `${hub.httpUrl}/settings/tokens/new?tokenType=write`,
  );
  await shoot(page, '30-token.png', { dark: '30-token-dark.png' });

  await pasteAndCheck(page, ALICE_WRITE_TOKEN);
  const summary = page.getByRole('region', { name: /This token belongs to alice/ });
  await expect(summary).toContainText('Write: it can clone and push');
  await expect(summary).toContainText('alice-lab: you are “admin”');
  await expect(summary).toContainText(`hf_…${ALICE_WRITE_TOKEN.slice(-4)}`);
  await expect(page.getByText('Pushes will fail')).toHaveCount(0);
  await shoot(page, '31-token-summary.png');

  await saveInPlainText(page);
  await expect(page.getByText(join(home, '.git-credentials'))).toBeVisible();
  await shoot(page, '32-save-plain-text.png', { dark: '32-save-plain-text-dark.png' });
  await page.getByRole('checkbox', { name: /Save it in plain text anyway/ }).check();
  await page.getByRole('button', { name: 'Save the token for Git' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText('as alice');
  await shoot(page, '33-saved.png');
  expect(readFileSync(join(home, '.gitconfig'), 'utf8')).toBe(
    `[user]\n\tname = Alice\n[credential "${hub.httpUrl}"]\n\thelper = store\n`,
  );

  // A repository the person cloned before, with one new commit to push.
  const work = join(home, 'e2e model');
  expect((await git(home, home, ['clone', '--quiet', repo.url, work])).status).toBe(0);
  writeFileSync(join(work, 'README.md'), '# e2e model\n');
  await git(home, work, ['add', 'README.md']);
  await git(home, work, ['commit', '--quiet', '-m', 'Add a README']);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Use it with your repositories');
  await expect(page.getByRole('button', { name: 'Your repositories on the Hub' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish a folder' })).toBeVisible();
  await page.getByText('For the terminal').click();
  await expect(page.getByText(`git clone ${hub.httpUrl}/alice/REPO`)).toBeVisible();
  await page.getByLabel('Repository folder').fill(work);
  await page.getByRole('button', { name: 'Check this repository' }).click();
  await expect(page.getByText('Your token can push here')).toBeVisible();
  await page.getByRole('button', { name: 'Push origin' }).click();
  await expect(page.getByText('Pushed.')).toBeVisible({ timeout: 20_000 });
  await shoot(page, '34-pushed.png', { dark: '34-pushed-dark.png' });
  const log = await run('git', ['--git-dir', repo.gitDir, 'log', '--format=%s', 'main'], {
    env: { PATH: process.env.PATH },
    timeoutMs: 10_000,
  });
  expect(log.stdout.trim()).toBe('Add a README');

  // And from a terminal: git finds the token in its helper and never asks.
  writeFileSync(join(work, 'config.json'), '{}\n');
  await git(home, work, ['add', 'config.json']);
  await git(home, work, ['commit', '--quiet', '-m', 'Add a config']);
  expect(await git(home, work, ['push', '--quiet', 'origin', 'HEAD'])).toEqual({ status: 0, out: '' });

  // The token never reached the page or the app's own output.
  expect(await page.content()).not.toContain(ALICE_WRITE_TOKEN);
  expect(app.output()).not.toContain(ALICE_WRITE_TOKEN);

  // "Forget this token" asks first, then git no longer has it: the next push cannot sign in.
  await page.getByRole('button', { name: 'Forget this token' }).click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  expect(readFileSync(join(home, '.git-credentials'), 'utf8')).toContain('alice');
  await page.getByRole('button', { name: 'Forget this token' }).click();
  await page.getByRole('button', { name: 'Yes, forget it' }).click();
  await expect(page.getByText('Git no longer has a token for the Hub.')).toBeVisible();
  expect(readFileSync(join(home, '.git-credentials'), 'utf8')).toBe('');
  await git(home, work, ['commit', '--quiet', '--allow-empty', '-m', 'after forgetting']);
  const refused = await git(home, work, ['push', 'origin', 'HEAD']);
  expect(refused.status).not.toBe(0);
  expect(refused.out).toMatch(/could not read Username|terminal prompts disabled/);
});

test('a read token: warned before saving, and a refused push explained with the fix', async ({
  app,
  hub,
  home,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  const repo = hub.createRepo('bob/notes');
  await toTokenStep(page, app.url);
  await pasteAndCheck(page, BOB_READ_TOKEN);
  await expect(page.getByRole('region', { name: /This token belongs to bob/ })).toContainText(
    'Read: it can clone and download, but it cannot push.',
  );
  await expect(page.getByRole('note')).toContainText('Pushes will fail with this token.');
  await shoot(page, '35-read-token-warning.png', { dark: '35-read-token-warning-dark.png' });

  await saveInPlainText(page);
  await page.getByRole('checkbox', { name: /Save it in plain text anyway/ }).check();
  await page.getByRole('button', { name: 'Save the token for Git' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  const work = join(home, 'notes');
  expect((await git(home, home, ['clone', '--quiet', repo.url, work])).status).toBe(0);
  await git(home, work, ['commit', '--quiet', '--allow-empty', '-m', 'x']);
  // The token pasted into the address as well, the way forum answers used to suggest.
  const config = join(work, '.git', 'config');
  const host = new URL(hub.httpUrl).host;
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace(
      `url = ${hub.httpUrl}/`,
      `url = http://bob:${BOB_READ_TOKEN}@${host}/`,
    ),
  );

  await page.getByLabel('Repository folder').fill(work);
  await page.getByRole('button', { name: 'Check this repository' }).click();
  await expect(page.getByText('A token or password is written into this address.')).toBeVisible();
  await expect(page.getByText(`http://bob:***@${host}/bob/notes`)).toBeVisible();
  await expect(page.getByText('Your token cannot push here')).toBeVisible();
  await shoot(page, '36-leaked-token-in-remote.png');
  await page.getByRole('button', { name: 'Remove the credentials from the address' }).click();
  await expect(page.getByText(`${hub.httpUrl}/bob/notes`, { exact: true })).toBeVisible();
  expect(readFileSync(config, 'utf8')).not.toContain(BOB_READ_TOKEN);

  await page.getByRole('button', { name: 'Push origin' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'read token' });
  await expect(refusal).toContainText('it can clone, but the Hub refuses its pushes');
  await expect(refusal.getByRole('link', { name: /Create a write token/ })).toBeVisible();
  await refusal.getByText('Details').click();
  await expect(refusal).toContainText('DENIED update refs/heads/main: forbidden');
  await shoot(page, '37-push-refused-read-token.png', { dark: '37-push-refused-read-token-dark.png' });
  expect(await page.content()).not.toContain(BOB_READ_TOKEN);
  expect(app.output()).not.toContain(BOB_READ_TOKEN);
});

test('keyboard only: the token route from Welcome to an accepted dry-run push', async ({
  app,
  hub,
  home,
  page,
}) => {
  const repo = hub.createRepo('alice/keyboard-model');
  const work = join(home, 'keyboard-model');
  expect((await git(home, home, ['clone', '--quiet', repo.url, work])).status).toBe(0);
  await git(home, work, ['commit', '--quiet', '--allow-empty', '-m', 'first']);
  await page.goto(app.url);
  await tabTo(page, page.getByRole('radio', { name: /Use SSH keys/ }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Use an access token/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled({ timeout: 20_000 });
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Your access token');
  await tabTo(page, page.getByLabel('Paste your token'));
  await page.keyboard.type(ALICE_WRITE_TOKEN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /This token belongs to alice/ })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Save it for Git');
  await tabTo(page, page.getByRole('checkbox', { name: /Save it in plain text anyway/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Save the token for Git' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Use it with your repositories');
  await tabTo(page, page.getByLabel('Repository folder'));
  await page.keyboard.type(work);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your token can push here')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Check access (dry run)' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('The Hub would accept this push.')).toBeVisible({ timeout: 20_000 });
});
