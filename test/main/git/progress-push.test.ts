import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../main/core/session';
import { run } from '../../../main/core/run';
import { approveToken } from '../../../main/features/https/credentials';
import { gitContext } from '../../../main/git/environment';
import type { ProgressEvent } from '../../../main/git/progress';
import { push } from '../../../main/git/push';
import { ALICE_WRITE_TOKEN } from '../../fake-hub';
import { startHubChild, type HubChild } from './faults/hub-child';

// Issue 16, item 5, for real: one small commit with a 20 MiB file in LFS pushed to the fake hub
// (slowed to a fiftieth of its speed so the upload lasts long enough to be watched), through the
// app's push. The bar must rise only, follow the LFS bytes (it must not reach 99% before they
// have moved), and reach 100 only when git has finished.

const SIZE = 20 * 1024 * 1024;
let hub: HubChild;
let root: string;
let home: string;

async function sh(cwd: string, args: readonly string[]): Promise<void> {
  const out = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    timeoutMs: 60_000,
  });
  if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
}

beforeAll(async () => {
  hub = await startHubChild(['alice/weights']);
  root = mkdtempSync(join(tmpdir(), 'hfgd-progress-push-'));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await sh(home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN, {
    PATH: process.env.PATH,
  });
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('a push of one small commit and a 20 MiB LFS file', () => {
  it('moves in proportion to the LFS bytes, rising only, 100 only at the end', async () => {
    const work = join(root, 'work');
    await sh(root, ['clone', '--quiet', `${hub.httpUrl}/alice/weights`, work]);
    await sh(work, ['lfs', 'track', '*.safetensors']);
    writeFileSync(join(work, 'README.md'), '# weights\n');
    writeFileSync(join(work, 'model.safetensors'), randomBytes(SIZE));
    await sh(work, ['add', '.']);
    await sh(work, ['commit', '--quiet', '-m', 'weights']);

    const events: ProgressEvent[] = [];
    const slow = hub.throttle(2, 98);
    const result = await push(gitContext({ home }, { PATH: process.env.PATH }, createSession({})), work, {
      onProgress: (event) => events.push(event),
    }).finally(slow);
    expect(result.ok, result.output).toBe(true);

    const percents = events.map((event) => event.percent);
    expect(percents.every((percent, index) => index === 0 || percent >= percents[index - 1]!)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done', percent: 100 });
    expect(percents.slice(0, -1).every((percent) => percent < 100)).toBe(true);

    const lfs = events.filter((event) => event.phase === 'lfs' && event.bytes);
    // Loopback's socket buffers take the first megabytes at once; the rest comes in steps, and the
    // bar shows some of them mid-way.
    expect(lfs.length).toBeGreaterThanOrEqual(3);
    expect(lfs.some((event) => event.percent > 5 && event.percent < 95)).toBe(true);
    for (const event of lfs) {
      const { done, total } = event.bytes!;
      // The total is the file plus the pack's share (a small commit: a few kB).
      expect(total).toBeGreaterThanOrEqual(SIZE);
      expect(total).toBeLessThan(SIZE + 64 * 1024);
      expect(Math.abs(event.percent - (99 * done) / total)).toBeLessThan(1.5);
    }
    const first99 = events.findIndex((event) => event.percent >= 99);
    const lfsDone = events.findIndex((event) => (event.bytes?.done ?? 0) >= SIZE);
    expect(first99).toBeGreaterThanOrEqual(lfsDone);
    expect(events.some((event) => event.phase === 'writing')).toBe(true);
  }, 120_000);
});
