import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../fake-hub';
import { lfsSettingsOf } from '../fake-hub/lfs';
import { expect, shoot, test as base } from './fixtures';
import { git, openInApp } from './workspace-support';

// Issue 15: a file over 5 GB pushed from the repository screen, with progress, through the app's
// own multipart uploader (the built out/main/lfs-agent.js, as browser mode runs it). The fake
// hub's multipart threshold and the app's limit are both 3 MiB (HFGD_LARGE_FILE_BYTES), so a
// 48 MiB file stands in for a 6 GB one; the part size is 2 MiB (the Hub's is its own).

const MiB = 1024 * 1024;
const test = base.extend<{ hub: FakeHub }>({
  hub: async ({}, use) => {
    const hub = await startFakeHub({ lfsMaxBytes: 3 * MiB });
    lfsSettingsOf(hub.httpUrl).multipartChunkBytes = 2 * MiB;
    // A slow link: 24 parts, five at a time, each answered 400 ms late, so the bar is seen mid-way.
    lfsSettingsOf(hub.httpUrl).partDelayMs = 400;
    await use(hub);
    await hub.stop();
  },
});
test.use({ appEnv: { HFGD_LARGE_FILE_BYTES: String(3 * MiB) } });

test('a file over the large-file limit pushes from the screen in parts, with progress, and the app says what it set up', async ({
  app,
  hub,
  home,
  page,
}) => {
  test.setTimeout(120_000);
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await git(home, home, ['lfs', 'install', '--skip-repo']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  hub.createRepo('alice/weights');
  const mine = join(home, 'weights');
  await git(home, home, ['clone', '--quiet', `${hub.httpUrl}/alice/weights`, mine]);
  await git(home, mine, ['config', 'user.name', 'Alice']);
  await git(home, mine, ['config', 'user.email', 'alice@example.com']);
  writeFileSync(join(mine, '.gitattributes'), '*.safetensors filter=lfs diff=lfs merge=lfs -text\n');
  const bytes = randomBytes(48 * MiB);
  writeFileSync(join(mine, 'model.safetensors'), bytes);
  await git(home, mine, ['add', '.']);
  await git(home, mine, ['commit', '--quiet', '-m', 'The weights']);
  const oid = createHash('sha256').update(bytes).digest('hex');

  await openInApp(page, app.url, mine);
  // Before the push: a note, not a refusal, and Push is there to press.
  const rules = page.getByRole('region', { name: 'Before pushing: the Hub’s rules' });
  await expect(rules).toContainText(
    'model.safetensors (48.0 MiB) is over 5 GB, so it goes to the Hub in parts: the app sets this repository up for that when you push.',
  );
  await expect(rules).toContainText('Git Xet, the Hub’s newer way');
  await expect(rules.getByRole('link', { name: /How to get Git Xet/ })).toBeVisible();
  await shoot(page, '150-large-file-before-push.png');

  const push = page.getByRole('button', { name: 'Push', exact: true });
  await expect(push).toBeEnabled();
  await push.click();
  // The bar moves with the uploader's bytes.
  const bar = page.getByRole('progressbar', { name: 'Progress' });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await shoot(page, '151-large-file-pushing.png');
  await expect(page.getByText('Push done.')).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText(
      'Files over 5 GB go to the Hub in parts, so the app set this repository to use its large-file uploader',
      { exact: false },
    ),
  ).toBeVisible();
  await shoot(page, '152-large-file-pushed.png');

  // The hub holds the whole file, assembled from its parts.
  const stored = hub.lfsObject('alice/weights', oid);
  expect(stored).toBeDefined();
  expect(
    createHash('sha256')
      .update(readFileSync(stored as string))
      .digest('hex'),
  ).toBe(oid);
  // The repository's own config names the built uploader, as hf lfs-enable-largefiles names its own.
  const args = await git(home, mine, ['config', '--local', 'lfs.customtransfer.multipart.args']);
  expect(args.trim()).toMatch(/out\/main\/lfs-agent\.js'?$/);
});
