import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepoWatcher } from '../../../../../main/features/repos/history/watcher';

// Run by watch-limits.test.ts inside a user namespace whose inotify limit is lower than the
// tree's folder count: the watcher must fall back to polling and still report an edit.

async function main(): Promise<void> {
  const root = process.argv[2] ?? '';
  for (let n = 0; n < 120; n += 1) mkdirSync(join(root, `d${n}`), { recursive: true });
  writeFileSync(join(root, 'd7', 'a.txt'), 'a\n');
  let changes = 0;
  const watcher = new RepoWatcher(root, () => (changes += 1), {
    strategy: 'per-folder',
    debounceMs: 50,
    pollMs: 200,
  });
  await watcher.start();
  const mode = watcher.mode;
  writeFileSync(join(root, 'd7', 'a.txt'), 'edited\n');
  const started = Date.now();
  while (changes === 0 && Date.now() - started < 3000)
    await new Promise((resolve) => setTimeout(resolve, 20));
  watcher.close();
  console.log(JSON.stringify({ mode, changes, ms: Date.now() - started }));
}

void main();
