import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { approveToken } from '../../main/features/https/credentials';
import { run } from '../../main/core/run';
import { ALICE_WRITE_TOKEN, type FakeHub } from '../fake-hub';
import { expect, shoot, test } from './fixtures';

// A clone whose large files do not all arrive is kept and completed (issue 16, item 3), and the
// home screen's fields cap what they send (item 1), through the UI in browser mode. The Hub here
// lacks one LFS object during the clone (moved aside, then put back), which fails git-lfs in the
// checkout exactly as a dropped line does; test/main/features/repos/clone-safety.test.ts cuts
// the line itself.

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function git(home: string, cwd: string, args: readonly string[]) {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 60_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

/** A Hub repo with a README and two LFS files; answers each file's oid. */
async function seed(hub: FakeHub, home: string): Promise<Record<string, string>> {
  const repo = hub.createRepo('alice/e2e-interrupted');
  const work = join(home, '..', `${home.split('/').pop()}-seed`);
  await git(home, join(home, '..'), ['clone', '--quiet', repo.url, work]);
  await git(home, work, ['lfs', 'track', '*.bin']);
  writeFileSync(join(work, 'README.md'), '# interrupted\n');
  const oids: Record<string, string> = {};
  for (const name of ['first.bin', 'second.bin']) {
    const bytes = randomBytes(300_000);
    writeFileSync(join(work, name), bytes);
    oids[name] = createHash('sha256').update(bytes).digest('hex');
  }
  await git(home, work, ['add', '.']);
  await git(home, work, ['commit', '--quiet', '-m', 'seed']);
  expect((await git(home, work, ['push', '--quiet', 'origin', 'main'])).status).toBe(0);
  return oids;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a clone whose large files did not all arrive is kept, and "Download the rest" completes it', async ({
  app,
  hub,
  home,
  page,
}) => {
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await git(home, home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const oids = await seed(hub, home);
  const object = hub.lfsObject('alice/e2e-interrupted', oids['second.bin'] ?? '') ?? '';
  renameSync(object, `${object}.aside`);
  mkdirSync(join(home, 'models'));
  const destination = join(home, 'models', 'interrupted');

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await page.getByLabel('Repository address').fill(`${hub.httpUrl}/alice/e2e-interrupted`);
  await page.getByLabel('Into the folder').fill(destination);
  await page.getByRole('button', { name: 'Clone', exact: true }).click();
  const kept = page.getByRole('status').filter({ hasText: 'Nothing was deleted' });
  await expect(kept).toContainText(`cloned into ${destination}, but 1 large file is still a placeholder`, {
    timeout: 30_000,
  });
  await expect(heading(page)).toHaveText('Your repositories');
  await shoot(page, '55-clone-kept.png');
  // Nothing was deleted: the commits, the README, the file that arrived, a pointer for the other.
  expect(existsSync(join(destination, '.git'))).toBe(true);
  expect(readFileSync(join(destination, 'README.md'), 'utf8')).toBe('# interrupted\n');
  expect(sha256(join(destination, 'first.bin'))).toBe(oids['first.bin']);
  expect(readFileSync(join(destination, 'second.bin'), 'utf8')).toContain('git-lfs.github.com/spec/v1');

  // The Hub has the file again (the line is back): the rest comes down and the clone opens.
  renameSync(`${object}.aside`, object);
  await page.getByRole('button', { name: 'Download the rest' }).click();
  await expect(heading(page)).toHaveText('interrupted', { timeout: 30_000 });
  expect(sha256(join(destination, 'second.bin'))).toBe(oids['second.bin']);
  await expect(page.getByText(/large files? (is a placeholder|are placeholders)/)).toHaveCount(0);
});

test('a 3 MB paste into the address field is cut to 2,048 characters, says so, and the app keeps answering', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  const address = page.getByLabel('Repository address');
  const length = (field: ReturnType<Page['getByLabel']>) =>
    field.evaluate((input) => (input as HTMLInputElement).value.length);
  // As a paste arrives: text inserted at the caret, which the field's own cap cuts.
  await address.focus();
  await page.keyboard.insertText(`alice/${'m'.repeat(3 * 1024 * 1024)}`);
  expect(await length(address)).toBe(2048);
  await expect(page.getByText('At most 2,048 characters: anything past that was left out.')).toBeVisible();
  // main still answers: the address is checked (and refused, it is no repository name) ...
  await expect(page.getByText(/names use letters, digits/)).toBeVisible();
  await shoot(page, '56-address-capped.png');
  // ... and so is everything after it, over the same socket.
  await address.fill('alice/ok-model');
  await expect(page.getByRole('radio', { name: 'Dataset' })).toBeVisible();
  const revision = page.getByLabel('Branch, tag or commit (optional)');
  await revision.focus();
  await page.keyboard.insertText('x'.repeat(400));
  expect(await length(revision)).toBe(255);
  await expect(page.getByText('At most 255 characters: anything past that was left out.')).toBeVisible();
});
