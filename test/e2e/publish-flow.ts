import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';

// A new person's first publish, through the UI alone, shared by the E2E spec and the
// first_publish_actions benchmark. Every click and every filled field goes through `Person`, which
// counts it; waiting and reading the screen are not actions. No `expect` here: the benchmark runs
// outside Playwright's test runner, so the flow waits with locators and throws on a wrong screen.

/** Long enough for the machine check and a push of ~15 MB to a loopback hub on a busy machine. */
const SLOW_MS = 120_000;

/** The person at the keyboard: each method is one action, counted. */
export class Person {
  actions = 0;
  readonly log: string[] = [];
  constructor(readonly page: Page) {}

  async click(target: Locator, what: string): Promise<void> {
    await target.click();
    this.count(`click ${what}`);
  }

  async check(target: Locator, what: string): Promise<void> {
    await target.check();
    this.count(`tick ${what}`);
  }

  async fill(target: Locator, value: string, what: string): Promise<void> {
    await target.fill(value);
    this.count(`fill ${what}`);
  }

  private count(action: string): void {
    this.actions += 1;
    this.log.push(`${this.actions}. ${action}`);
  }
}

/** Waits until the page's one h1 says `text` (the flow is on the screen it expects). */
export async function onScreen(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout });
}

/** What the folder to publish holds: a README, a config, a binary and a 12 MiB text file. */
export interface PublishFolder {
  readonly path: string;
  /** The files the Hub's rules send to Git LFS, with their contents (for the OIDs). */
  readonly lfs: ReadonlyMap<string, Buffer>;
}

/**
 * A folder as a person has it before any Git: a README, a config, a 3 MiB binary (NUL bytes: the
 * Hub refuses binaries over 1 MiB outside LFS) and a 12 MiB text file (over the Hub's 10 MiB limit).
 */
export function makePublishFolder(parent: string, name = 'my-first-model'): PublishFolder {
  const path = join(parent, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'README.md'), `# ${name}\n\nMy first model.\n`);
  writeFileSync(join(path, 'config.json'), '{ "hidden_size": 64 }\n');
  const weights = Buffer.concat([Buffer.from([0, 0, 0, 1]), randomBytes(3 * 1024 * 1024)]);
  writeFileSync(join(path, 'model.safetensors'), weights);
  const words = Array.from(
    { length: (12 * 1024 * 1024) / 16 },
    (_, index) => `token-${String(index).padStart(9, '0')}`,
  );
  const vocab = Buffer.from(`${words.join('\n')}\n`);
  writeFileSync(join(path, 'vocab.txt'), vocab);
  return {
    path,
    lfs: new Map([
      ['model.safetensors', weights],
      ['vocab.txt', vocab],
    ]),
  };
}

/** Welcome → "Use an access token" → Check this computer → paste and check → save it for Git → "Use it". */
export async function tokenRouteSetup(person: Person, url: string, token: string): Promise<void> {
  const { page } = person;
  await page.goto(url);
  await person.check(page.getByRole('radio', { name: /Use an access token/ }), 'Use an access token');
  await person.click(page.getByRole('button', { name: 'Continue' }), 'Continue');
  await onScreen(page, 'Check this computer');
  const next = page.getByRole('button', { name: 'Continue' });
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[role="status"]')].some((node) =>
        /Checking/.test(node.textContent ?? ''),
      ),
    undefined,
    { timeout: SLOW_MS },
  );
  await person.click(next, 'Continue');
  await onScreen(page, 'Your access token');
  await person.fill(page.getByLabel('Paste your token'), token, 'the token');
  await person.click(page.getByRole('button', { name: 'Check the token' }), 'Check the token');
  await page.getByRole('region', { name: /This token belongs to/ }).waitFor({ timeout: SLOW_MS });
  await person.click(page.getByRole('button', { name: 'Continue' }), 'Continue');
  await onScreen(page, 'Save it for Git');
  // Only where no keychain-backed helper exists (as on this test machine) does Git need consent.
  await page.getByText('Looking at Git’s settings…').waitFor({ state: 'detached', timeout: SLOW_MS });
  const plain = page.getByRole('checkbox', { name: /Save it in plain text anyway/ });
  if (await plain.isVisible()) await person.check(plain, 'Save it in plain text anyway');
  await person.click(page.getByRole('button', { name: 'Save the token for Git' }), 'Save the token for Git');
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: SLOW_MS });
  await person.click(page.getByRole('button', { name: 'Continue' }), 'Continue');
  await onScreen(page, 'Use it with your repositories');
}

