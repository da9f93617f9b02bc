import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepoWatcher } from '../../../../../main/features/repos/history/watcher';
import type { WatchStrategy } from '../../../../../main/features/repos/history/watch-strategy';

// The watcher on the scale, measured: a 50,000-file work tree in 2,000 folders (40 x 50,
// 25 files each) with a .git of 256 object folders, watched in each way this OS offers. Making
// the tree takes several seconds, so this is a measurement run on its own, not part of the suite:
//   npx tsx test/main/features/repos/history/watch-scale.ts
// It prints one JSON line per way (start time, watches, memory, how soon a deep edit is seen)
// and exits 1 when the app's own choice misses its budget (start under 5 s, edit seen within 2 s).

/** inotify watches this process holds (Linux: /proc/self/fdinfo), or null elsewhere. */
function inotifyWatches(): number | null {
  if (process.platform !== 'linux') return null;
  let count = 0;
  for (const fd of readdirSync('/proc/self/fdinfo'))
    try {
      count += (readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').match(/^inotify /gm) ?? []).length;
    } catch {
      // The descriptor closed while it was read.
    }
  return count;
}

async function measure(root: string, strategy: WatchStrategy | 'poll' | undefined) {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  let changes = 0;
  const watcher = new RepoWatcher(root, () => (changes += 1), {
    debounceMs: 100,
    ...(strategy ? { strategy } : {}),
    pollMs: 1000,
  });
  await watcher.start();
  const startMs = Math.round(performance.now() - started);
  const watches = inotifyWatches();
  const held = watcher.watches;
  const rssMb = Math.round((process.memoryUsage().rss - rss) / 1e5) / 10;
  writeFileSync(join(root, 'd39', 's49', 'f24.txt'), `edited ${Date.now()}\n`);
  const waited = Date.now();
  while (changes === 0 && Date.now() - waited < 5000) await new Promise((resolve) => setTimeout(resolve, 10));
  const editSeenMs = changes > 0 ? Date.now() - waited : null;
  watcher.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    strategy: strategy ?? `app's choice (${watcher.mode})`,
    startMs,
    watches: held,
    inotify: watches,
    rssMb,
    editSeenMs,
  };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'hfgd-watch-scale-'));
  try {
    for (let a = 0; a < 40; a += 1)
      for (let b = 0; b < 50; b += 1) {
        const folder = join(root, `d${a}`, `s${b}`);
        mkdirSync(folder, { recursive: true });
        for (let n = 0; n < 25; n += 1) writeFileSync(join(folder, `f${n}.txt`), `${a} ${b} ${n}\n`);
      }
    for (let n = 0; n < 256; n += 1)
      mkdirSync(join(root, '.git', 'objects', n.toString(16).padStart(2, '0')), { recursive: true });
    const own = await measure(root, undefined);
    console.log(JSON.stringify(own));
    for (const strategy of ['per-folder', 'native-recursive', 'poll'] as const)
      console.log(JSON.stringify(await measure(root, strategy)));
    if (own.startMs > 5000 || own.editSeenMs === null || own.editSeenMs > 2000) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
