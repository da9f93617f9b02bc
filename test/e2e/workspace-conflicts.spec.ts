import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shoot, test } from './fixtures';
import { fileButton, git, onHub, openInApp, theirPush, tick, world } from './workspace-support';

// The pull of issue 12 through the workspace, against the fake hub: a conflict resolved to a
// clean push (no conflict markers ever reach the Hub), and a pull over uncommitted edits that the
// app sets aside and puts back by itself.

const LINES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

test('a conflict, resolved in the app, pushes clean: no markers on the Hub', async ({
  app,
  hub,
  home,
  page,
}) => {
  const w = await world(hub, home, 'ws-conflict', { 'README.md': '# title\n', 'notes.txt': 'notes\n' });
  await theirPush(home, w.theirs, 'README.md', '# their title\n');
  await openInApp(page, app.url, w.mine);
  // The app fetched on opening: it knows the Hub is ahead before anyone pushes.
  await expect(page.getByText('The Hub has 1 new commit: Pull')).toBeVisible({ timeout: 30_000 });

  // My edit of the same line, ticked and committed in the app.
  writeFileSync(join(w.mine, 'README.md'), '# my title\n');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await tick(page, 'README.md').click();
  await expect(tick(page, 'README.md')).toBeChecked();
  await page.getByLabel('Commit message').fill('My title');
  await page.getByRole('button', { name: /^Commit 1 file/ }).click();
  await expect(page.getByText('Committed.')).toBeVisible();

  await page.getByRole('button', { name: 'Pull', exact: true }).click();
  const outcome = page.locator('.verdict[data-kind="merge_conflict"]');
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: '1 conflict to resolve' })).toBeVisible();
  // The failure table's one click brings the focus to the conflicts.
  await outcome.getByRole('button', { name: 'Choose what to keep' }).click();
  await expect(page.getByRole('heading', { name: '1 conflict to resolve' })).toBeFocused();
  await expect(page.getByText(/still has conflict markers/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Push', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Commit/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Abort the pull' })).toBeVisible();
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, '70-workspace-conflict.png', { dark: '70-workspace-conflict-dark.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // "I fixed it" is refused while the markers are there.
  await page.getByRole('button', { name: 'I fixed it' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /marker/i })
      .first(),
  ).toBeVisible();
  // "Open in editor" in browser mode: the path, to open it yourself.
  await page.getByRole('button', { name: 'Open in editor' }).first().click();
  await expect(page.getByText(join(w.mine, 'README.md'))).toBeVisible();

  // The person fixes it in their editor; the app sees the file change and takes "I fixed it".
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toContain('<<<<<<<');
  writeFileSync(join(w.mine, 'README.md'), '# my title, after their title\n');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: 'I fixed it' }).click();
  await expect(page.getByRole('heading', { name: 'Conflicts resolved' })).toBeVisible();
  await page.getByLabel('Commit message').fill('Merge their title');
  await page.getByRole('button', { name: /^Commit/ }).click();
  await expect(page.getByText('Committed.')).toBeVisible();
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(page.getByText('Push done.')).toBeVisible({ timeout: 30_000 });

  const pushed = await onHub(w.gitDir, 'README.md');
  expect(pushed).toBe('# my title, after their title\n');
  const log = await git(home, w.theirs, ['--git-dir', w.gitDir, 'log', '-p', 'main']);
  expect(log).not.toMatch(/^\+?(<{7}|>{7})/m);
});

test('Keep the Hub’s on a conflict, and Abort the pull puts everything back', async ({
  app,
  hub,
  home,
  page,
}) => {
  const w = await world(hub, home, 'ws-abort', { 'README.md': '# title\n' });
  await theirPush(home, w.theirs, 'README.md', '# their title\n');
  writeFileSync(join(w.mine, 'README.md'), '# my title\n');
  await git(home, w.mine, ['commit', '--quiet', '-am', 'my title']);
  const before = (await git(home, w.mine, ['rev-parse', 'HEAD'])).trim();
  await openInApp(page, app.url, w.mine);

  await page.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(page.getByRole('heading', { name: '1 conflict to resolve' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Abort the pull' }).click();
  await expect(page.getByRole('heading', { name: /conflict/ })).toHaveCount(0);
  expect((await git(home, w.mine, ['rev-parse', 'HEAD'])).trim()).toBe(before);
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# my title\n');

  await page.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(page.getByRole('heading', { name: '1 conflict to resolve' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Keep the Hub’s' }).click();
  await expect(page.getByRole('heading', { name: 'Conflicts resolved' })).toBeVisible();
  expect(readFileSync(join(w.mine, 'README.md'), 'utf8')).toBe('# their title\n');
});

test('a pull over uncommitted edits sets them aside and puts them back, and says so', async ({
  app,
  hub,
  home,
  page,
}) => {
  const w = await world(hub, home, 'ws-local', { 'notes.txt': `${LINES.join('\n')}\n` });
  // They change the first line; I change the last one and do not commit.
  await theirPush(home, w.theirs, 'notes.txt', `${['ONE', ...LINES.slice(1)].join('\n')}\n`);
  const mineText = `${[...LINES.slice(0, -1), 'EIGHT (mine)'].join('\n')}\n`;
  writeFileSync(join(w.mine, 'notes.txt'), mineText);
  writeFileSync(join(w.mine, 'draft.md'), 'an untracked draft\n');
  await openInApp(page, app.url, w.mine);
  await expect(fileButton(page, 'notes.txt')).toBeVisible();

  await page.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(page.getByText(/set aside and put back/)).toBeVisible({ timeout: 30_000 });
  await shoot(page, '71-workspace-pull-local-edits.png');
  const text = readFileSync(join(w.mine, 'notes.txt'), 'utf8');
  expect(text.startsWith('ONE\n')).toBe(true);
  expect(text).toContain('EIGHT (mine)');
  expect(readFileSync(join(w.mine, 'draft.md'), 'utf8')).toBe('an untracked draft\n');
  await expect(page.getByText('Up to date with the Hub')).toBeVisible();
});
