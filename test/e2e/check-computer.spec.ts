import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, expect, SCREENSHOTS, test } from './fixtures';

// A person opens the app, picks SSH, and reads what their computer has. Everything below runs
// for real: the browser-mode server, the machine check with the real ssh, git and git-lfs.

test('welcome, then a real check of this computer, in light and dark', async ({ app, home, page }) => {
  await page.goto(app.url);
  await expect(page).toHaveURL(/\/$/); // the token left the address bar for a cookie
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to HF Git Desktop');
  await expect(page.getByRole('radio', { name: /Use SSH keys/ })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, '01-welcome.png'), fullPage: true });

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check this computer');
  const status = page.getByRole('status').first();
  await expect(status).not.toContainText('Checking', { timeout: 20_000 });
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem').filter({ hasText: 'Git 2.' }).first()).toContainText('Git 2.');
  await expect(results).toContainText('OpenSSH');
  await expect(results).toContainText('Git LFS 3.');
  // git-xet missing is optional: neither a green OK nor a warning.
  const xet = results.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Git Xet/ }) });
  await expect(xet).toContainText('Optional: Git Xet makes uploads');
  await expect(xet).not.toContainText('OK');
  // The temp HOME has no git identity: the app sets it itself, with a form, not a terminal line.
  const identity = results
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /Your name and email/ }) });
  await expect(identity).not.toContainText('git config --global user.name');
  await expect(identity.getByRole('form', { name: 'Your name and email for commits' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, '02-check-this-computer.png'), fullPage: true });
  await identity.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
  await identity.getByRole('textbox', { name: 'Email' }).fill('ada');
  await identity.getByRole('button', { name: 'Save name and email' }).click();
  await expect(identity.getByRole('alert')).toContainText('Type an email address');
  await identity.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
  await identity.getByRole('button', { name: 'Save name and email' }).click();
  await expect(
    results
      .getByRole('listitem')
      .filter({ hasText: 'Your commits will be made as Ada Lovelace <ada@example.com>.' }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(status).not.toContainText('Checking', { timeout: 20_000 });
  expect(readFileSync(join(home, '.gitconfig'), 'utf8')).toContain('ada@example.com');
  await page.screenshot({ path: join(SCREENSHOTS, '02b-check-identity-saved.png'), fullPage: true });

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, '03-check-this-computer-dark.png'), fullPage: true });

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to HF Git Desktop');
});

test.describe('a computer without Git LFS, with an open ~/.ssh', () => {
  test.use({ onlyPrograms: ['ssh', 'ssh-keygen', 'ssh-add', 'git'] });

  test('names each problem and gives the Debian fix', async ({ app, home, page }) => {
    mkdirSync(join(home, '.ssh'));
    chmodSync(join(home, '.ssh'), 0o777);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Continue' }).click();
    const status = page.getByRole('status').first();
    await expect(status).not.toContainText('Checking', { timeout: 20_000 });
    await expect(status).toContainText('need your attention');
    const lfs = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Git LFS/ }) });
    await expect(lfs).toContainText('Problem');
    await expect(lfs).toContainText('not installed');
    await expect(lfs).toContainText('sudo apt install git-lfs');
    const folder = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /SSH folder/ }) });
    await expect(folder).toContainText('chmod 700');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, '04-check-missing-git-lfs.png'), fullPage: true });
  });
});

test('the app refuses a visitor without its token', async ({ app, page }) => {
  const origin = new URL(app.url).origin;
  const response = await page.goto(`${origin}/`);
  expect(response?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('Forbidden');
  const wrong = await page.goto(`${origin}/?token=not-the-token`);
  expect(wrong?.status()).toBe(403);
});
