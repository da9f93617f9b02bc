import { spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSession } from '../../main/core/session';
import { run } from '../../main/core/run';
import { resolveSettings } from '../../main/core/settings';
import { approveToken } from '../../main/features/https/credentials';
import { cloneRepo } from '../../main/features/repos/clone';
import { gitContext } from '../../main/git/environment';
import type { ProgressEvent } from '../../main/git/progress';
import { push } from '../../main/git/push';
import { parseRepoInput } from '../../main/hub/repo-ref';
import { ALICE_WRITE_TOKEN } from '../fake-hub';

// clone_ratio_5k and push_ratio_5k (issue 15): a repository as a Hub dataset with thousands of
// LFS files looks, 3,000 small text files in folders and 2,000 LFS files of 1 MiB of random bytes
// (2 GiB), cloned and pushed through the app's services over raw git doing the same against the
// same fake hub in the same run. Issue 15, item 4, in the same runs: the longest event-loop stall
// of this process during the service's clone and push (a 10 ms timer's lateness), its RSS growth
// (sampled), and the progress events the screen would get (rising only, ending at 100).
// The hub runs in a process of its own (startHubProcess), so its LFS serving is neither in this
// process's stalls nor in its memory: what is measured is the app's side only.

/** The repository's shape; smaller values make a quick trial run (HFGD_BENCH_5K_LFS_FILES). */
export interface Shape {
  readonly textFiles: number;
  readonly lfsFiles: number;
  readonly lfsBytes: number;
}

/** Why: the issue's figure: 3,000 text files and 2,000 LFS files of 1 MiB (about 2 GiB). */
export const SHAPE_5K: Shape = { textFiles: 3000, lfsFiles: 2000, lfsBytes: 1024 * 1024 };

/** What the service runs did to this process and what their progress said. */
export interface Watched {
  readonly stallMs: number;
  /** This process's CPU time (all its threads) over the longest stall's interval. */
  readonly stallCpuMs: number;
  /** The longest lateness this process's own CPU time could account for (min of the two per tick). */
  readonly busyStallMs: number;
  readonly rssGrowthMb: number;
  readonly events: number;
  readonly rising: boolean;
  readonly endsAt100: boolean;
  readonly phases: readonly string[];
  /**
   * The most the bar and the bytes' share (99 x done / total) were apart in the events that said
   * bytes: a bar that sits at 98% while the large files download is rising-only and still untrue.
   */
  readonly worstGap: number;
}

/** Why: the two ratios and the watch of the service runs, or the reason they were skipped. */
export type Repos5k =
  | {
      readonly kind: 'measured';
      readonly rounds: number;
      readonly shape: Shape;
      readonly clone: { readonly serviceMs: number; readonly rawMs: number; readonly watched: Watched };
      readonly push: { readonly serviceMs: number; readonly rawMs: number; readonly watched: Watched };
    }
  | { readonly kind: 'skipped'; readonly reason: string };

/**
 * The fake hub in a process of its own: test/main/git/faults/hub-process.ts (the faults tests'
 * hub, started here by path: the bench's tsconfig does not take in unit-test files), one JSON line
 * with its address, then serving until SIGTERM to its process group.
 */
async function startHubProcess(
  repos: readonly string[],
): Promise<{ httpUrl: string; stop(): Promise<void> }> {
  const script = join(__dirname, '..', 'main', 'git', 'faults', 'hub-process.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...repos], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR },
  });
  const { httpUrl } = await new Promise<{ httpUrl: string }>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(JSON.parse(text.split('\n')[0]!) as { httpUrl: string });
    });
    child.once('exit', (code) => reject(new Error(`hub process ended early (${code})`)));
  });
  return {
    httpUrl,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const ended = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM'); // it removes its repositories on the way out
      await ended;
    },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The disk the run needs at its peak: the source's work tree and its LFS store (git-lfs copies
 * each file into .git/lfs/objects on `git add`), the hub's copy of the seeded repository and of
 * each push, and one clone at a time (its work tree and its LFS store), plus 1 GiB of slack for
 * the packs and temp files.
 */
export function neededBytes(shape: Shape, rounds: number): number {
  const lfs = shape.lfsFiles * shape.lfsBytes;
  return 2 * lfs + lfs * (1 + 2 * rounds) + 2 * lfs + 1024 ** 3;
}

