import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebApp, type WebApp } from '../support/web-app';
import { expect, SCREENSHOTS, shoot, tabTo, test } from './fixtures';

// What a person does, for real: a key made with a passphrase, loaded into a real ssh-agent,
// pasted into the (fake) Hub's keys page in a second tab, and proven with the real `ssh -T`.

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function throughCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Check this computer');
  await expect(page.getByRole('status').first()).not.toContainText('Checking', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('Your keys');
}

function keygen(file: string, passphrase: string, comment: string): void {
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', comment, '-f', file]);
  expect(made.status).toBe(0);
}

/** Every regular file under `dir`, for "is the secret anywhere on disk?" checks. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

function agentFingerprints(socket: string): string {
  return spawnSync('ssh-add', ['-l'], { env: { ...process.env, SSH_AUTH_SOCK: socket }, encoding: 'utf8' })
    .stdout;
}

test('create a protected key, add it to the agent, paste it on the Hub, and be greeted by name', async ({
  app,
  hub,
  home,
  agentSocket,
  page,
  context,
}) => {
  const passphrase = `blue lantern ${Math.random().toString(36).slice(2)} river`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.goto(app.url);
  await throughCheck(page);
  await expect(page.getByText('you will have to generate a new key')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use this key' })).toHaveCount(0);
  await shoot(page, '10-keys.png');

  await page.getByRole('button', { name: 'Create a new key for the Hub' }).click();
  await expect(heading(page)).toHaveText('Create a key');
  await expect(page.getByLabel('File name')).toHaveValue('id_ed25519');
  await page.getByLabel('Email (optional)').fill('alice@example.com');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await expect(page.getByText(/^Strength: (Strong|Very strong)\./)).toBeVisible();
  await shoot(page, '11-create-key.png', { dark: '11-create-key-dark.png' });

  // A mismatch blocks, and says so on the field it concerns.
  await page.getByLabel('Type it again').fill(`${passphrase}x`);
  const again = page.getByLabel('Type it again');
  await expect(again).toHaveAttribute('aria-invalid', 'true');
  await expect(again).toHaveAccessibleDescription('The two passphrases are not the same.');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(heading(page)).toHaveText('Create a key');
  await expect(again).toBeFocused();
  await shoot(page, '12-create-key-mismatch.png');
  await again.fill(passphrase);
  await page.getByRole('button', { name: 'Create key' }).click();

  await expect(heading(page)).toHaveText('Add to the agent', { timeout: 20_000 });
  const agentField = page.getByLabel('Passphrase of id_ed25519');
  await expect(agentField).toHaveValue('');
  await shoot(page, '13-agent.png');
  await agentField.fill('not it');
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "That passphrase doesn't unlock this key. Type it again; nothing else was changed.",
  );
  await expect(agentField).toHaveValue('');
  await expect(agentField).toHaveAttribute('aria-invalid', 'true');
  await expect(agentField).toBeFocused();
  expect(agentFingerprints(agentSocket)).not.toContain('SHA256');
  await shoot(page, '14-agent-wrong-passphrase.png');
  await agentField.fill(passphrase);
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await expect(page.getByText('id_ed25519 is now in the agent.')).toBeVisible();
  expect(agentFingerprints(agentSocket)).toContain('alice@example.com');
  await shoot(page, '15-agent-added.png');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page)).toHaveText('Copy to the Hub');
  await expect(page.getByText('SSH on this computer is ready for the Hub.')).toBeVisible();
  expect(readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8')).toContain(hub.hostKey);
  expect(readFileSync(join(home, '.ssh', 'config'), 'utf8')).toMatch(/IdentityFile "?.*id_ed25519"?/);
  await page.getByRole('button', { name: 'Copy public key' }).click();
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^ssh-ed25519 AAAA\S+ alice@example\.com$/);
  await page.getByRole('button', { name: 'Open your Hub SSH keys page' }).click();
  await expect.poll(() => app.output()).toContain(`Open this link: ${hub.httpUrl}/settings/keys`);
  await shoot(page, '16-copy.png', { dark: '16-copy-dark.png' });

  // Testing before the key is on the account: the Hub greets "anonymous", and the app says why.
  await page.getByRole('button', { name: 'I added it: test the connection' }).click();
  await expect(heading(page)).toHaveText('Test the connection');
  await shoot(page, '17-test.png');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('heading', { name: 'The Hub doesn’t know this key yet' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('log')).toContainText('Hi anonymous, welcome to Hugging Face.');
  await expect(page.locator('.verdict')).toContainText('ssh offered id_ed25519 (SHA256:');
  await expect(page.locator('.verdict')).toContainText('no Hub account has that key yet');
  await expect(page.getByRole('button', { name: 'Back to “Copy to the Hub”' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await shoot(page, '18-test-anonymous.png');

  // As a person would: the Hub's keys page in a second tab, paste what the app copied, Add key.
  const hubTab = await context.newPage();
  await hubTab.goto(`${hub.httpUrl}/settings/keys`);
  await hubTab.getByLabel('Key name').fill('Personal computer');
  await hubTab
    .getByLabel('Key', { exact: true })
    .fill(await page.evaluate(() => navigator.clipboard.readText()));
  await hubTab.screenshot({ path: join(SCREENSHOTS, '19-hub-keys-page.png'), fullPage: true });
  await hubTab.getByRole('button', { name: 'Add key' }).click();
  await expect(hubTab.locator('body')).toContainText('Personal computer');
  await hubTab.close();

  await page.bringToFront();
  await page.getByRole('button', { name: 'Test again' }).click();
  await expect(page.getByRole('heading', { name: 'Hi alice — it works' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Hi alice — it works' })).toBeFocused();
  await shoot(page, '20-test-authenticated.png', { dark: '20-test-authenticated-dark.png' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page)).toHaveText('You’re set up, alice');
  // Setup leads into the app: the repositories on the Hub and publishing, not terminal commands.
  await expect(page.getByRole('button', { name: 'Your repositories on the Hub' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish a folder' })).toBeVisible();
  await expect(page.getByText(`git clone git@${hub.sshHost}:alice/REPO`)).toBeHidden();
  await page.getByText('For the terminal').click();
  await expect(page.getByText(`git clone git@${hub.sshHost}:alice/REPO`)).toBeVisible();
  await shoot(page, '21-done.png', { dark: '21-done-dark.png' });
  await page.getByRole('button', { name: 'Start over' }).last().click();
  await expect(heading(page)).toHaveText('Welcome to HF Git Desktop');
});

test('the place and the chosen key survive a restart; passphrases never do', async ({ app, home, page }) => {
  const passphrase = `quiet harbour ${Math.random().toString(36).slice(2)}`;
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  keygen(join(home, '.ssh', 'id_ed25519'), passphrase, 'old@laptop');
  await page.goto(app.url);
  await throughCheck(page);
  await page.getByRole('radio', { name: /id_ed25519/ }).check();
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(heading(page)).toHaveText('Add to the agent');
  // A wrong try sends a passphrase to main; a typed, unsent one sits in the field at the restart.
  await page.getByLabel('Passphrase of id_ed25519').fill(`${passphrase}!`);
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await expect(page.getByRole('alert')).toContainText("That passphrase doesn't unlock this key");
  await page.getByLabel('Passphrase of id_ed25519').fill(passphrase);

  const restarted: WebApp[] = [];
  const restart = async (from: WebApp): Promise<WebApp> => {
    await from.stop();
    const next = await startWebApp(from.env);
    restarted.push(next);
    await page.goto(next.url);
    return next;
  };
  try {
    const again = await restart(app);
    await expect(heading(page)).toHaveText('Add to the agent');
    await expect(page.getByLabel('Passphrase of id_ed25519')).toHaveValue('');
    await shoot(page, '30-restart-agent.png');
    const saved = filesUnder(join(home, '.config'));
    expect(saved.map((file) => file.split('/').pop())).toContain('progress.json');
    for (const file of saved) expect(readFileSync(file, 'utf8')).not.toContain(passphrase.slice(0, 12));
    const progress = JSON.parse(
      readFileSync(
        saved.find((f) => f.endsWith('progress.json'))!,
        'utf8',
      ),
    );
    expect(progress).toEqual({ step: 'agent', method: 'ssh', keyName: 'id_ed25519' });

    await page.getByLabel('Passphrase of id_ed25519').fill(passphrase);
    await page.getByRole('button', { name: 'Add to agent' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(heading(page)).toHaveText('Copy to the Hub');
    await restart(again);
    await expect(heading(page)).toHaveText('Copy to the Hub');
    await expect(page.getByLabel('Your public key')).toHaveValue(/old@laptop/);
  } finally {
    for (const running of restarted) await running.stop();
  }
});

test('existing keys are listed, broken ones explained and not choosable, a taken name is explained', async ({
  app,
  home,
  page,
}) => {
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  keygen(join(ssh, 'id_ed25519'), '', 'old@laptop');
  keygen(join(ssh, 'id_ecdsa_open'), '', 'shared@box');
  chmodSync(join(ssh, 'id_ecdsa_open'), 0o644);
  writeFileSync(join(ssh, 'id_rsa'), 'this is not a key\n', { mode: 0o600 });
  writeFileSync(join(ssh, 'id_rsa.pub'), 'garbage\n');
  await page.goto(app.url);
  await throughCheck(page);
  await expect(page.getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('radio', { name: /id_rsa/ })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /id_ecdsa_open/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Use this key' })).toBeDisabled();
  await page.getByRole('radio', { name: /id_ed25519/ }).check();
  await expect(page.getByText('ED25519, 256 bits · No passphrase · old@laptop')).toBeVisible();
  await shoot(page, '31-keys-existing.png', { dark: '31-keys-existing-dark.png' });

  await page.getByRole('button', { name: 'Create a new key for the Hub' }).click();
  const name = page.getByLabel('File name');
  await expect(name).toHaveValue('id_ed25519_hf');
  await name.fill('id_ed25519');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/already has a file with this name/)).toBeVisible();
  await shoot(page, '32-create-key-name-taken.png');
  await page.getByRole('button', { name: 'Use id_ed25519_hf' }).click();
  await expect(name).toHaveValue('id_ed25519_hf');
  await page.getByRole('button', { name: 'Back' }).click();

  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(heading(page)).toHaveText('Add to the agent');
  await expect(page.getByText('id_ed25519 has no passphrase')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Your public key')).toHaveValue(/old@laptop/);
});

test('a recorded host key that does not match is a red warning, and nothing changes without consent', async ({
  app,
  home,
  hub,
  page,
}) => {
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  keygen(join(ssh, 'id_ed25519'), '', 'old@laptop');
  keygen(join(home, 'impostor'), '', 'impostor');
  const impostor = readFileSync(join(home, 'impostor.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  const recorded = `[127.0.0.1]:${hub.sshPort} ${impostor}\n`;
  writeFileSync(join(ssh, 'known_hosts'), recorded);
  await page.goto(app.url);
  await throughCheck(page);
  await page.getByRole('radio', { name: /id_ed25519/ }).check();
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Warning: the Hub’s key does not match' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'I added it: test the connection' })).toBeDisabled();
  expect(readFileSync(join(ssh, 'known_hosts'), 'utf8')).toBe(recorded);
  expect(existsSync(join(ssh, 'config'))).toBe(false);
  await shoot(page, '33-host-key-mismatch.png', { dark: '33-host-key-mismatch-dark.png' });

  await page.getByRole('button', { name: 'Replace the recorded key' }).click();
  await expect(page.getByText('SSH on this computer is ready for the Hub.')).toBeVisible();
  const after = readFileSync(join(ssh, 'known_hosts'), 'utf8');
  expect(after).toContain(hub.hostKey);
  expect(after).not.toContain(impostor);
  await expect(page.getByText(/previous file is saved as/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'I added it: test the connection' })).toBeEnabled();
});

test('the failure verdicts: unknown host key, changed host key, no key to offer', async ({
  app,
  home,
  hub,
  agentSocket,
  page,
}) => {
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  keygen(join(ssh, 'id_ed25519'), '', 'old@laptop');
  await page.goto(app.url);
  await throughCheck(page);
  await page.getByRole('radio', { name: /id_ed25519/ }).check();
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'I added it: test the connection' }).click();
  const knownHosts = join(ssh, 'known_hosts');
  const pinned = readFileSync(knownHosts, 'utf8');

  const verdict = async (headline: string, screenshot: string): Promise<void> => {
    await page
      .getByRole('button', { name: /^Test (connection|again)$/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: headline })).toBeVisible({ timeout: 20_000 });
    await page.getByText('Details').click();
    await shoot(page, screenshot);
  };

  writeFileSync(knownHosts, '');
  await verdict('This computer doesn’t know the Hub’s host key', '40-verdict-host-key-unknown.png');
  await expect(page.getByRole('button', { name: 'Back to “Copy to the Hub”' })).toBeVisible();

  keygen(join(home, 'impostor'), '', 'impostor');
  const impostor = readFileSync(join(home, 'impostor.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  writeFileSync(knownHosts, `[127.0.0.1]:${hub.sshPort} ${impostor}\n`);
  await verdict('Warning: the Hub’s host key has changed', '41-verdict-host-key-changed.png');

  writeFileSync(knownHosts, pinned);
  spawnSync('ssh-add', ['-D'], { env: { ...process.env, SSH_AUTH_SOCK: agentSocket } });
  renameSync(join(ssh, 'id_ed25519'), join(home, 'moved-away'));
  renameSync(join(ssh, 'id_ed25519.pub'), join(home, 'moved-away.pub'));
  await verdict('The Hub refused: no key it accepts was offered', '42-verdict-permission-denied.png');
  await expect(page.getByRole('button', { name: 'Back to “Add to the agent”' })).toBeVisible();
});

/** Presses Tab until `target` has focus, proving it can be reached without a mouse. */

