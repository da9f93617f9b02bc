import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebApp } from '../support/web-app';
import { axeViolations, expect, SCREENSHOTS, test } from './fixtures';

// What a person does, for real: a key made with a passphrase, loaded into a real ssh-agent,
// pasted into the (fake) Hub's keys page in a second tab, and proven with the real `ssh -T`.

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function shoot(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

async function throughCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Check this computer');
  await expect(page.getByRole('status').first()).not.toContainText('Checking', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Your keys');
}

test('create a protected key, add it to the agent, paste it on the Hub, and be greeted by name', async ({
  app,
  hub,
  page,
  context,
}) => {
  const passphrase = `blue lantern ${Math.random().toString(36).slice(2)} river`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.goto(app.url);
  await throughCheck(page);
  await expect(page.getByText('There are no SSH keys')).toBeVisible();
  await shoot(page, '10-keys-none.png');

  await page.getByRole('button', { name: 'Create a new key for the Hub' }).click();
  await expect(heading(page)).toHaveText('Create a key');
  await expect(page.getByLabel('File name')).toHaveValue('id_ed25519');
  await page.getByLabel(/Email/).fill('alice@example.com');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type it again').fill(`${passphrase}x`);
  await expect(page.getByText('The two passphrases are not the same.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create key' })).toBeDisabled();
  await expect(page.getByText(/Strength: /)).toBeVisible();
  await shoot(page, '11-create-key-mismatch.png');
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByRole('button', { name: 'Create key' }).click();

  await expect(heading(page)).toHaveText('Add to the agent', { timeout: 20_000 });
  await page.getByLabel('Passphrase of id_ed25519').fill('not it');
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await expect(page.getByRole('alert')).toContainText("That passphrase doesn't unlock this key");
  await shoot(page, '12-agent-wrong-passphrase.png');
  await page.getByLabel('Passphrase of id_ed25519').fill(passphrase);
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await expect(page.getByText('id_ed25519 is now in the agent.')).toBeVisible();
  await shoot(page, '13-agent-added.png');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Copy to the Hub');
  await expect(page.getByText(/host keys are recorded/)).toBeVisible();
  await page.getByRole('button', { name: 'Copy public key' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  await shoot(page, '14-copy.png');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^ssh-ed25519 AAAA\S+ alice@example\.com$/);

  // Testing before the key is on the account: the Hub greets "anonymous", and the app says why.
  await page.getByRole('button', { name: 'I added it: test the connection' }).click();
  await expect(heading(page)).toHaveText('Test the connection');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('heading', { name: 'The Hub does not know this key yet' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('log')).toContainText('Hi anonymous, welcome to Hugging Face.');
  await expect(page.locator('.verdict')).toContainText('id_ed25519');
  await shoot(page, '15-test-anonymous.png');

  // As a person would: the Hub's keys page in a second tab, paste, Add key.
  const hubTab = await context.newPage();
  await hubTab.goto(`${hub.httpUrl}/settings/keys`);
  await hubTab.getByLabel('Key name').fill('Personal computer');
  await hubTab.getByLabel('Key', { exact: true }).fill(copied);
  await hubTab.getByRole('button', { name: 'Add key' }).click();
  await expect(hubTab.locator('body')).toContainText('Personal computer');
  await hubTab.close();

  await page.bringToFront();
  await page.getByRole('button', { name: 'Test again' }).click();
  await expect(page.getByRole('heading', { name: 'Hi alice, it works!' })).toBeVisible({ timeout: 20_000 });
  await shoot(page, '16-test-authenticated.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, '17-test-authenticated-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('You’re set up');
  await shoot(page, '18-done.png');
});

test('an existing key can be chosen, the place survives a restart, and no passphrase is kept', async ({
  app,
  home,
  page,
}) => {
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  spawnSync('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    '',
    '-C',
    'old@laptop',
    '-f',
    join(home, '.ssh', 'id_ed25519'),
  ]);
  await page.goto(app.url);
  await throughCheck(page);
  await page.getByRole('radio', { name: /id_ed25519/ }).check();
  await expect(page.getByText(/SHA256:/)).toBeVisible();
  await shoot(page, '19-keys-existing.png');
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(heading(page)).toHaveText('Add to the agent');
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Copy to the Hub');

  await app.stop();
  const again = await startWebApp(app.env);
  try {
    await page.goto(again.url);
    await expect(heading(page)).toHaveText('Copy to the Hub');
    await expect(page.getByLabel('Your public key')).toHaveValue(/old@laptop/);
  } finally {
    await again.stop();
  }
});

test('a recorded host key that does not match is a red warning, and nothing changes without consent', async ({
  app,
  home,
  hub,
  page,
}) => {
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(home, '.ssh', 'id_ed25519')]);
  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(home, 'impostor')]);
  const impostor = spawnSync('cat', [join(home, 'impostor.pub')], { encoding: 'utf8' })
    .stdout.split(' ')
    .slice(0, 2)
    .join(' ');
  const recorded = `[127.0.0.1]:${hub.sshPort} ${impostor}\n`;
  writeFileSync(join(home, '.ssh', 'known_hosts'), recorded);
  await page.goto(app.url);
  await throughCheck(page);
  await page.getByRole('radio', { name: /id_ed25519/ }).check();
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /does not match/ })).toBeVisible();
  expect(spawnSync('cat', [join(home, '.ssh', 'known_hosts')], { encoding: 'utf8' }).stdout).toBe(recorded);
  await shoot(page, '20-host-key-mismatch.png');
  await page.getByRole('button', { name: 'Replace the recorded key' }).click();
  await expect(page.getByText(/host keys are recorded/)).toBeVisible();
});
