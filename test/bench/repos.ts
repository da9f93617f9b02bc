import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { createSession } from '../../main/core/session';
import { run } from '../../main/core/run';
import { cloneRepo } from '../../main/features/repos/clone';
import { parseRepoInput } from '../../main/hub/repo-ref';
import { gitContext } from '../../main/git/environment';
import { push } from '../../main/git/push';
import { resolveSettings } from '../../main/core/settings';
import { ALICE_WRITE_TOKEN, startFakeHub } from '../fake-hub';

// clone_ratio and push_ratio: a repository of 1,000 small files and a 100 MB LFS file, cloned and
// pushed through the app's services, divided by raw git doing the same against the same fake hub
// in the same run (alternating, medians), with the token in git's store helper for both.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function benchRepos(rounds = 3): Promise<{
  clone: { ratio: number; serviceMs: number; rawMs: number };
  push: { ratio: number; serviceMs: number; rawMs: number };
}> {
  const hub = await startFakeHub();
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-repos-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const gitEnv = { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' };
  const git = async (cwd: string, args: readonly string[]) => {
    const out = await run('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], {
      cwd,
      env: gitEnv,
      timeoutMs: 600_000,
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

    // The repository: 1,000 small files in 10 folders and one 100 MB LFS file.
    const source = join(root, 'source');
    await git(root, ['init', '--quiet', '--initial-branch=main', source]);
    await git(source, ['lfs', 'track', '*.bin']);
    for (let folder = 0; folder < 10; folder += 1) {
      mkdirSync(join(source, `part-${folder}`));
      for (let file = 0; file < 100; file += 1)
        writeFileSync(
          join(source, `part-${folder}`, `file-${file}.json`),
          `{"folder":${folder},"file":${file}}\n`,
        );
    }
    writeFileSync(join(source, 'model.bin'), randomBytes(100 * 1024 * 1024));
    await git(source, ['add', '.']);
    await git(source, ['commit', '--quiet', '-m', 'bench']);
    const seeded = hub.createRepo('alice/bench');
    await git(source, ['push', '--quiet', seeded.url, 'main']);
    const ref = parseRepoInput('alice/bench', { endpoint: hub.httpUrl, sshHost: settings.sshHost });
    if (!ref.ok) throw new Error(ref.reason);

    const cloneRaw: number[] = [];
    const cloneService: number[] = [];
    const pushRaw: number[] = [];
    const pushService: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let started = performance.now();
      await git(root, ['clone', '--quiet', seeded.url, join(root, `raw-${round}`)]);
      cloneRaw.push(performance.now() - started);
      started = performance.now();
      await cloneRepo(settings, session, env, {
        ref: ref.ref,
        transport: 'https',
        destination: join(root, `svc-${round}`),
      });
      cloneService.push(performance.now() - started);
      rmSync(join(root, `raw-${round}`), { recursive: true, force: true });
      rmSync(join(root, `svc-${round}`), { recursive: true, force: true });

      // Each push goes to a new, empty repo, so both upload everything, the LFS object included.
      const rawTarget = hub.createRepo(`alice/bench-raw-${round}`);
      started = performance.now();
      await git(source, ['push', '--quiet', rawTarget.url, 'main']);
      pushRaw.push(performance.now() - started);
      const svcTarget = hub.createRepo(`alice/bench-svc-${round}`);
      await git(source, ['remote', 'remove', 'origin']).catch(() => undefined);
      await git(source, ['remote', 'add', 'origin', svcTarget.url]);
      started = performance.now();
      const pushed = await push(gitContext(settings, env, session), source);
      pushService.push(performance.now() - started);
      if (!pushed.ok) throw new Error(pushed.output);
    }
    const figure = (service: number[], raw: number[]) => ({
      ratio: median(service) / median(raw),
      serviceMs: median(service),
      rawMs: median(raw),
    });
    return { clone: figure(cloneService, cloneRaw), push: figure(pushService, pushRaw) };
  } finally {
    await hub.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

// The repository workspace (issue 12, "Performance"): the app's whole repository-state call on a
// 50,000-file tree divided by `git status --porcelain=v2` on the same tree, and the pre-push check
// over 5,000 unpushed commits divided by `git rev-list --objects` over the same range, in the same
// run, alternating, medians. The trees are built with `git fast-import` (history) and plain writes
// (the work tree) in a temp folder, and deleted after.

/** One figure as run.ts prints it. */
export interface WorkspaceFigure {
  readonly value: number;
  readonly unit: string;
  readonly goal: string;
}

const FILES = 50_000;
const FOLDERS = 500;
const CHANGED = 500;
const COMMITS = 5000;

/** Text of a few dozen to about a thousand bytes, different for every path (as a code or data repo). */
const textOf = (path: string, n: number): string => `line of ${path}\n`.repeat((n % 40) + 1);
const pathOf = (n: number): string =>
  `part-${String(n % FOLDERS).padStart(3, '0')}/file-${String(Math.floor(n / FOLDERS)).padStart(4, '0')}.txt`;

/** A fast-import `data` command; byte length, since fast-import counts bytes. */
const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Medians of the app's call and the plain tool's, alternating, after one warm-up of each. */
async function ratioOf(
  app: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  rounds: number,
  beforeApp: () => void = () => undefined,
): Promise<{ readonly ratio: number; readonly appMs: number; readonly rawMs: number }> {
  beforeApp();
  await app();
  await raw();
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    rawTimes.push(await timed(raw));
    beforeApp();
    appTimes.push(await timed(app));
  }
  return { ratio: median(appTimes) / median(rawTimes), appMs: median(appTimes), rawMs: median(rawTimes) };
}

type Git = (cwd: string, args: readonly string[], input?: string) => Promise<string>;

const commitHeader = (message: string, time: number): string =>
  `commit refs/heads/main\ncommitter B <b@example.com> ${1_700_000_000 + time} +0000\n${data(message)}`;

const folderOf = (folder: number): string => `part-${String(folder).padStart(3, '0')}`;

/** 50,000 files in one commit (fast-import), the same bytes written in the work tree, 500 then edited. */
async function buildBigTree(git: Git, root: string): Promise<string> {
  const big = join(root, 'big');
  await git(root, ['init', '--quiet', '--initial-branch=main', big]);
  const stream: string[] = [commitHeader('50,000 files', 0)];
  for (let n = 0; n < FILES; n += 1)
    stream.push(`M 100644 inline ${pathOf(n)}\n${data(textOf(pathOf(n), n))}`);
  await git(big, ['fast-import', '--quiet'], stream.join(''));
  for (let folder = 0; folder < FOLDERS; folder += 1) mkdirSync(join(big, folderOf(folder)));
  for (let n = 0; n < FILES; n += 1) writeFileSync(join(big, pathOf(n)), textOf(pathOf(n), n));
  // An index written in the same second as the files would leave every entry "racily clean",
  // so each status would read all 50,000 files again (git's racy-git rule): not a real tree.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await git(big, ['reset', '--quiet']);
  for (let n = 0; n < FILES; n += FILES / CHANGED) writeFileSync(join(big, pathOf(n)), 'edited\n');
  await git(big, ['remote', 'add', 'origin', 'https://huggingface.co/b/big']);
  return big;
}

/** One commit (a README) and 50,000 untracked files in 500 folders. */
async function buildUntrackedTree(git: Git, root: string): Promise<string> {
  const untracked = join(root, 'untracked');
  await git(root, ['init', '--quiet', '--initial-branch=main', untracked]);
  writeFileSync(join(untracked, 'README.md'), '# data\n');
  await git(untracked, ['add', '.']);
  await git(untracked, ['commit', '--quiet', '-m', 'readme']);
  for (let folder = 0; folder < FOLDERS; folder += 1) mkdirSync(join(untracked, folderOf(folder)));
  for (let n = 0; n < FILES; n += 1) writeFileSync(join(untracked, pathOf(n)), textOf(pathOf(n), n));
  return untracked;
}

/** 5,000 commits over a pushed base of 200 files; a 12 MB binary file added at 1,000, deleted at 4,000. */
async function buildHistory(git: Git, root: string): Promise<string> {
  const history = join(root, 'history');
  await git(root, ['init', '--quiet', '--initial-branch=main', history]);
  const stream: string[] = [commitHeader('base', 0)];
  for (let n = 0; n < 200; n += 1) stream.push(`M 100644 inline ${pathOf(n)}\n${data(textOf(pathOf(n), n))}`);
  stream.push('reset refs/remotes/origin/main\nfrom refs/heads/main\n\n');
  // Bytes below 128 only, so the text form is the bytes; NULs make it binary for git and the Hub.
  const large = Array.from(randomBytes(12 * 1024 * 1024), (byte) => String.fromCharCode(byte & 0x7f)).join(
    '',
  );
  for (let n = 1; n <= COMMITS; n += 1) {
    stream.push(
      commitHeader(`change ${n}`, n),
      `M 100644 inline ${pathOf(n % 200)}\n${data(`${textOf(pathOf(n), n)}${n}\n`)}`,
    );
    if (n === 1000) stream.push(`M 100644 inline weights.bin\n${data(large)}`);
    if (n === 4000) stream.push('D weights.bin\n');
  }
  await git(history, ['fast-import', '--quiet'], stream.join(''));
  return history;
}

export async function benchWorkspace(rounds = 9): Promise<Record<string, WorkspaceFigure>> {
  const { readRepoState } = await import('../../main/features/repos/state');
  const { forgetScans, prePushCheck } = await import('../../main/features/repos/pre-push');
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-workspace-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const gitEnv = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
  const git: Git = async (cwd, args, input) => {
    const out = await run('git', args, {
      cwd,
      env: gitEnv,
      timeoutMs: 600_000,
      maxOutputBytes: 512 * 1024 * 1024,
      ...(input === undefined ? {} : { input }),
    });
    if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
    return out.stdout;
  };
  const settings = resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data') });
  const env = { PATH: process.env.PATH };
  const context = gitContext(settings, env);
  const figures: Record<string, WorkspaceFigure> = {};
  const unit = (figure: { appMs: number; rawMs: number }, what: string, tool: string) =>
    `ratio (app ${figure.appMs.toFixed(1)} ms / ${tool} ${figure.rawMs.toFixed(1)} ms, ${what}, medians of ${rounds})`;
  const rawStatus = (path: string) => () => git(path, ['status', '--porcelain=v2']);
  const appState = (path: string) => () => readRepoState(settings, context, path);
  try {
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = B\n\temail = b@example.com\n');
    await git(home, ['lfs', 'install', '--skip-repo']);
    const [big, untracked, history] = [
      await buildBigTree(git, root),
      await buildUntrackedTree(git, root),
      await buildHistory(git, root),
    ];

    // Pushed: the remote-tracking branch is at HEAD, and the branch follows it.
    await git(big, ['update-ref', 'refs/remotes/origin/main', 'HEAD']);
    await git(big, ['branch', '--quiet', '--set-upstream-to=origin/main', 'main']);
    const pushed = await ratioOf(appState(big), rawStatus(big), rounds);
    figures.repo_status_ratio_pushed = {
      value: Math.round(pushed.ratio * 100) / 100,
      unit: unit(pushed, '50,000 files, 500 changed, branch pushed', 'git status --porcelain=v2'),
      goal: '<= 1.3',
    };

    // Never pushed: no remote-tracking branch, so all 50,000 files are in the pre-push check.
    // Kept scans: what every refresh after the first costs; cold: the first look (or after a commit).
    await git(big, ['branch', '--quiet', '--unset-upstream']);
    await git(big, ['update-ref', '-d', 'refs/remotes/origin/main']);
    const unpushed = await ratioOf(appState(big), rawStatus(big), rounds);
    const cold = await ratioOf(appState(big), rawStatus(big), rounds, forgetScans);
    const unpushedState = await readRepoState(settings, context, big);
    figures.repo_status_ratio_unpushed = {
      value: Math.round(unpushed.ratio * 100) / 100,
      unit: unit(
        unpushed,
        `same tree never pushed, pre-push check over ${unpushedState.prePush.commits} commit of ${FILES} files kept from the first call; that first call ${cold.ratio.toFixed(2)} (${cold.appMs.toFixed(1)} ms / ${cold.rawMs.toFixed(1)} ms)`,
        'git status --porcelain=v2',
      ),
      goal: '<= 1.3',
    };

    const fresh = await ratioOf(appState(untracked), rawStatus(untracked), rounds);
    const answer = JSON.stringify(await readRepoState(settings, context, untracked)).length;
    figures.repo_status_ratio_untracked = {
      value: Math.round(fresh.ratio * 100) / 100,
      unit: unit(
        fresh,
        `50,000 untracked files in 500 folders, answer ${(answer / 1024).toFixed(1)} KB`,
        'git status --porcelain=v2',
      ),
      goal: '<= 1.3',
    };

    // Every timed check scans afresh: nothing kept from the round before.
    const scan = await ratioOf(
      () => prePushCheck(home, history, env),
      () => git(history, ['rev-list', '--objects', 'HEAD', '--not', '--remotes', '--']),
      rounds,
      forgetScans,
    );
    const report = await prePushCheck(home, history, env);
    if (!report.problems.some((problem) => problem.path === 'weights.bin' && problem.inHistoryOnly))
      throw new Error(`the pre-push check missed the 12 MB file: ${JSON.stringify(report)}`);
    figures.prepush_scan_ratio = {
      value: Math.round(scan.ratio * 100) / 100,
      unit: unit(
        scan,
        `${report.commits} unpushed commits, a 12 MB file in history`,
        'git rev-list --objects',
      ),
      goal: '<= 1.5',
    };
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
