import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SCREENSHOTS, shoot, test } from './fixtures';
import { fileButton, openInApp, tick, world } from './workspace-support';

// The workspace as the README shows it (docs/workspace.png is this test's 76-workspace.png):
// a model repository with a few changes and one diff selected, at 1280x800 in light mode, and
// the same at 800x600 in light and dark; axe finds nothing in any of them; keyboard only.

const README = `# tiny-sentiment

A small sentiment classifier fine-tuned on movie reviews.

## Usage

\`\`\`python
from transformers import pipeline
classify = pipeline("text-classification", model="alice/tiny-sentiment")
\`\`\`

## Training

Three epochs on 25,000 reviews.
`;

test('the workspace at a glance, by keyboard, light and dark', async ({ app, hub, home, page }) => {
  const w = await world(
    hub,
    home,
    'tiny-sentiment',
    {
      'README.md': README,
      'config.json': '{\n  "hidden_size": 256,\n  "num_labels": 2,\n  "dropout": 0.1\n}\n',
      'train.py': 'import torch\n\nEPOCHS = 3\n',
    },
    'tiny-sentiment',
  );
  writeFileSync(
    join(w.mine, 'README.md'),
    README.replace(
      'Three epochs on 25,000 reviews.',
      'Five epochs on 50,000 reviews, with early stopping.\n\n## Results\n\nAccuracy 91.2% on the test split.',
    ),
  );
  writeFileSync(
    join(w.mine, 'config.json'),
    '{\n  "hidden_size": 256,\n  "num_labels": 2,\n  "dropout": 0.2\n}\n',
  );
  writeFileSync(join(w.mine, 'evaluate.py'), 'from train import EPOCHS\n\nprint(EPOCHS)\n');
  await page.setViewportSize({ width: 1280, height: 800 });
  await openInApp(page, app.url, w.mine);
  await tick(page, 'README.md').click();
  await expect(tick(page, 'README.md')).toBeChecked();
  await tick(page, 'config.json').click();
  await expect(tick(page, 'config.json')).toBeChecked();

  // By keyboard: the file list takes Up and Down, and the selected file's diff shows.
  await fileButton(page, 'config.json').focus();
  await page.keyboard.press('ArrowUp');
  await expect(fileButton(page, 'README.md')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Lines changed in README.md' })).toContainText(
    'early stopping',
  );
  await page.getByLabel('Commit message').fill('Train longer, report accuracy');
  await expect(page.getByText('Up to date with the Hub')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Commit 2 files to main' })).toBeVisible();
  expect(await page.locator('.diff-row').count()).toBeGreaterThan(5);
  await page.screenshot({ path: join(SCREENSHOTS, '76-workspace.png') });
  await shoot(page, '76-workspace-full.png');

  // The branch menu and the tabs, by keyboard too.
  const branchButton = page.getByRole('button', { name: /Current branch/ });
  await branchButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^main/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'New branch…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(branchButton).toBeFocused();
  await page.getByRole('tab', { name: /Changes/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'History' })).toBeFocused();
  await expect(page.getByRole('button', { name: /^seed/ })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /Changes/ })).toHaveAttribute('aria-selected', 'true');
  await fileButton(page, 'README.md').click();

  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.locator('.text-diff--split')).toBeVisible();
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, '77-workspace-800.png', { dark: '77-workspace-800-dark.png' });
});