/**
 * From wherever the wizard ended to a pushed repository: "Publish a folder" (on the screen when
 * it offers it, else through "On the Hub"), the folder's path typed, Publish. Answers the repository's
 * NAME/REPO as the end screen names it.
 */
export async function publishFromHere(
  person: Person,
  folder: string,
  beforePublish?: (page: Page) => Promise<void>,
  apiToken?: string,
): Promise<string> {
  const { page } = person;
  const direct = page.getByRole('main').getByRole('button', { name: 'Publish a folder' });
  if (!(await direct.isVisible())) {
    await person.click(page.getByRole('button', { name: 'On the Hub' }), 'On the Hub');
    await onScreen(page, 'Your repositories on the Hub');
  }
  await person.click(
    page.getByRole('main').getByRole('button', { name: 'Publish a folder' }),
    'Publish a folder',
  );
  await onScreen(page, 'Publish a folder');
  await person.fill(page.getByLabel('Folder to publish'), folder, 'the folder’s path');
  const inspected = page.getByRole('region', { name: 'What will be published' });
  const dialog = page.getByRole('dialog', { name: 'An access token is needed' });
  await inspected.or(dialog).first().waitFor({ timeout: SLOW_MS });
  if (await dialog.isVisible()) {
    if (!apiToken) throw new Error('The publish asked for an API token the flow has none of.');
    await giveApiToken(person, apiToken);
  }
  await inspected.waitFor({ timeout: SLOW_MS });
  // Fields the inspection left empty (an email Git does not know) are the person's to type.
  const email = page.getByPlaceholder('Email');
  if ((await email.count()) > 0 && (await email.inputValue()) === '')
    await person.fill(email, 'alice@example.com', 'the email for commits');
  await beforePublish?.(page);
  await person.click(page.getByRole('button', { name: 'Publish', exact: true }), 'Publish');
  const done = page.getByRole('status').filter({ hasText: 'Published:' });
  const failed = page.getByRole('alert').first();
  await Promise.race([done.waitFor({ timeout: SLOW_MS }), failed.waitFor({ timeout: SLOW_MS })]);
  if (!(await done.isVisible())) throw new Error(`Publish failed: ${await failed.innerText()}`);
  const text = await done.innerText();
  const id = /(?:model|dataset|space) (\S+\/\S+) is on the Hub/.exec(text)?.[1];
  if (!id) throw new Error(`The end screen did not name the repository: ${text}`);
  return id;
}

/** The whole token route, counted: what first_publish_actions reports. */
export async function firstPublishTokenRoute(
  page: Page,
  options: { readonly url: string; readonly token: string; readonly folder: string },
): Promise<{ readonly actions: number; readonly log: readonly string[]; readonly repo: string }> {
  const person = new Person(page);
  await tokenRouteSetup(person, options.url, options.token);
  const repo = await publishFromHere(person, options.folder);
  return { actions: person.actions, log: person.log, repo };
}

/**
 * Welcome (SSH is the first choice) → Check → Create a key with a passphrase → Add to the agent →
 * Copy to the Hub, where the person pastes it on the Hub's keys page in a second tab (three
 * actions there) → Test the connection → "You're set up". Needs clipboard permission.
 */
