import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { ALICE_WRITE_TOKEN } from '../fake-hub';
import { expect, shoot, test } from './fixtures';

// "Copy a report for support" from the footer: the clipboard gets the redacted report.

test('copy a report for support: versions and verdicts on the clipboard, no secret', async ({
  app,
  hub,
  home,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  writeFileSync(
    join(home, '.gitconfig'),
    '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n[credential]\n\thelper = store\n',
  );
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Copy a report for support' }).click();
  await expect(page.getByText('Copied. It holds no token, email address or home folder name.')).toBeVisible({
    timeout: 30_000,
  });
  await shoot(page, '40-support-report-copied.png');
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('HF Git Desktop: report for support');
  expect(report).toContain('(browser)');
  expect(report).toContain('SSH connection to the Hub');
  expect(report).toContain('a write token of alice');
  for (const secret of [ALICE_WRITE_TOKEN, home, 'ada@example.com', 'Ada Lovelace'])
    expect(report, secret).not.toContain(secret);
});
