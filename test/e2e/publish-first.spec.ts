import { createHash } from 'node:crypto';
import { ALICE_WRITE_TOKEN } from '../fake-hub';
import { run } from '../../main/core/run';
import { expect, shoot, test } from './fixtures';
import { makePublishFolder, Person, publishFromHere, tokenRouteSetup } from './publish-flow';

// A new person goes from the Welcome screen to a published model repository through the UI alone
// (issue 14): the token route, then "Publish a folder" with a folder that is not a Git repository
// and holds a 3 MiB binary and a 12 MiB file. Every click and filled field is counted.

test('a new user publishes a folder as a model from the Welcome screen, by the token route', async ({
  app,
  hub,
  home,
  page,
}) => {
  test.setTimeout(240_000);
  const folder = makePublishFolder(home);
  const person = new Person(page);
  await tokenRouteSetup(person, app.url, ALICE_WRITE_TOKEN);
  await shoot(page, '140-use-it-next-steps.png');

  const repo = await publishFromHere(person, folder.path, (shown) =>
    shoot(shown, '142-publish-ready.png', { dark: '142-publish-ready-dark.png' }),
  );
  console.log(`first_publish_actions token route: ${person.actions}`);
  console.log(person.log.join('\n'));
  expect(repo).toBe('alice/my-first-model');
  await shoot(page, '143-published.png', { dark: '143-published-dark.png' });
  await expect(page.getByRole('link', { name: /See it on the Hub/ })).toHaveAttribute(
    'href',
    `${hub.httpUrl}/alice/my-first-model`,
  );

  // The Hub has the commit, with both large files as LFS pointers and their objects uploaded.
  const head = hub.refOf('alice/my-first-model', 'refs/heads/main');
  expect(head).toBeDefined();
  const gitDir = hub.gitDirOf('alice/my-first-model')!;
  const git = (args: readonly string[]) =>
    run('git', ['--git-dir', gitDir, ...args], { env: { PATH: process.env.PATH }, timeoutMs: 10_000 });
  const tree = (await git(['ls-tree', '-r', '--name-only', 'main'])).stdout.split('\n').filter(Boolean);
  expect(tree).toEqual(
    expect.arrayContaining(['.gitattributes', 'README.md', 'config.json', 'model.safetensors', 'vocab.txt']),
  );
  for (const [file, bytes] of folder.lfs) {
    const pointer = (await git(['show', `main:${file}`])).stdout;
    const oid = createHash('sha256').update(bytes).digest('hex');
    expect(pointer, file).toContain(`oid sha256:${oid}`);
    expect(hub.lfsObject('alice/my-first-model', oid), file).toBeDefined();
  }
  // The token never reached the page or the app's output.
  expect(await page.content()).not.toContain(ALICE_WRITE_TOKEN);
  expect(app.output()).not.toContain(ALICE_WRITE_TOKEN);

  // "Open in the app" opens the folder in the workspace.
  await page.getByRole('button', { name: 'Open in the app' }).click();
  await expect(page.getByText(folder.path).first()).toBeVisible();
  await shoot(page, '144-opened-after-publish.png');

  // The new repository is in the Hub list at once (not the list main cached before it existed).
  await page.getByRole('button', { name: 'On the Hub' }).click();
  await expect(page.getByRole('listitem', { name: 'alice/my-first-model' })).toBeVisible();
  await shoot(page, '145-hub-list-after-publish.png');
});
