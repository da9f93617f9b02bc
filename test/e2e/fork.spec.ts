import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { ALICE_WRITE_TOKEN } from '../fake-hub';
import { expect, shoot, test } from './fixtures';
import { git } from './workspace-support';

// Issue 14, item 6 on screen: the fork form no longer asks for an empty repository made by hand.
// The copy goes to the account with the original's name unless another is typed, and the branches
// ticked in the picker (the default one to start with) are carried.

test('fork creates its copy under the account and carries the branches ticked', async ({
  app,
  hub,
  home,
  page,
}) => {
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await git(home, home, ['lfs', 'install', '--skip-repo']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const upstream = hub.createRepo('carol/recipes');
  const theirs = join(home, 'theirs');
  await git(home, home, ['clone', '--quiet', upstream.gitDir, theirs]);
  writeFileSync(join(theirs, 'README.md'), '# Recipes\n');
  await git(home, theirs, ['add', '.']);
  await git(home, theirs, ['commit', '--quiet', '-m', 'seed']);
  await git(home, theirs, ['push', '--quiet', 'origin', 'HEAD:main']);
  await git(home, theirs, ['checkout', '--quiet', '-b', 'soups']);
  writeFileSync(join(theirs, 'soup.md'), 'Leek and potato.\n');
  await git(home, theirs, ['add', '.']);
  await git(home, theirs, ['commit', '--quiet', '-m', 'soups']);
  await git(home, theirs, ['push', '--quiet', 'origin', 'soups']);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await page.getByText('Fork a repository with its large files').click();
  await page.getByLabel('The original repository').fill('carol/recipes');
  const branches = page.getByRole('group', { name: 'Branches to carry' });
  await expect(branches.getByRole('checkbox', { name: /main/ })).toBeChecked({ timeout: 20_000 });
  await expect(branches.getByRole('checkbox', { name: /soups/ })).not.toBeChecked();
  await branches.getByRole('checkbox', { name: /soups/ }).check();
  await expect(page.getByText('Leave it empty for alice/recipes; the app creates it.')).toBeVisible();

  // An empty folder is refused on the field, before anything is asked of the Hub.
  await page.getByRole('button', { name: 'Fork', exact: true }).click();
  await expect(page.getByText('Choose a folder for your copy.')).toBeVisible();
  expect(hub.refOf('alice/recipes', 'main')).toBeUndefined();
  await page.getByLabel('Working folder on this computer').fill(join(home, 'recipes'));
  await shoot(page, '146-fork-form.png');
  await page.getByRole('button', { name: 'Fork', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('recipes', { timeout: 60_000 });
  expect(hub.refOf('alice/recipes', 'main')).toBe(hub.refOf('carol/recipes', 'main'));
  expect(hub.refOf('alice/recipes', 'soups')).toBe(hub.refOf('carol/recipes', 'soups'));
});
