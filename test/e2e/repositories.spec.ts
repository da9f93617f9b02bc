import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { approveToken } from '../../main/features/https/credentials';
import { run } from '../../main/core/run';
import { ALICE_WRITE_TOKEN, type FakeHub } from '../fake-hub';
import { expect, shoot, test } from './fixtures';

// Clone, edit, commit and push through the repositories screen, against the fake hub's smart
// HTTP, LFS batch API and push rules, with the token in git's store helper.

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** An mp4's first box header, then bytes to 1.67 MB: binary (NUL bytes) and over the Hub's 1 MiB. */
const DEMO_MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 24, 102, 116, 121, 112, 0, 1]),
  randomBytes(1_670_000 - 10),
]);

async function git(home: string, cwd: string, args: readonly string[]) {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 60_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

/** A Hub repo with a README and one LFS file, pushed by a seeding clone. */
async function seed(hub: FakeHub, home: string): Promise<{ gitDir: string; oid: string }> {
  const repo = hub.createRepo('alice/e2e-weights');
  const work = join(home, '..', `${home.split('/').pop()}-seed`);
  await git(home, join(home, '..'), ['clone', '--quiet', repo.url, work]);
  await git(home, work, ['lfs', 'track', '*.bin']);
  writeFileSync(join(work, 'README.md'), '# e2e weights\n');
  const weights = randomBytes(500_000);
  writeFileSync(join(work, 'weights.bin'), weights);
  await git(home, work, ['add', '.']);
  await git(home, work, ['commit', '--quiet', '-m', 'seed']);
  expect((await git(home, work, ['push', '--quiet', 'origin', 'main'])).status).toBe(0);
  return { gitDir: repo.gitDir, oid: createHash('sha256').update(weights).digest('hex') };
}

test('clone, edit, commit and push through the app, with the Hub’s rules checked first', async ({
  app,
  hub,
  home,
  page,
}) => {
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await git(home, home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const seeded = await seed(hub, home);
  mkdirSync(join(home, 'models'));
  const destination = join(home, 'models', 'my weights');

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await expect(heading(page)).toHaveText('Your repositories');
  await page.getByLabel('Repository address').fill(`${hub.httpUrl}/alice/e2e-weights/tree/main`);
  await page.getByLabel('Into the folder').fill(destination);
  await expect(page.getByLabel('Branch, tag or commit (optional)')).toHaveValue('main');
  await expect(page.getByRole('radio', { name: /HTTPS, with the token saved for alice/ })).toBeChecked();
  await shoot(page, '50-repositories.png', { dark: '50-repositories-dark.png' });
  await page.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(heading(page)).toHaveText('my weights', { timeout: 30_000 });
  expect(
    createHash('sha256')
      .update(readFileSync(join(destination, 'weights.bin')))
      .digest('hex'),
  ).toBe(seeded.oid);

  // The person edits the README and adds a short video, outside the app: 1.67 MB, over the Hub's
  // 1 MiB limit for binary files outside LFS (the size the Hub refused in 2026, HUB-FACTS).
  writeFileSync(join(destination, 'README.md'), '# e2e weights, now with a demo\n');
  writeFileSync(join(destination, 'demo.mp4'), DEMO_MP4);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('cell', { name: 'demo.mp4', exact: true })).toBeVisible();
  await page.getByLabel('Name').fill('Alice Example');
  await page.getByLabel('Email').fill('alice@example.com');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Who is committing?' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Select all' }).click();
  await expect(page.getByRole('checkbox', { name: 'Include demo.mp4' })).toBeChecked();
  await page.getByLabel('Commit message').fill('Add a demo');
  await shoot(page, '51-changes.png');

  // The Hub's rules run on the ticked files before any commit exists: the video would be refused,
  // so Commit waits, and "Store with Git LFS" (behind its own consent) stores it in LFS first.
  const problems = page.getByRole('region', { name: 'The Hub’s rules on the ticked files' });
  await expect(problems).toContainText('demo.mp4');
  await expect(page.getByRole('button', { name: /^Commit 2 file/ })).toBeDisabled();
  await shoot(page, '52-hub-rules.png', { dark: '52-hub-rules-dark.png' });
  await problems.getByRole('checkbox').check();
  await problems.getByRole('button', { name: 'Store with Git LFS' }).click();
  await expect(problems).toHaveCount(0);
  await page.getByRole('button', { name: /^Commit 3 file/ }).click();
  await expect(page.getByText('Committed.')).toBeVisible();

  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(page.getByText('Push done.')).toBeVisible({ timeout: 30_000 });
  await shoot(page, '53-pushed.png');
  const log = await run('git', ['--git-dir', seeded.gitDir, 'log', '--format=%s', 'main'], {
    env: { PATH: process.env.PATH },
    timeoutMs: 10_000,
  });
  expect(log.stdout.split('\n')[0]).toBe('Add a demo');
  // demo.mp4 went to the Hub as an LFS object: the commit holds its pointer, the hub its bytes.
  const pointer = await git(home, destination, ['show', 'HEAD:demo.mp4']);
  const oid = /oid sha256:([0-9a-f]{64})/.exec(pointer.out)?.[1] ?? '';
  const stored = hub.lfsObject('alice/e2e-weights', oid);
  expect(stored, pointer.out).toBeDefined();
  expect(readFileSync(stored ?? '').equals(DEMO_MP4)).toBe(true);
  // And the person's own file is still their file, not a pointer.
  expect(readFileSync(join(destination, 'demo.mp4')).equals(DEMO_MP4)).toBe(true);

  // Remembered for next time.
  await page.getByRole('button', { name: 'Back to your repositories' }).click();
  await expect(page.getByRole('button', { name: destination })).toBeVisible();
});

test('a bad address and a folder with files in it are refused with the reason', async ({
  app,
  home,
  page,
}) => {
  mkdirSync(join(home, 'busy'));
  writeFileSync(join(home, 'busy', 'mine.txt'), 'keep');
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await page.getByLabel('Repository address').fill('--upload-pack=touch /tmp/x');
  await expect(page.getByText('An address cannot start with "-"')).toBeVisible();
  await page.getByLabel('Repository address').fill('alice/some-model');
  await expect(page.getByRole('radio', { name: 'Dataset' })).toBeVisible();
  // An empty folder field is refused in words on the field itself, before any call.
  await page.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(page.getByText('Choose a folder to clone into.')).toBeVisible();
  await expect(page.getByLabel('Into the folder')).toBeFocused();
  await page.getByLabel('Into the folder').fill(join(home, 'busy'));
  await expect(page.getByText('Choose a folder to clone into.')).toBeHidden();
  await page.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('already has files in it');
  await shoot(page, '54-clone-refused.png');
  expect(readFileSync(join(home, 'busy', 'mine.txt'), 'utf8')).toBe('keep');
});
