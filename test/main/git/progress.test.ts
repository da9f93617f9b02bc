import { describe, expect, it } from 'vitest';
import {
  parseGitBytes,
  ProgressTracker,
  type ProgressEvent,
  type ProgressPlan,
} from '../../../main/git/progress';
import { planFor } from '../../../main/git/remote-run';
import { CLONE_GIT, CLONE_LFS, PUSH_GIT, PUSH_LFS, SLOW_CLONE_GIT } from './transcripts/progress-streams';

// The progress model over progress streams recorded here (transcripts/progress-streams.ts): one
// bar in bytes, the pack and the large files each by their size, never going back, never at 100
// before git has finished; and where a size is a guess, the rest of the bar follows the bytes
// that remain once the size is known. test/main/git/progress-push.test.ts does a real push.

const BIG = 20 * 1024 * 1024;
const SMALL = 300_000;
const LFS = BIG + SMALL;

/** Feeds a stream through a tracker whose clock moves 300 ms per step, so no update is held back. */
function feed(plan: ProgressPlan, steps: readonly (readonly ['git' | 'lfs', string])[]): ProgressEvent[] {
  let clock = 0;
  const events: ProgressEvent[] = [];
  const tracker = new ProgressTracker(
    (event) => events.push(event),
    plan,
    () => clock,
  );
  for (const [kind, text] of steps) {
    clock += 300;
    if (kind === 'git') tracker.gitOutput(text);
    else tracker.lfsLine(text);
  }
  return events;
}

const gitSteps = (text: string) => text.split(/(?<=\r|\n)/).map((chunk) => ['git', chunk] as const);
const lfsSteps = (lines: readonly string[]) => lines.map((line) => ['lfs', line] as const);
const rising = (events: readonly ProgressEvent[]) =>
  events.every((event, index) => index === 0 || event.percent >= events[index - 1]!.percent);
/** Bytes of large files moved by the time of each LFS line: what git-lfs said, summed per file. */
function lfsMoved(lines: readonly string[]): number[] {
  const files = new Map<string, number>();
  return lines.map((line) => {
    const [, , bytes = '0/0', name = ''] = line.split(' ');
    files.set(name, Number(bytes.split('/')[0]));
    return [...files.values()].reduce((sum, done) => sum + done, 0);
  });
}

describe('git’s byte counts', () => {
  it('reads the sizes progress.c writes', () => {
    expect(parseGitBytes('Receiving objects:  42% (6/14), 2.02 MiB | 3.70 MiB/s')).toBeCloseTo(
      2.02 * 1024 ** 2,
    );
    expect(parseGitBytes('Writing objects: 100% (3/3), 279 bytes | 11.00 KiB/s, done.')).toBe(279);
    expect(parseGitBytes('Writing objects: 100% (36/36), 593.38 KiB | 25.80 MiB/s, done.')).toBeCloseTo(
      593.38 * 1024,
    );
    expect(parseGitBytes('Counting objects: 100% (36/36), done.')).toBeUndefined();
  });
});