test('keyboard only: from Welcome to a verdict without the mouse', async ({ app, home, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  keygen(join(home, '.ssh', 'id_ed25519'), '', 'old@laptop');
  await page.goto(app.url);
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Check this computer');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled({ timeout: 20_000 });
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Your keys');
  await expect(heading(page)).toBeFocused();
  await tabTo(page, page.getByRole('radio', { name: /id_ed25519/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Use this key' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Add to the agent');
  await tabTo(page, page.getByRole('button', { name: 'Add to agent' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Copy to the Hub');
  await tabTo(page, page.getByRole('button', { name: 'Copy public key' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'I added it: test the connection' })).toBeEnabled();
  await tabTo(page, page.getByRole('button', { name: 'I added it: test the connection' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Test connection' }));
  await page.keyboard.press('Enter');
  const verdict = page.getByRole('heading', { name: 'The Hub doesn’t know this key yet' });
  await expect(verdict).toBeFocused({ timeout: 20_000 });
  await tabTo(page, page.getByRole('button', { name: 'Back to “Copy to the Hub”' }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Copy to the Hub');
});

/** A TCP port that accepts connections and never says a word, like a network that swallows SSH. */
async function silentServer(): Promise<{ readonly server: Server; readonly port: number }> {
  // Reads (so a closed connection is noticed) but never answers.
  const server = createServer((socket) => socket.resume());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

test('the network verdicts: cancel, no answer, refused, unknown name', async ({ app, home, page }) => {
  test.setTimeout(90_000);
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  keygen(join(home, '.ssh', 'id_ed25519'), '', 'old@laptop');
  await page.goto(app.url);
  await throughCheck(page);
  await page.getByRole('radio', { name: /id_ed25519/ }).check();
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByRole('button', { name: 'Add to agent' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'I added it: test the connection' }).click();
  await expect(heading(page)).toHaveText('Test the connection');
  await app.stop();

  // The same HOME, so each restart reopens on the test; only where ssh connects changes.
  const silent = await silentServer();
  const running: WebApp[] = [];
  const reopen = async (sshHost: string): Promise<void> => {
    for (const previous of running.splice(0)) await previous.stop();
    const next = await startWebApp({ ...app.env, HFGD_SSH_HOST: sshHost });
    running.push(next);
    await page.goto(next.url);
    await expect(heading(page)).toHaveText('Test the connection');
  };
  const runTest = async (headline: string, screenshot: string, timeout = 20_000): Promise<void> => {
    await page.getByRole('button', { name: /^Test (connection|again)$/ }).click();
    await expect(page.getByRole('heading', { name: headline })).toBeVisible({ timeout });
    await shoot(page, screenshot);
  };
  try {
    await reopen(`127.0.0.1:${silent.port}`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await expect(cancel).toBeFocused();
    await expect(page.getByRole('log')).toContainText('Connecting to 127.0.0.1');
    await cancel.click();
    await expect(page.getByRole('heading', { name: 'Test stopped' })).toBeVisible();
    await shoot(page, '43-verdict-cancelled.png');

    await runTest('No answer: SSH may be blocked on this network', '44-verdict-timeout.png', 40_000);
    await expect(page.locator('.verdict')).toContainText('HTTPS');

    await new Promise<void>((resolve) => silent.server.close(() => resolve()));
    await reopen(`127.0.0.1:${silent.port}`);
    await runTest('The connection was refused', '45-verdict-refused.png');

    await reopen('hub.invalid');
    await runTest('The Hub’s address could not be found', '46-verdict-dns.png');
  } finally {
    silent.server.close();
    for (const other of running) await other.stop();
  }
});
