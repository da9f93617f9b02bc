import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { firstPublishSshRoute, firstPublishTokenRoute, makePublishFolder } from '../e2e/publish-flow';
import { ALICE_WRITE_TOKEN, startFakeHub } from '../fake-hub';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import { startWebApp } from '../support/web-app';

// first_publish_actions (issue 14): the person’s actions (each click and each filled field) from
// the Welcome screen to a pushed new repository by the token route, counted by the same flow the
// E2E spec runs (test/e2e/publish-flow.ts), in browser mode against a fresh fake hub and HOME.

export interface PublishActionsFigure {
  readonly actions: number;
  /** The actions in order, for the unit column. */
  readonly log: readonly string[];
}

/** Both routes, each in a fresh HOME, fake hub and app. */
export async function benchFirstPublishActions(): Promise<{
  readonly token: PublishActionsFigure;
  readonly ssh: PublishActionsFigure;
}> {
  return { token: await oneRoute('token'), ssh: await oneRoute('ssh') };
}

async function oneRoute(route: 'token' | 'ssh'): Promise<PublishActionsFigure> {
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-publish-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const hub = await startFakeHub();
  // The app's own ssh-agent for this run, never the machine's (as test/e2e/fixtures.ts).
  const socket = join(root, 'agent.sock');
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  for (let tries = 0; tries < 200 && !existsSync(socket); tries += 1)
    await new Promise((r) => setTimeout(r, 10));
  const keys = join(root, 'hostkeys');
  writeFileSync(keys, `${hub.knownHostsLine}\n`);
  const app = await startWebApp({
    PATH: process.env.PATH,
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
    HFGD_HOST_KEYS: keys,
    SSH_AUTH_SOCK: socket,
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.url).origin,
    });
    const page = await context.newPage();
    const folder = makePublishFolder(home);
    const options = { url: app.url, token: ALICE_WRITE_TOKEN, folder: folder.path };
    const counted =
      route === 'token'
        ? await firstPublishTokenRoute(page, options)
        : await firstPublishSshRoute(page, { ...options, hubKeysPage: `${hub.httpUrl}/settings/keys` });
    if (!hub.refOf(counted.repo, 'refs/heads/main'))
      throw new Error(`${counted.repo} has no commit on the hub`);
    return { actions: counted.actions, log: counted.log };
  } finally {
    await browser.close();
    await app.stop();
    await hub.stop();
    agent.kill();
    rmSync(root, { recursive: true, force: true });
  }
}
