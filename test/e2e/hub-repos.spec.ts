import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { approveToken } from '../../main/features/https/credentials';
import { ALICE_WRITE_TOKEN, type FakeHub } from '../fake-hub';
import { expect, shoot, test } from './fixtures';

// "Your repositories on the Hub" and the rest of the Hub's side against the fake hub: the list,
// its search, Clone then Open; a Space published and watched until it runs; and the token dialog
// for a person who set up SSH only (SSH keys cannot call the Hub's API).

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Creates a repository the way huggingface.js createRepo does (so it starts with the Hub's first commit). */
async function create(
  hub: FakeHub,
  body: { name: string; type?: 'dataset' | 'space'; organization?: string; private?: boolean; sdk?: string },
): Promise<void> {
  const response = await fetch(`${hub.httpUrl}/api/repos/create`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ALICE_WRITE_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** The token saved for Git, as after the token route: the API uses it too. */
async function tokenSaved(home: string, hub: FakeHub): Promise<void> {
  writeFileSync(
    join(home, '.gitconfig'),
    '[credential]\n\thelper = store\n[user]\n\tname = Alice\n\temail = alice@example.com\n',
  );
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
}

test('the list shows the account’s and its organization’s repositories; search filters; Clone, then Open', async ({
  app,
  hub,
  home,
  page,
}) => {
  await tokenSaved(home, hub);
  await create(hub, { name: 'tiny-bert' });
  await create(hub, { name: 'reviews', type: 'dataset', private: true });
  await create(hub, { name: 'demo', type: 'space', sdk: 'gradio' });
  await create(hub, { name: 'lab-model', organization: 'alice-lab' });

  await page.goto(app.url);
  await page.getByRole('button', { name: 'On the Hub' }).click();
  await expect(heading(page)).toHaveText('Your repositories on the Hub');
  await expect(
    page.getByText(/Signed in to the Hub’s API as alice, with the token saved for Git/),
  ).toBeVisible();
  const list = page.getByRole('list', { name: 'Your repositories' });
  for (const id of ['alice/tiny-bert', 'alice/reviews', 'alice/demo', 'alice-lab/lab-model'])
    await expect(list.getByRole('listitem', { name: id })).toBeVisible();
  const reviews = list.getByRole('listitem', { name: 'alice/reviews' });
  await expect(reviews).toContainText('Dataset');
  await expect(reviews).toContainText('Private');
  await expect(page.getByLabel('Clone into')).toHaveValue('~/HuggingFace');
  await shoot(page, '150-hub-list.png', { dark: '150-hub-list-dark.png' });

  await page.getByLabel('Search your repositories').fill('bert');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem', { name: 'alice/tiny-bert' })).toBeVisible();

  // The folder is changeable; `~` is the home folder (one the person has).
  mkdirSync(join(home, 'Models'));
  await page.getByLabel('Clone into').fill('~/Models');
  const row = list.getByRole('listitem', { name: 'alice/tiny-bert' });
  await expect(row).toContainText(`Clone puts it in ${join(home, 'Models', 'tiny-bert')}`);
  await row.getByRole('button', { name: 'Clone alice/tiny-bert' }).click();
  const open = row.getByRole('button', { name: 'Open alice/tiny-bert' });
  await expect(open).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText(`On this computer in ${join(home, 'Models', 'tiny-bert')}`);
  // The list read again after the clone keeps the search.
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await shoot(page, '151-hub-cloned.png');
  await open.click();
  await expect(page.getByText(join(home, 'Models', 'tiny-bert')).first()).toBeVisible();
});

test('Clone into the default folder, ~/HuggingFace, which a new person does not have yet', async ({
  app,
  hub,
  home,
  page,
}) => {
  await tokenSaved(home, hub);
  await create(hub, { name: 'lab-model', organization: 'alice-lab' });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'On the Hub' }).click();
  const row = page.getByRole('listitem', { name: 'alice-lab/lab-model' });
  await expect(row).toContainText(`Clone puts it in ${join(home, 'HuggingFace', 'lab-model')}`);
  await row.getByRole('button', { name: 'Clone alice-lab/lab-model' }).click();
  await expect(row.getByRole('button', { name: 'Open alice-lab/lab-model' })).toBeVisible({
    timeout: 60_000,
  });
});

test('a Space published from a folder, its runtime watched until it runs', async ({
  app,
  hub,
  home,
  page,
}) => {
  test.setTimeout(120_000);
  await tokenSaved(home, hub);
  const folder = join(home, 'hello-space');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'app.py'),
    'import gradio as gr\n\ngr.Interface(lambda x: x, "text", "text").launch()\n',
  );
  writeFileSync(join(folder, 'requirements.txt'), 'gradio\n');

  await page.goto(app.url);
  await page.getByRole('button', { name: 'On the Hub' }).click();
  await page.getByRole('main').getByRole('button', { name: 'Publish a folder' }).click();
  await expect(heading(page)).toHaveText('Publish a folder');
  await page.getByLabel('Folder to publish').fill(folder);
  await expect(page.getByRole('region', { name: 'What will be published' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Space' })).toBeChecked();
  await expect(page.getByLabel('Space SDK')).toHaveValue('gradio');
  await shoot(page, '152-publish-space.png');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published:' })).toContainText(
    'Space alice/hello-space',
    {
      timeout: 60_000,
    },
  );
  const status = page.getByRole('region', { name: 'Your Space alice/hello-space' });
  await expect(status).toBeVisible();
  await expect(status.locator('[data-stage="RUNNING"]')).toBeVisible({ timeout: 60_000 });
  await expect(status.getByRole('link', { name: /See its logs/ })).toBeVisible();
  await shoot(page, '153-space-running.png', { dark: '153-space-running-dark.png' });
});

test('a person with SSH only is asked for a token in place, with the reason, and the list follows', async ({
  app,
  page,
  hub,
}) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'On the Hub' }).click();
  const dialog = page.getByRole('dialog', { name: 'An access token is needed' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    'Listing your repositories uses the Hub’s API, which SSH keys cannot call.',
  );
  await expect(dialog.getByRole('link', { name: /Create a write token/ })).toHaveAttribute(
    'href',
    `${hub.httpUrl}/settings/tokens/new?tokenType=write`,
  );
  await shoot(page, '154-api-token-dialog.png', { dark: '154-api-token-dialog-dark.png' });
  await create(hub, { name: 'ssh-user-model' });
  await dialog.getByLabel('Access token').fill(ALICE_WRITE_TOKEN);
  await dialog.getByRole('button', { name: 'Check the token' }).click();
  await expect(dialog.getByLabel('Access token')).toHaveValue('');
  await expect(dialog).toContainText('This is alice’s write token');
  // Only for this session: nothing is written for Git.
  await dialog.getByRole('checkbox', { name: /Also save it for Git/ }).uncheck();
  await shoot(page, '155-api-token-checked.png');
  await dialog.getByRole('button', { name: 'Use this token' }).click();
  await expect(page.getByRole('listitem', { name: 'alice/ssh-user-model' })).toBeVisible();
  await expect(
    page.getByText(/Signed in to the Hub’s API as alice, with the token you gave the app for this session/),
  ).toBeVisible();
  expect(await page.content()).not.toContain(ALICE_WRITE_TOKEN);
});

