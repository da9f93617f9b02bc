import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { firstPublishTokenRoute, makePublishFolder } from '../e2e/publish-flow';
import { ALICE_WRITE_TOKEN, startFakeHub } from '../fake-hub';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import { startWebApp } from '../support/web-app';

// first_publish_actions (issue 14): the person's actions (each click and each filled field) from
// the Welcome screen to a pushed new repository by the token route, counted by the same flow the
// E2E spec runs (test/e2e/publish-flow.ts), in browser mode against a fresh fake hub and HOME.

export interface PublishActionsFigure {
  readonly actions: number;
  /** The actions in order, for the unit column. */
  readonly log: readonly string[];
}

export async function benchFirstPublishActions(): Promise<PublishActionsFigure> {
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-publish-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const hub = await startFakeHub();
  const keys = join(root, 'hostkeys');
  writeFileSync(keys, `${hub.knownHostsLine}\n`);
  const app = await startWebApp({
    PATH: process.env.PATH,
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
    HFGD_HOST_KEYS: keys,
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await (await browser.newContext()).newPage();
    const folder = makePublishFolder(home);
    const counted = await firstPublishTokenRoute(page, {
      url: app.url,
      token: ALICE_WRITE_TOKEN,
      folder: folder.path,
    });
    if (!hub.refOf(counted.repo, 'refs/heads/main'))
      throw new Error(`${counted.repo} has no commit on the hub`);
    return { actions: counted.actions, log: counted.log };
  } finally {
    await browser.close();
    await app.stop();
    await hub.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