export async function sshRouteSetup(
  person: Person,
  url: string,
  hubKeysPage: string,
  passphrase: string,
): Promise<void> {
  const { page } = person;
  await page.goto(url);
  await person.click(page.getByRole('button', { name: 'Continue' }), 'Continue');
  await onScreen(page, 'Check this computer');
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[role="status"]')].some((node) =>
        /Checking/.test(node.textContent ?? ''),
      ),
    undefined,
    { timeout: SLOW_MS },
  );
  await person.click(page.getByRole('button', { name: 'Continue' }), 'Continue');
  await onScreen(page, 'Your keys');
  await person.click(page.getByRole('button', { name: 'Create a new key for the Hub' }), 'Create a new key');
  await onScreen(page, 'Create a key');
  await person.fill(page.getByLabel('Passphrase', { exact: true }), passphrase, 'the passphrase');
  await person.fill(page.getByLabel('Type it again'), passphrase, 'the passphrase again');
  await person.click(page.getByRole('button', { name: 'Create key' }), 'Create key');
  await onScreen(page, 'Add to the agent', SLOW_MS);
  await person.fill(page.getByLabel(/Passphrase/).first(), passphrase, 'the passphrase for the agent');
  await person.click(page.getByRole('button', { name: 'Add to agent' }), 'Add to agent');
  await page.getByText(/is now in the agent/).waitFor({ timeout: SLOW_MS });
  await person.click(page.getByRole('button', { name: 'Continue' }), 'Continue');
  await onScreen(page, 'Copy to the Hub');
  await person.click(page.getByRole('button', { name: 'Copy public key' }), 'Copy public key');
  await person.click(
    page.getByRole('button', { name: 'Open your Hub SSH keys page' }),
    'Open your Hub SSH keys page',
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const hubTab = await page.context().newPage();
  await hubTab.goto(hubKeysPage);
  await person.fill(hubTab.getByLabel('Key name'), 'Laptop', 'the key’s name on the Hub');
  await person.fill(hubTab.getByLabel('Key', { exact: true }), copied, 'the key on the Hub (paste)');
  await person.click(hubTab.getByRole('button', { name: 'Add key' }), 'Add key on the Hub');
  await hubTab.getByText('Laptop').first().waitFor();
  await hubTab.close();
  await page.bringToFront();
  await person.click(
    page.getByRole('button', { name: 'I added it: test the connection' }),
    'I added it: test',
  );
  await onScreen(page, 'Test the connection');
  await person.click(page.getByRole('button', { name: 'Test connection' }), 'Test connection');
  await page.getByRole('heading', { name: /it works/ }).waitFor({ timeout: SLOW_MS });
  await person.click(page.getByRole('button', { name: 'Continue' }), 'Continue');
  await page.getByRole('heading', { level: 1, name: /You’re set up/ }).waitFor();
}

/** The API token the SSH route still needs for creating a repository, given in the dialog in place. */
export async function giveApiToken(person: Person, token: string): Promise<void> {
  const dialog = person.page.getByRole('dialog', { name: 'An access token is needed' });
  await dialog.waitFor({ timeout: SLOW_MS });
  await person.fill(dialog.getByLabel('Access token'), token, 'the API token');
  await person.click(dialog.getByRole('button', { name: 'Check the token' }), 'Check the token');
  await person.click(dialog.getByRole('button', { name: 'Use this token' }), 'Use this token');
  await dialog.waitFor({ state: 'detached', timeout: SLOW_MS });
}

/** The whole SSH route, counted (the Hub's API still needs a token for creating the repository). */
export async function firstPublishSshRoute(
  page: Page,
  options: {
    readonly url: string;
    readonly hubKeysPage: string;
    readonly token: string;
    readonly folder: string;
  },
): Promise<{ readonly actions: number; readonly log: readonly string[]; readonly repo: string }> {
  const person = new Person(page);
  await sshRouteSetup(person, options.url, options.hubKeysPage, `amber ${Date.now()} harbour lantern`);
  const repo = await publishFromHere(person, options.folder, undefined, options.token);
  return { actions: person.actions, log: person.log, repo };
}