/**
 * Runs `work` while a 10 ms timer measures its own lateness and samples this process's RSS. Each
 * tick also reads this process's CPU time since the last: a late tick with little CPU time was
 * the machine's other load keeping the process off a core, one with as much CPU as lateness was
 * the process itself busy.
 */
async function watch<T>(
  work: () => Promise<T>,
): Promise<{ value: T; stallMs: number; stallCpuMs: number; busyStallMs: number; rssGrowthMb: number }> {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  let worst = 0;
  let worstCpu = 0;
  let busy = 0;
  let ticks = 0;
  let last = performance.now();
  let cpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const late = now - last - 10;
    const cpuMs = (used.user + used.system) / 1000;
    if (late > worst) {
      worst = late;
      worstCpu = cpuMs;
    }
    busy = Math.max(busy, Math.min(late, cpuMs));
    last = now;
    // RSS every 100 ms: reading it (/proc/self/stat on Linux) each tick would be the watch's own
    // cost, charged to the service's time alone.
    ticks += 1;
    if (ticks % 10 === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const value = await work();
    return {
      value,
      stallMs: worst,
      stallCpuMs: worstCpu,
      busyStallMs: busy,
      rssGrowthMb: (peak - baseline) / 1024 / 1024,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The progress events' verdict: rising only, 100 (and done) only at the end. */
function verdict(
  events: readonly ProgressEvent[],
): Pick<Watched, 'events' | 'rising' | 'endsAt100' | 'phases' | 'worstGap'> {
  const rising = events.every((event, index) => index === 0 || event.percent >= events[index - 1]!.percent);
  const last = events.at(-1);
  const endsAt100 =
    last?.percent === 100 &&
    last.phase === 'done' &&
    events.slice(0, -1).every((event) => event.percent < 100);
  const phases = events.map((event) => event.phase).filter((phase, index, all) => phase !== all[index - 1]);
  const worstGap = Math.max(
    0,
    ...events
      .filter((event) => event.phase !== 'done' && event.bytes && event.bytes.total > 0)
      .map((event) => Math.abs(event.percent - (99 * event.bytes!.done) / event.bytes!.total)),
  );
  return { events: events.length, rising, endsAt100, phases, worstGap };
}

/** The worst of the rounds' watches (longest stall, largest growth, any untruthful bar). */
function worstOf(watches: readonly Watched[]): Watched {
  return watches.reduce((worst, next) => ({
    ...(next.stallMs > worst.stallMs
      ? { stallMs: next.stallMs, stallCpuMs: next.stallCpuMs }
      : { stallMs: worst.stallMs, stallCpuMs: worst.stallCpuMs }),
    busyStallMs: Math.max(worst.busyStallMs, next.busyStallMs),
    rssGrowthMb: Math.max(worst.rssGrowthMb, next.rssGrowthMb),
    events: Math.min(worst.events, next.events),
    rising: worst.rising && next.rising,
    endsAt100: worst.endsAt100 && next.endsAt100,
    phases: worst.phases.length >= next.phases.length ? worst.phases : next.phases,
    worstGap: Math.max(worst.worstGap, next.worstGap),
  }));
}

/** The source repository: text files in folders of 100 and LFS files in folders of 100. */
function writeSource(source: string, shape: Shape): void {
  for (let n = 0; n < shape.textFiles; n += 1) {
    const folder = join(source, 'data', `part-${String(Math.floor(n / 100)).padStart(3, '0')}`);
    if (n % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `row-${n}.jsonl`), `{"id":${n},"text":"row ${n}"}\n`.repeat((n % 20) + 1));
  }
  // One buffer refilled for each file: 2 GiB of fresh buffers would leave garbage whose collection
  // could land in the timed runs' stall figure.
  const bytes = Buffer.alloc(shape.lfsBytes);
  for (let n = 0; n < shape.lfsFiles; n += 1) {
    const folder = join(source, 'shards', `part-${String(Math.floor(n / 100)).padStart(3, '0')}`);
    if (n % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `shard-${n}.bin`), randomFillSync(bytes));
  }
}

/** Why: the benchmark; skipped with a reason when the disk has too little room. */
export async function benchRepos5k(rounds = 1, shape: Shape = SHAPE_5K): Promise<Repos5k> {
  const needed = neededBytes(shape, rounds);
  const { bavail, bsize } = statfsSync(tmpdir());
  if (bavail * bsize < needed)
    return {
      kind: 'skipped',
      reason: `needs ${(needed / 1e9).toFixed(1)} GB free in ${tmpdir()}, has ${((bavail * bsize) / 1e9).toFixed(1)} GB`,
    };
  const names = Array.from({ length: rounds }, (_, round) => [
    `alice/bench5k-raw-${round}`,
    `alice/bench5k-svc-${round}`,
  ]).flat();
  const hub = await startHubProcess(['alice/bench5k', ...names]);
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-repos5k-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const gitEnv = { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' };
  const git = async (cwd: string, args: readonly string[]) => {
    const out = await run('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], {
      cwd,
      env: gitEnv,
      timeoutMs: 3_600_000,
    });
    if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
  };
  try {
    writeFileSync(
      join(home, '.gitconfig'),
      '[credential]\n\thelper = store\n[user]\n\tname = B\n\temail = b@example.com\n',
    );
    await git(home, ['lfs', 'install']);
    await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
    const settings = resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_DATA_DIR: join(home, 'data'),
    });
    const session = createSession({});
    const env = { PATH: process.env.PATH };
    const url = (name: string) => `${hub.httpUrl}/${name}`;

    const source = join(root, 'source');
    await git(root, ['init', '--quiet', '--initial-branch=main', source]);
    await git(source, ['lfs', 'track', '*.bin']);
    writeSource(source, shape);
    await git(source, ['add', '.']);
    await git(source, ['commit', '--quiet', '-m', 'bench']);
    await git(source, ['push', '--quiet', url('alice/bench5k'), 'main']);
    const ref = parseRepoInput('alice/bench5k', { endpoint: hub.httpUrl, sshHost: settings.sshHost });
    if (!ref.ok) throw new Error(ref.reason);

    const times = {
      cloneRaw: [] as number[],
      cloneSvc: [] as number[],
      pushRaw: [] as number[],
      pushSvc: [] as number[],
    };
    const watches = { clone: [] as Watched[], push: [] as Watched[] };
    for (let round = 0; round < rounds; round += 1) {
      // Odd rounds run the service first, so neither side always has the warmer page cache.
      const rawFirst = round % 2 === 0;
      const rawClone = async () => {
        const started = performance.now();
        await git(root, ['clone', '--quiet', url('alice/bench5k'), join(root, 'raw')]);
        times.cloneRaw.push(performance.now() - started);
        rmSync(join(root, 'raw'), { recursive: true, force: true });
      };
      const svcClone = async () => {
        const events: ProgressEvent[] = [];
        const started = performance.now();
        const watched = await watch(() =>
          cloneRepo(
            settings,
            session,
            env,
            { ref: ref.ref, transport: 'https', destination: join(root, 'svc') },
            { onProgress: (event) => events.push(event) },
          ),
        );
        times.cloneSvc.push(performance.now() - started);
        if (watched.value.pointers.length > 0)
          throw new Error(`the service's clone left ${watched.value.pointers.length} pointers`);
        watches.clone.push({
          stallMs: watched.stallMs,
          stallCpuMs: watched.stallCpuMs,
          busyStallMs: watched.busyStallMs,
          rssGrowthMb: watched.rssGrowthMb,
          ...verdict(events),
        });
        rmSync(join(root, 'svc'), { recursive: true, force: true });
      };
      for (const step of rawFirst ? [rawClone, svcClone] : [svcClone, rawClone]) await step();

      // Each push goes to a new, empty repo, so both upload everything, every LFS object included.
      const rawPush = async () => {
        const started = performance.now();
        await git(source, ['push', '--quiet', url(`alice/bench5k-raw-${round}`), 'main']);
        times.pushRaw.push(performance.now() - started);
      };
      const svcPush = async () => {
        await git(source, ['remote', 'remove', 'origin']).catch(() => undefined);
        await git(source, ['remote', 'add', 'origin', url(`alice/bench5k-svc-${round}`)]);
        const events: ProgressEvent[] = [];
        const started = performance.now();
        const watched = await watch(() =>
          push(gitContext(settings, env, session), source, { onProgress: (event) => events.push(event) }),
        );
        times.pushSvc.push(performance.now() - started);
        if (!watched.value.ok) throw new Error(watched.value.output);
        watches.push.push({
          stallMs: watched.stallMs,
          stallCpuMs: watched.stallCpuMs,
          busyStallMs: watched.busyStallMs,
          rssGrowthMb: watched.rssGrowthMb,
          ...verdict(events),
        });
      };
      for (const step of rawFirst ? [rawPush, svcPush] : [svcPush, rawPush]) await step();
    }
    return {
      kind: 'measured',
      rounds,
      shape,
      clone: {
        serviceMs: median(times.cloneSvc),
        rawMs: median(times.cloneRaw),
        watched: worstOf(watches.clone),
      },
      push: {
        serviceMs: median(times.pushSvc),
        rawMs: median(times.pushRaw),
        watched: worstOf(watches.push),
      },
    };
  } finally {
    await hub.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Why: the rows of the bench table (or one line saying why not). */
export async function repos5kFigures(
  rounds = 1,
  shape: Shape = SHAPE_5K,
): Promise<Record<string, { value: number; unit: string; goal: string }>> {
  const result = await benchRepos5k(rounds, shape);
  if (result.kind === 'skipped') {
    console.log(
      `clone_ratio_5k, push_ratio_5k, repos_5k_event_loop_stall_ms, repos_5k_rss_growth_mb: skipped: ${result.reason}`,
    );
    return {};
  }
  const { textFiles, lfsFiles, lfsBytes } = result.shape;
  const what = `${textFiles.toLocaleString('en')} text files + ${lfsFiles.toLocaleString('en')} LFS files of ${(lfsBytes / 1024 / 1024).toFixed(0)} MiB (${((lfsFiles * lfsBytes) / 1024 ** 3).toFixed(2)} GiB), ${result.rounds === 1 ? '1 round' : `medians of ${result.rounds} rounds, order alternating`}`;
  const bar = (name: string, watched: Watched) =>
    `${name}: ${watched.events} progress events, ${watched.rising ? 'never went back' : 'WENT BACK'}, ${watched.endsAt100 ? 'ended at 100 (done)' : 'DID NOT END AT 100'}, bar and bytes at most ${watched.worstGap.toFixed(1)} points apart, phases ${watched.phases.join('>')}`;
  const { clone, push: pushed } = result;
  return {
    clone_ratio_5k: {
      value: Math.round((clone.serviceMs / clone.rawMs) * 100) / 100,
      unit: `ratio (service ${(clone.serviceMs / 1000).toFixed(2)} s / raw git ${(clone.rawMs / 1000).toFixed(2)} s, ${what})`,
      goal: '<= 1.05',
    },
    push_ratio_5k: {
      value: Math.round((pushed.serviceMs / pushed.rawMs) * 100) / 100,
      unit: `ratio (service ${(pushed.serviceMs / 1000).toFixed(2)} s / raw git ${(pushed.rawMs / 1000).toFixed(2)} s, ${what})`,
      goal: '<= 1.05',
    },
    repos_5k_event_loop_stall_ms: {
      value: Math.round(Math.max(clone.watched.stallMs, pushed.watched.stallMs) * 10) / 10,
      unit: `ms (longest lateness of a 10 ms timer in this process during the service's clone ${clone.watched.stallMs.toFixed(1)} (this process on CPU ${clone.watched.stallCpuMs.toFixed(1)} ms of that tick) / push ${pushed.watched.stallMs.toFixed(1)} (on CPU ${pushed.watched.stallCpuMs.toFixed(1)} ms); the longest lateness its own CPU time could cover: clone ${clone.watched.busyStallMs.toFixed(1)} / push ${pushed.watched.busyStallMs.toFixed(1)}; hub in its own process; ${bar('clone', clone.watched)}; ${bar('push', pushed.watched)})`,
      goal: '<= 50',
    },
    repos_5k_rss_growth_mb: {
      value: Math.round(Math.max(clone.watched.rssGrowthMb, pushed.watched.rssGrowthMb) * 10) / 10,
      unit: `MB (peak RSS of this process over its RSS at the start, sampled every 100 ms: clone ${clone.watched.rssGrowthMb.toFixed(1)} / push ${pushed.watched.rssGrowthMb.toFixed(1)})`,
      goal: '<= 100',
    },
  };
}

if (process.argv[1]?.endsWith('repos-5k.ts')) {
  const files = Number(process.env.HFGD_BENCH_5K_LFS_FILES ?? SHAPE_5K.lfsFiles);
  const shape = { ...SHAPE_5K, lfsFiles: files, textFiles: Math.round((files * 3) / 2) };
  void repos5kFigures(Number(process.env.HFGD_BENCH_5K_ROUNDS ?? 1), shape).then((figures) =>
    console.log(figures),
  );
}