describe('a push of one small commit with 20 MiB in LFS', () => {
  const plan = { packBytes: 600 * 1024, lfsBeforePack: true };
  const events = feed(plan, [...lfsSteps(PUSH_LFS), ...gitSteps(PUSH_GIT)]);
  const lfs = events.filter((event) => event.phase === 'lfs');

  it('rises only, and never reaches 100 before git has finished', () => {
    expect(rising(events)).toBe(true);
    expect(Math.max(...events.map((event) => event.percent))).toBeLessThan(100);
  });

  it('moves with the LFS bytes: no 99% before they have moved, each step their share', () => {
    const moved = lfsMoved(PUSH_LFS);
    expect(lfs).toHaveLength(PUSH_LFS.length);
    lfs.forEach((event, index) => {
      const share = (99 * moved[index]!) / (LFS + plan.packBytes);
      expect(Math.abs(event.percent - share)).toBeLessThan(1.5);
    });
    const first99 = events.findIndex((event) => event.percent >= 99);
    expect(first99 === -1 || first99 >= lfs.length - 1).toBe(true);
    expect(lfs.at(-1)?.bytes).toEqual({ done: LFS, total: LFS + plan.packBytes });
  });

  it('counts the upload whole once git starts on the pack, though git-lfs’s lines trail behind', () => {
    const half = PUSH_LFS.slice(0, Math.floor(PUSH_LFS.length / 2));
    const trailing = feed(plan, [
      ...lfsSteps(half),
      ...gitSteps(PUSH_GIT),
      ...lfsSteps(PUSH_LFS.slice(half.length)),
    ]);
    const pack = trailing.find((event) => event.phase === 'counting')!;
    expect(pack.bytes?.done).toBeGreaterThanOrEqual(LFS);
    // All of the large files' share: only the pack's (600 KiB of 20.9 MB) is left.
    expect(pack.percent).toBeCloseTo((99 * LFS) / (LFS + plan.packBytes), 0);
    expect(rising(trailing)).toBe(true);
    expect(trailing.at(-1)?.phase).not.toBe('lfs');
  });

  it('names the phases in words', () => {
    expect(lfs[0]?.detail).toMatch(/^Uploading large files: .* of .*\(/);
    expect(
      events.some((event) => event.phase === 'writing' && /Uploading the history/.test(event.detail)),
    ).toBe(true);
  });
});

describe('a clone: the pack, then 20 MiB of large files during the checkout', () => {
  const steps = [...gitSteps(CLONE_GIT), ...lfsSteps(CLONE_LFS)];

  it('gives the pack only its guessed share while the large files are not measured', () => {
    const events = feed({ lfsAfterPack: true }, gitSteps(CLONE_GIT));
    expect(Math.max(...events.map((event) => event.percent))).toBeLessThanOrEqual(10);
  });

  it('unmeasured (the measurement failed), goes on from what git-lfs names, below 100 until done', () => {
    const events = feed({ lfsAfterPack: true }, steps);
    expect(rising(events)).toBe(true);
    const last = events.filter((event) => event.phase === 'lfs').at(-1)!;
    expect(last.percent).toBeGreaterThan(98);
    expect(last.percent).toBeLessThan(100);
  });

  it('holds the bar while the measurement is on its way, then follows the bytes', () => {
    let clock = 0;
    const events: ProgressEvent[] = [];
    const tracker = new ProgressTracker(
      (event) => events.push(event),
      { lfsAfterPack: true },
      () => clock,
    );
    for (const [, text] of gitSteps(CLONE_GIT)) {
      clock += 300;
      tracker.gitOutput(text);
    }
    const beforeLfs = events.at(-1)!.percent;
    tracker.lfsMeasuring();
    // small.bin (300,000 bytes) is whole before the measurement comes: the bar must not call it all.
    const early = CLONE_LFS.filter((line) => line.endsWith(' small.bin'));
    for (const line of early) {
      clock += 300;
      tracker.lfsLine(line);
    }
    expect(events.at(-1)!.percent).toBe(beforeLfs);
    tracker.lfsMeasured(LFS);
    for (const line of CLONE_LFS.filter((line) => line.endsWith(' big.bin'))) {
      clock += 300;
      tracker.lfsLine(line);
    }
    const lfs = events.filter((event) => event.phase === 'lfs' && event.detail.includes('big.bin'));
    const middle = lfs[Math.floor(lfs.length / 2)]!;
    const share = (middle.bytes!.done - SMALL) / (LFS - SMALL);
    expect(middle.percent).toBeGreaterThan(beforeLfs + (99 - beforeLfs) * share - 3);
    expect(middle.percent).toBeLessThan(beforeLfs + (99 - beforeLfs) * share + 6);
    expect(rising(events)).toBe(true);
  });

  it('while the large files are measured, git’s checkout count does not carry the bar', () => {
    // git counts a large file as written when git-lfs has only put its download off (the filter's
    // "delay"): a clone of 2,000 of them reached 98.5% before their download began.
    let clock = 0;
    const events: ProgressEvent[] = [];
    const tracker = new ProgressTracker(
      (event) => events.push(event),
      { lfsAfterPack: true },
      () => clock,
    );
    for (const [, text] of gitSteps(CLONE_GIT)) {
      clock += 300;
      tracker.gitOutput(text);
    }
    const before = events.at(-1)!.percent;
    tracker.lfsMeasuring();
    clock += 300;
    tracker.gitOutput('Updating files:  50% (1000/2000)\rUpdating files: 100% (2000/2000), done.\n');
    expect(events.at(-1)!.percent).toBe(before);
    // No large file to download after all: the checkout's count moves the bar again.
    clock += 300;
    tracker.lfsMeasured(undefined);
    expect(events.at(-1)!.percent).toBeGreaterThan(90);
  });

  it('a size learnt after files came goes forward to the bytes, not behind them', () => {
    let clock = 0;
    const events: ProgressEvent[] = [];
    const tracker = new ProgressTracker(
      (event) => events.push(event),
      { lfsAfterPack: true },
      () => clock,
    );
    for (const [, text] of gitSteps(CLONE_GIT)) {
      clock += 300;
      tracker.gitOutput(text);
    }
    // The measurement is slow (a loaded machine): half the bytes are in before it comes, the bar
    // held meanwhile.
    tracker.lfsMeasuring();
    const half = Math.floor(CLONE_LFS.length / 2);
    for (const line of CLONE_LFS.slice(0, half)) {
      clock += 300;
      tracker.lfsLine(line);
    }
    const held = events.at(-1)!.percent;
    expect(held).toBeLessThanOrEqual(10);
    tracker.lfsMeasured(LFS);
    clock += 300;
    tracker.lfsLine(CLONE_LFS[half]!);
    const event = events.at(-1)!;
    expect(event.bytes!.total).toBeGreaterThanOrEqual(LFS);
    expect(event.percent).toBeGreaterThanOrEqual((99 * event.bytes!.done) / event.bytes!.total - 1);
    expect(event.percent).toBeGreaterThan(held + 30);
    expect(rising(events)).toBe(true);
  });

  it('with the size measured up front, follows the bytes from the first one', () => {
    let clock = 0;
    const events: ProgressEvent[] = [];
    const tracker = new ProgressTracker(
      (event) => events.push(event),
      { lfsAfterPack: true },
      () => clock,
    );
    for (const [kind, text] of gitSteps(CLONE_GIT)) {
      clock += 300;
      if (kind === 'git') tracker.gitOutput(text);
    }
    tracker.lfsMeasured(LFS);
    for (const line of CLONE_LFS) {
      clock += 300;
      tracker.lfsLine(line);
    }
    const lfs = events.filter((event) => event.phase === 'lfs');
    const from = events.find((event) => event.bytes && event.bytes.total >= LFS)!.percent;
    const moved = lfsMoved(CLONE_LFS);
    lfs.forEach((event, index) => {
      const expected = from + ((99 - from) * moved[index]!) / LFS;
      expect(Math.abs(event.percent - expected)).toBeLessThan(1.5);
    });
  });
});

describe('a clone without large files', () => {
  it('reads the pack’s bytes as git names them, all of the bar when nothing can follow', () => {
    const events = feed({}, gitSteps(SLOW_CLONE_GIT));
    expect(rising(events)).toBe(true);
    const receiving = events.filter((event) => event.phase === 'receiving');
    expect(receiving.some((event) => (event.bytes?.done ?? 0) > 2 * 1024 * 1024)).toBe(true);
    expect(receiving.at(-1)!.percent).toBeGreaterThan(90);
    expect(Math.max(...events.map((event) => event.percent))).toBeLessThan(100);
  });
});

describe('the run’s plan from its arguments', () => {
  it('expects a checkout with large files after a clone or pull, and measures it where it can', () => {
    expect(planFor(['clone', '--progress', '--', 'url', '/d'], undefined, {})).toEqual({
      plan: { lfsAfterPack: true },
      measure: { cwd: '/d', revision: 'HEAD', when: 'first-lfs' },
    });
    expect(planFor(['clone', '--no-checkout', '--', 'url', '/d'], undefined, {}).plan).toEqual({
      lfsAfterPack: false,
    });
    expect(
      planFor(['clone', '--', 'url', '/d'], undefined, { GIT_LFS_SKIP_SMUDGE: '1' }).measure,
    ).toBeUndefined();
    expect(planFor(['pull', '--progress'], '/r', {}).measure).toEqual({
      cwd: '/r',
      revision: 'FETCH_HEAD',
      when: 'first-lfs',
    });
    expect(planFor(['lfs', 'pull'], '/r', {}).measure?.when).toBe('start');
    expect(planFor(['push', '--progress', '--', 'origin', 'HEAD'], '/r', {})).toEqual({
      plan: { lfsBeforePack: true },
    });
  });
});

describe('the stall mark', () => {
  it('is set while nothing comes and cleared when data comes again, the bar unchanged', () => {
    let clock = 0;
    const events: ProgressEvent[] = [];
    const tracker = new ProgressTracker(
      (event) => events.push(event),
      {},
      () => clock,
    );
    tracker.gitOutput('Receiving objects:  50% (5/10)\r');
    tracker.stall(30);
    clock += 1000;
    tracker.gitOutput('Receiving objects:  50% (5/10), 1.00 MiB | 1 KiB/s\r');
    tracker.stall(undefined);
    expect(events.map((event) => event.stalledSeconds)).toEqual([undefined, 30, 30, undefined]);
    expect(new Set(events.map((event) => event.percent)).size).toBe(1);
  });
});
