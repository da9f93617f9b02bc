import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shoot, test } from './fixtures';
import { fileButton, git, onHub, openInApp, tick, world } from './workspace-support';

// Nothing is lost (issue 12), through the workspace against the fake hub: moving a committed
// binary into LFS keeps uncommitted edits, Undo brings a commit's changes back, a discard can be
// restored, and switching branches carries changes along or leaves them set aside.

/** An mp4's first box header, then bytes to 1.6 MB: binary and over the Hub's 1 MiB for binaries. */
const VIDEO = Buffer.concat([Buffer.from([0, 0, 0, 24, 102, 116, 121, 112, 0, 1]), randomBytes(1_600_000)]);

test('moving a committed video into Git LFS keeps the edits not committed yet', async ({
  app,
  hub,
  home,
  page,
}) => {
  const w = await world(hub, home, 'ws-lfs', { 'README.md': '# lfs\n', 'old.txt': 'old\n' });
  writeFileSync(join(w.mine, 'demo.mp4'), VIDEO);
  await git(home, w.mine, ['add', 'demo.mp4']);
  await git(home, w.mine, ['commit', '--quiet', '-m', 'Add a demo']);
  // Uncommitted: an edit, a deletion, a new file.
  writeFileSync(join(w.mine, 'README.md'), '# lfs, edited\n');
  rmSync(join(w.mine, 'old.txt'));
  writeFileSync(join(w.mine, 'new.txt'), 'new\n');
  await openInApp(page, app.url, w.mine);

  await expect(page.getByText(/demo\.mp4 is a binary file outside Git LFS/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Push', exact: true })).toBeDisabled();
  await page.getByRole('checkbox', { name: /Rewrite my unpushed commits/ }).check();
  await page.getByRole('button', { name: 'Move into Git LFS' }).click();
  await expect(page.getByText(/Your previous commits are on the branch hfgd-backup-/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/set aside and put back/)).toBeVisible();
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# lfs, edited\n');
  expect(existsSync(join(w.mine, 'old.txt'))).toBe(false);
  expect(readFileSync(join(w.mine, 'new.txt'), 'utf8')).toBe('new\n');
  expect(readFileSync(join(w.mine, 'demo.mp4')).equals(VIDEO)).toBe(true);
  // The backup branch is one click away.
  await expect(page.getByRole('button', { name: /Restore the branch from hfgd-backup-/ })).toBeVisible();
  await shoot(page, '72-workspace-lfs-kept.png');

  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(page.getByText('Push done.')).toBeVisible({ timeout: 30_000 });
  expect(await onHub(w.gitDir, 'demo.mp4')).toMatch(/^version https:\/\/git-lfs/);
});

test('Store with Git LFS on a ticked video, before any commit, behind its own consent', async ({
  app,
  hub,
  home,
  page,
}) => {
  const w = await world(hub, home, 'ws-store', { 'README.md': '# store\n' });
  writeFileSync(join(w.mine, 'demo.mp4'), VIDEO);
  await openInApp(page, app.url, w.mine);
  await tick(page, 'demo.mp4').click();
  await expect(tick(page, 'demo.mp4')).toBeChecked();
  const problems = page.getByRole('region', { name: 'The Hub’s rules on the ticked files' });
  await expect(problems).toContainText('demo.mp4');
  await expect(page.getByText(/breaks the Hub’s rules/)).toBeVisible();
  const store = problems.getByRole('button', { name: 'Store with Git LFS' });
  await expect(store).toBeDisabled();
  await problems.getByRole('checkbox').check();
  await store.click();
  await expect(problems).toHaveCount(0);
  const staged = await git(home, w.mine, ['show', ':demo.mp4']);
  expect(staged).toMatch(/^version https:\/\/git-lfs/);
  expect(readFileSync(join(w.mine, '.gitattributes'), 'utf8')).toContain('*.mp4');
});

test('Undo the last commit: its changes come back, ticked', async ({ app, hub, home, page }) => {
  const w = await world(hub, home, 'ws-undo', { 'README.md': '# undo\n' });
  await openInApp(page, app.url, w.mine);
  writeFileSync(join(w.mine, 'README.md'), '# undo, edited\n');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await tick(page, 'README.md').click();
  await expect(tick(page, 'README.md')).toBeChecked();
  await page.getByLabel('Commit message').fill('An edit to undo');
  await page.getByRole('button', { name: /^Commit 1 file/ }).click();
  await expect(page.getByText('Committed.')).toBeVisible();
  await expect(page.getByText('1 commit to push')).toBeVisible();

  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('button', { name: /An edit to undo/ }).click();
  await expect(page.getByText('Not on the Hub yet').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lines changed in README.md' })).toContainText(
    '# undo, edited',
  );
  await shoot(page, '73-workspace-history.png', { dark: '73-workspace-history-dark.png' });
  await page.getByRole('button', { name: 'Undo this commit' }).click();
  await expect(page.getByText(/Undone/)).toBeVisible();
  await page.getByRole('tab', { name: 'Changes' }).click();
  await expect(tick(page, 'README.md')).toBeChecked();
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# undo, edited\n');
  expect((await git(home, w.mine, ['log', '--format=%s'])).trim()).toBe('seed');
});

test('Discard changes asks, says where they go, and Restore brings them back', async ({
  app,
  hub,
  home,
  page,
}) => {
  const w = await world(hub, home, 'ws-discard', { 'README.md': '# discard\n' });
  writeFileSync(join(w.mine, 'README.md'), '# discard, my precious edit\n');
  await openInApp(page, app.url, w.mine);
  await fileButton(page, 'README.md').click();
  await expect(page.getByRole('region', { name: 'Lines changed in README.md' })).toContainText(
    'my precious edit',
  );
  await page.getByRole('button', { name: 'Discard changes…' }).click();
  const dialog = page.getByRole('dialog', { name: /Discard the changes to README\.md/ });
  await expect(dialog).toContainText('The app keeps a copy of your changes in its own folder');
  await shoot(page, '74-workspace-discard.png');
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByText(/Discarded 1 file/)).toBeVisible();
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# discard\n');

  await page.getByRole('button', { name: 'Restore README.md' }).click();
  await expect(page.getByText(/Restored/)).toBeVisible();
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# discard, my precious edit\n');
  await expect(fileButton(page, 'README.md')).toBeVisible();
});

test('switching branch with changes: bring them along, or leave them set aside', async ({
  app,
  hub,
  home,
  page,
}) => {
  const w = await world(hub, home, 'ws-branch', { 'README.md': '# branch\n' });
  await openInApp(page, app.url, w.mine);
  writeFileSync(join(w.mine, 'README.md'), '# branch, work in progress\n');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(fileButton(page, 'README.md')).toBeVisible();

  // A new branch takes the changes with it.
  await page.getByRole('button', { name: /Current branch/ }).click();
  await page.getByRole('button', { name: 'New branch…' }).click();
  await page.getByLabel('New branch name').fill('experiment');
  await page.getByRole('button', { name: 'Create branch' }).click();
  await expect(page.getByRole('button', { name: /Current branch/ })).toContainText('experiment');
  await expect(fileButton(page, 'README.md')).toBeVisible();

  // Back to main, leaving them set aside on experiment.
  await page.getByRole('button', { name: /Current branch/ }).click();
  await page.getByRole('button', { name: /^main/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch to main' });
  await expect(dialog).toContainText('1 uncommitted change');
  await shoot(page, '75-workspace-switch.png', { dark: '75-workspace-switch-dark.png' });
  await dialog.getByRole('button', { name: 'Leave my changes on experiment' }).click();
  await expect(page.getByRole('button', { name: /Current branch/ })).toContainText('main');
  await expect(page.getByText('no changed files')).toBeVisible();
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# branch\n');

  // And back: they come back with it.
  await page.getByRole('button', { name: /Current branch/ }).click();
  await page.getByRole('button', { name: /^experiment/ }).click();
  await expect(page.getByRole('button', { name: /Current branch/ })).toContainText('experiment');
  await expect(fileButton(page, 'README.md')).toBeVisible();
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# branch, work in progress\n');
});
