import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../main/core/run';
import { fileDiff } from '../../main/features/repos/history/diff-view';
import { RepoWatcher } from '../../main/features/repos/history/watcher';
import { gitContext } from '../../main/git/environment';

// diff_service_ratio and watch_start_ms (issue 12): the app's fileDiff of a 5 MB text change,
// answer serialised as IPC would, divided by plain `git diff` of the same file in the same run
// (alternating, medians); and the work-tree watcher's start on a 50,000-file / 2,000-folder tree.
// To wire into run.ts: `const history = await benchHistory(5);` then one Figure per field.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function benchHistory(rounds = 5): Promise<{
  diff: { ratio: number; serviceMs: number; rawMs: number; sentBytes: number };
  watch: { startMs: number; watches: number };
}> {
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-history-'));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '');
  const env = { PATH: process.env.PATH, HOME: home };
  const sh = async (cwd: string, args: readonly string[]) => {
    const out = await run('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], {
      cwd,
      env,
      timeoutMs: 600_000,
      maxOutputBytes: 64 * 1024 * 1024,
    });
    if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
  };
  try {
    // 45,000 lines out and 45,000 in, 56 bytes each: a 5 MB patch.
    const repo = join(root, 'repo');
    await sh(root, ['init', '--quiet', repo]);
    const text = (tag: string) =>
      Array.from({ length: 45_000 }, (_, n) => `${tag} line ${n} ${'x'.repeat(40)}\n`).join('');
    writeFileSync(join(repo, 'big.txt'), text('old'));
    await sh(repo, ['add', '.']);
    await sh(repo, ['commit', '--quiet', '-m', 'big']);
    writeFileSync(join(repo, 'big.txt'), text('new'));
    const git = gitContext({ home }, { PATH: process.env.PATH });
    const service: number[] = [];
    const raw: number[] = [];
    let sentBytes = 0;
    for (let round = 0; round < rounds; round += 1) {
      let started = performance.now();
      await sh(repo, ['diff', '--', 'big.txt']);
      raw.push(performance.now() - started);
      started = performance.now();
      sentBytes = JSON.stringify(
        await fileDiff(git, repo, 'big.txt', { kind: 'change', staged: false }),
      ).length;
      service.push(performance.now() - started);
    }

    const tree = join(root, 'tree');
    for (let a = 0; a < 40; a += 1)
      for (let b = 0; b < 50; b += 1) {
        const folder = join(tree, `d${a}`, `s${b}`);
        mkdirSync(folder, { recursive: true });
        for (let n = 0; n < 25; n += 1) writeFileSync(join(folder, `f${n}.txt`), `${a} ${b} ${n}\n`);
      }
    mkdirSync(join(tree, '.git', 'objects'), { recursive: true });
    const started = performance.now();
    const watcher = new RepoWatcher(tree, () => undefined);
    await watcher.start();
    const startMs = performance.now() - started;
    const watches = watcher.watches;
    watcher.close();
    const serviceMs = median(service);
    const rawMs = median(raw);
    return {
      diff: { ratio: serviceMs / rawMs, serviceMs, rawMs, sentBytes },
      watch: { startMs, watches },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
