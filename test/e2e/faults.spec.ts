import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { run } from '../../main/core/run';
import { ALICE_WRITE_TOKEN } from '../fake-hub';
import { startWebApp } from '../support/web-app';
import { expect, shoot, test } from './fixtures';

// Faults as a person meets them on the repository screens (issue 16, items 2 and 4): a stale
// .git/index.lock left by a crash, named with its one-click removal, and a Hub that stops
// answering mid-clone, shown on the bar with Retry and Cancel. Real git; the frozen hub is the
// fake hub in a process of its own (test/main/git/faults/hub-process.ts), paused with SIGSTOP.

/** The fake hub as its own process group, to pause (SIGSTOP) and resume (SIGCONT) as a whole. */
async function startFrozenableHub(repo: string) {
  const script = join(__dirname, '..', 'main', 'git', 'faults', 'hub-process.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, repo], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR },
  });
  const info = await new Promise<{
    httpUrl: string;
    sshHost: string;
    sshPort: number;
    repos: Record<string, string>;
  }>((resolve, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(JSON.parse(text.split('\n')[0]!));
    });
    child.once('exit', (code) => reject(new Error(`hub process ended early (${code})`)));
  });
  const signal = (name: NodeJS.Signals) => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
      try {
        process.kill(-child.pid, name);
      } catch {
        // The group has already gone.
      }
  };
  return {
    ...info,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    stop: async () => {
      signal('SIGCONT');
      const ended = new Promise((resolve) => child.once('exit', resolve));
      signal('SIGTERM');
      await ended;
      const gitDir = info.repos[repo]!;
      rmSync(gitDir.slice(0, gitDir.length - `${repo}.git`.length), { recursive: true, force: true });
    },
  };
}

async function git(home: string, cwd: string, args: readonly string[]): Promise<void> {
  const result = await run('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 60_000,
  });
  expect(result.exitCode, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
}

test('a stale index.lock is named, and removed in one click', async ({ app, home, page }) => {
  const repo = join(home, 'crashed');
  mkdirSync(repo);
  await git(home, repo, ['init', '--quiet']);
  await git(home, repo, ['config', 'user.name', 'Ada']);
  await git(home, repo, ['config', 'user.email', 'ada@example.com']);
  writeFileSync(join(repo, 'notes.txt'), 'mine\n');
  // What a git killed mid-write leaves: the lock, from before the app started.
  const lock = join(repo, '.git', 'index.lock');
  writeFileSync(lock, '');
  const then = new Date(Date.now() - 3_600_000);
  utimesSync(lock, then, then);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Repositories' }).click();
  await page.getByLabel('Open a repository on this computer').fill(repo);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('crashed');
  await page.getByLabel('Include notes.txt').click();
  const answer = page.locator('.verdict[data-kind="git_lock"]');
  await expect(answer).toBeVisible();
  await expect(answer.getByRole('list', { name: 'Files' })).toContainText('index.lock');
  await shoot(page, '70-stale-lock.png');
  await answer.getByRole('button', { name: 'Remove the stale lock' }).click();
  await expect(page.getByText(/Removed the stale lock/)).toBeVisible();
  expect(existsSync(lock)).toBe(false);
  await page.getByLabel('Include notes.txt').click();
  await expect(page.getByLabel('Include notes.txt')).toBeChecked();
});

test('a Hub that stops answering mid-clone shows on the bar, with Retry and Cancel', async ({
  home,
  page,
}) => {
  test.setTimeout(120_000);
  const hub = await startFrozenableHub('alice/slow');
  try {
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
    await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
    const seed = join(home, 'seed');
    await git(home, home, ['clone', '--quiet', `${hub.httpUrl}/alice/slow`, seed]);
    for (let index = 0; index < 8; index += 1)
      writeFileSync(
        join(seed, `part-${index}.txt`),
        Buffer.alloc(1024 * 1024, `${index}`).toString('base64'),
      );
    await git(home, seed, ['add', '.']);
    await git(home, seed, ['commit', '--quiet', '-m', 'seed']);
    await git(home, seed, ['push', '--quiet', 'origin', 'HEAD:main']);
    const app = await startWebApp({
      PATH: process.env.PATH,
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
      HFGD_STALL_WARN_SECONDS: '2',
      HFGD_STALL_LIMIT_SECONDS: '600',
    });
    try {
      hub.freeze();
      await page.goto(app.url);
      await page.getByRole('button', { name: 'Repositories' }).click();
      await page.getByLabel('Repository address').fill(`${hub.httpUrl}/alice/slow`);
      await page.getByLabel('Into the folder').fill(join(home, 'copy'));
      await page.getByRole('button', { name: 'Clone', exact: true }).click();
      await expect(page.getByText(/No data from the Hub for \d+ s\./)).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
      await shoot(page, '71-stalled-clone.png');
      // Retry stops the silent clone and starts it again; with the Hub back, it goes through.
      await page.getByRole('button', { name: 'Retry' }).click();
      hub.thaw();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('copy', { timeout: 60_000 });
    } finally {
      await app.stop();
    }
  } finally {
    await hub.stop();
  }
});
