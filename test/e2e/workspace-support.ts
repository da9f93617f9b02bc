import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { run } from '../../main/core/run';
import { approveToken } from '../../main/features/https/credentials';
import { ALICE_WRITE_TOKEN, type FakeHub } from '../fake-hub';
import { expect } from './fixtures';

// What the workspace specs share: real git under the test's temp HOME, a Hub repository seeded by
// "them" (another person's clone pushing straight to the hub's bare repository), my clone over
// HTTPS with the token in git's store helper, and opening it in the app.

export async function git(home: string, cwd: string, args: readonly string[]): Promise<string> {
  const result = await run('git', ['-c', 'user.name=Them', '-c', 'user.email=them@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 60_000,
  });
  expect(result.exitCode, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Their change, pushed straight to the hub's repository, as another person's push would. */
export async function theirPush(home: string, theirs: string, file: string, text: string): Promise<void> {
  writeFileSync(join(theirs, file), text);
  await git(home, theirs, ['add', file]);
  await git(home, theirs, ['commit', '--quiet', '-m', `their ${file}`]);
  await git(home, theirs, ['push', '--quiet', 'origin', 'HEAD:main']);
}

export interface World {
  readonly gitDir: string;
  readonly theirs: string;
  readonly mine: string;
}

/** A Hub repository with `files`, their clone, and mine in `folder` (Alice's, with her write token saved). */
export async function world(
  hub: FakeHub,
  home: string,
  name: string,
  files: Readonly<Record<string, string>>,
  folder = 'mine',
): Promise<World> {
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await git(home, home, ['lfs', 'install', '--skip-repo']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const repo = hub.createRepo(`alice/${name}`);
  const theirs = join(home, 'theirs');
  await git(home, home, ['clone', '--quiet', repo.gitDir, theirs]);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(theirs, file), text);
  await git(home, theirs, ['add', '.']);
  await git(home, theirs, ['commit', '--quiet', '-m', 'seed']);
  await git(home, theirs, ['push', '--quiet', 'origin', 'HEAD:main']);
  const mine = join(home, folder);
  await git(home, home, ['clone', '--quiet', repo.url, mine]);
  await git(home, mine, ['config', 'user.name', 'Alice']);
  await git(home, mine, ['config', 'user.email', 'alice@example.com']);
  return { gitDir: repo.gitDir, theirs, mine };
}

/** Opens `path` from the repositories screen, as a person would. */
export async function openInApp(page: Page, url: string, path: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await page.getByLabel('Open a repository on this computer').fill(path);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(path.split('/').pop() ?? path);
}

/** The file's text in the hub's branch, as the Hub would serve it. */
export async function onHub(gitDir: string, file: string, branch = 'main'): Promise<string> {
  const result = await run('git', ['--git-dir', gitDir, 'show', `${branch}:${file}`], {
    env: { PATH: process.env.PATH },
    timeoutMs: 10_000,
  });
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout;
}

/** A changed file's row in the Changes list (its tick box and its name). */
export const tick = (page: Page, file: string) =>
  page.getByRole('checkbox', { name: `Include ${file}`, exact: true });
export const fileButton = (page: Page, file: string) =>
  page.getByRole('tabpanel').getByRole('button', { name: file, exact: true });
