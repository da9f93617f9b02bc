import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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
  readonly app: WebApp;
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
  app: async ({ home, hub, appEnv }, use) => {
    const app = await startWebApp({
      PATH: process.env.PATH,
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
      ...appEnv,
    });
    await use(app);
    await app.stop();
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

/** A PATH folder holding links to the named programs only, to show a machine without the others. */
export function pathWith(programs: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hfgd-path-'));
  mkdirSync(dir, { recursive: true });
  for (const program of programs) symlinkSync(join('/usr/bin', program), join(dir, program));
  return dir;
}
