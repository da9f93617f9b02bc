import { ALICE_WRITE_TOKEN } from '../fake-hub';
import { expect, shoot, test } from './fixtures';
import { makePublishFolder, Person, publishFromHere, sshRouteSetup } from './publish-flow';

// The SSH route to a first publish (issue 14's first_publish_actions, SSH route): a key made and
// pasted on the Hub's keys page, the connection proven, then "Publish a folder", where the Hub's
// API still needs a token (SSH keys cannot call it), asked for in place. Counted, as the token route.

test('a new user publishes a folder as a model from the Welcome screen, by the SSH route', async ({
  app,
  hub,
  home,
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  const folder = makePublishFolder(home);
  const person = new Person(page);
  await sshRouteSetup(person, app.url, `${hub.httpUrl}/settings/keys`, `amber ${Date.now()} harbour lantern`);
  const repo = await publishFromHere(
    person,
    folder.path,
    (shown) => shoot(shown, '146-publish-ssh-ready.png'),
    ALICE_WRITE_TOKEN,
  );
  console.log(`first_publish_actions SSH route: ${person.actions}`);
  console.log(person.log.join('\n'));
  expect(repo).toBe('alice/my-first-model');
  await expect(page.getByRole('status').filter({ hasText: 'Published:' })).toContainText('over SSH');
  expect(hub.refOf('alice/my-first-model', 'refs/heads/main')).toBeDefined();
  await shoot(page, '147-published-ssh.png');
});
