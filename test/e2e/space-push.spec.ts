import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { ALICE_WRITE_TOKEN, spaceReadme } from '../fake-hub';
import { expect, shoot, test } from './fixtures';
import { git, openInApp } from './workspace-support';

// Issue 14, item 5 in the workspace: after a push to a Space repository (a remote under spaces/),
// the Space's runtime stage shows below the push, asked again until it settles.

test('a push to a Space shows the Space building, then running', async ({ app, hub, home, page }) => {
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await git(home, home, ['lfs', 'install', '--skip-repo']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const repo = hub.createRepo('spaces/alice/demo');
  const mine = join(home, 'demo');
  await git(home, home, ['clone', '--quiet', repo.gitDir, mine]);
  await git(home, mine, ['remote', 'set-url', 'origin', `${hub.httpUrl}/spaces/alice/demo`]);
  await git(home, mine, ['config', 'user.name', 'Alice']);
  await git(home, mine, ['config', 'user.email', 'alice@example.com']);
  writeFileSync(join(mine, 'README.md'), spaceReadme('demo', 'gradio'));
  writeFileSync(
    join(mine, 'app.py'),
    'import gradio as gr\n\ngr.Interface(lambda x: x, "text", "text").launch()\n',
  );
  await git(home, mine, ['add', '.']);
  await git(home, mine, ['commit', '--quiet', '-m', 'A first app']);

  await openInApp(page, app.url, mine);
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(page.getByText('Push done.')).toBeVisible({ timeout: 30_000 });
  const space = page.getByRole('region', { name: 'Your Space alice/demo' });
  await expect(space).toBeVisible();
  await expect(space.getByRole('status')).toContainText('The Space is running.', { timeout: 30_000 });
  await shoot(page, '147-space-after-push.png');
});