test('New repository: created through the API, or on the Hub’s own page while the app waits for it', async ({
  app,
  hub,
  home,
  page,
}) => {
  await tokenSaved(home, hub);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'On the Hub' }).click();
  await page.getByRole('button', { name: 'New repository' }).click();
  const form = page.getByRole('region', { name: 'New repository' });
  await form.getByRole('radio', { name: 'Dataset' }).check();
  await form.getByLabel('Repository name').fill('my data');
  await form.getByRole('button', { name: 'Create the dataset' }).click();
  await expect(form).toContainText('The name may hold only letters, digits');
  await form.getByLabel('Repository name').fill('my-data');
  await form.getByRole('checkbox', { name: /Private/ }).check();
  await shoot(page, '156-new-repo.png', { dark: '156-new-repo-dark.png' });
  await form.getByRole('button', { name: 'Create the dataset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText(
    'dataset alice/my-data',
  );
  await expect(page.getByRole('listitem', { name: 'alice/my-data' })).toContainText('Private');
  expect(hub.refOf('datasets/alice/my-data', 'refs/heads/main')).toBeDefined();

  // On the Hub's page instead: the app opens it and notices when the repository exists.
  await page.getByRole('button', { name: 'New repository' }).click();
  await form.getByRole('radio', { name: 'Space' }).check();
  await form.getByLabel('Repository name').fill('made-on-the-hub');
  await form.getByRole('button', { name: 'Create it on the Hub’s page instead' }).click();
  await expect(form.getByText(/Waiting for the repository alice\/made-on-the-hub…/)).toBeVisible();
  await shoot(page, '157-waiting-for-repo.png');
  await create(hub, { name: 'made-on-the-hub', type: 'space', sdk: 'static' });
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText(
    'Space alice/made-on-the-hub',
    {
      timeout: 20_000,
    },
  );
  await expect(page.getByRole('listitem', { name: 'alice/made-on-the-hub' })).toBeVisible();
});

test('a folder that cannot be published is refused in words, with what to do', async ({
  app,
  hub,
  home,
  page,
}) => {
  await tokenSaved(home, hub);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'On the Hub' }).click();
  await page.getByRole('main').getByRole('button', { name: 'Publish a folder' }).click();
  await page.getByLabel('Folder to publish').fill(join(home, 'no such folder'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('What to do:');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  await shoot(page, '158-publish-refused-folder.png');
});
