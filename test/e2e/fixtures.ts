import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHub, type FakeHub } from '../fake-hub';
import { startWebApp, type WebApp } from '../support/web-app';

/** Where the screenshots a person should look at are written. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

interface Fixtures {
  /** A fresh temp HOME per test: the machine's own ~/.ssh, agent and git config are never seen. */
  readonly home: string;
  readonly hub: FakeHub;
  /** Extra environment for the app (e.g. a PATH without a tool); set with test.use. */
  readonly appEnv: NodeJS.ProcessEnv;
  /** When set, the app's PATH holds only these programs (a computer without the others). */
  readonly onlyPrograms: readonly string[] | undefined;
  readonly app: WebApp;
  /** The test's own ssh-agent (never the machine's), as SSH_AUTH_SOCK. */
  readonly agentSocket: string;
}

export const test = base.extend<Fixtures>({
  home: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'hfgd e2e ü-'));
    await use(home);
    rmSync(home, { recursive: true, force: true });
  },
  hub: async ({}, use) => {
    const hub = await startFakeHub();
    await use(hub);
    await hub.stop();
  },
  appEnv: [{}, { option: true }],
  onlyPrograms: [undefined, { option: true }],
  agentSocket: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hfgd-e2e-agent-'));
    const socket = join(dir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    for (let tries = 0; tries < 200 && !existsSync(socket); tries += 1)
      await new Promise((r) => setTimeout(r, 10));
    await use(socket);
    agent.kill();
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ home, hub, appEnv, agentSocket, onlyPrograms }, use) => {
    const path = onlyPrograms ? pathWith(onlyPrograms) : undefined;
    // Pin the fake hub's host key the way HFGD_HOST_KEYS pins the Hub's published ones.
    const keys = join(home, '..', `${home.split('/').pop()}-hostkeys`);
    writeFileSync(keys, `${hub.knownHostsLine}\n`);
    const app = await startWebApp({
      PATH: process.env.PATH,
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
      HFGD_HOST_KEYS: keys,
      SSH_AUTH_SOCK: agentSocket,
      ...appEnv,
      ...(path ? { PATH: path } : {}),
    });
    await use(app);
    await app.stop();
    rmSync(keys, { force: true });
    if (path) rmSync(path, { recursive: true, force: true });
  },
});

export { expect };

/** Runs axe on the page as it is now; the tests expect zero violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`,
  );
}

/** axe must find nothing, in light and (when asked) dark; then the screenshot a person looks at. */
export async function shoot(
  page: Page,
  name: string,
  options: { readonly dark?: string } = {},
): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
  if (!options.dark) return;
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page), options.dark).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, options.dark), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Presses Tab until `target` has the focus (at most 40 times), as a keyboard user would. */
export async function tabTo(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** A PATH folder holding links to the named programs only, to show a machine without the others. */
function pathWith(programs: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hfgd-path-'));
  mkdirSync(dir, { recursive: true });
  for (const program of programs) symlinkSync(join('/usr/bin', program), join(dir, program));
  return dir;
}
