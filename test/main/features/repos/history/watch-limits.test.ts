import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The watcher when the system will not give a watch per folder (inotify's max_user_watches,
// often 8,192 on older kernels): it polls instead, and an edit is still reported. The limit is
// lowered only inside a new user namespace (/proc/sys/user/max_inotify_watches is per
// namespace, user_namespaces(7)), so nothing else on the machine is touched: Linux only, where
// unshare(1) may make one.

const LINUX_NAMESPACES =
  process.platform === 'linux' && spawnSync('unshare', ['-U', '-r', 'true'], { timeout: 5000 }).status === 0;

describe('running out of inotify watches (Linux)', () => {
  it.runIf(LINUX_NAMESPACES)('falls back to polling and still reports an edit', () => {
    const root = mkdtempSync(join(tmpdir(), 'hfgd-watch-limit-'));
    try {
      const tsx = resolve('node_modules/.bin/tsx');
      const child = resolve('test/main/features/repos/history/watch-limit-child.ts');
      const out = spawnSync(
        'unshare',
        [
          '-U',
          '-r',
          'sh',
          '-c',
          'echo 50 > /proc/sys/user/max_inotify_watches && exec "$0" "$1" "$2"',
          tsx,
          child,
          root,
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
      expect(out.status, out.stderr).toBe(0);
      const report = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as {
        mode: string;
        changes: number;
      };
      expect(report).toMatchObject({ mode: 'poll' });
      expect(report.changes).toBeGreaterThan(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
