import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { watchStrategy, type WatchStrategy } from './watch-strategy';

// The work-tree watcher behind "the changes list refreshes by itself" (issue 12, item 3). It
// never looks inside .git/: the app's own git runs write there (index, locks, refs), and
// reporting them would make every refresh cause another. Bursts (a checkout, a build) become
// one report after a quiet moment, and at least one every couple of seconds while they last.

/** How a watch is run; tests shorten the times. */
export interface WatchOptions {
  readonly platform?: NodeJS.Platform;
  /** Quiet time after the last change before reporting (default 300 ms). */
  readonly debounceMs?: number;
  /** Longest a stream of changes waits for its report (default 2 s). */
  readonly maxWaitMs?: number;
  /**
   * How often the fallback poller looks, when the system cannot watch every folder (default 10 s:
   * one look at a 50,000-file tree took 0.86 s here, so about 9% of a core while it polls).
   */
  readonly pollMs?: number;
  /** Forces a way of watching (tests of each way on one machine). */
  readonly strategy?: WatchStrategy | 'poll';
  /**
   * Folders not to watch, relative to the work tree with forward slashes (what .gitignore leaves
   * out: its changes never show in the list). The OS's tree watch still sees them, and drops them.
   */
  readonly skip?: readonly string[];
  /** Called once when the watch ended by itself (the folder was deleted or became unreadable). */
  readonly onClosed?: (reason: string) => void;
}

/** Whether a name relative to the work tree is .git or inside it (both separators: Windows reports `\`). */
export function insideGit(name: string): boolean {
  return name === '.git' || name.startsWith('.git/') || name.startsWith('.git\\');
}

/** Errors that mean the system will not give more watches: the inotify limit, or file handles. */
const OUT_OF_WATCHES = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/** Watches one work tree and calls `onChange` (debounced) when anything outside .git/ changes. */
export class RepoWatcher {
  private readonly folders = new Map<string, FSWatcher>();
  private readonly skipped: ReadonlySet<string>;
  private tree: FSWatcher | undefined;
  private poller: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private firstPending = 0;
  private closed = false;
  /** How the tree is watched now ('poll' once the system ran out of watches). */
  mode: WatchStrategy | 'poll';

  constructor(
    readonly root: string,
    private readonly onChange: () => void,
    private readonly options: WatchOptions = {},
  ) {
    this.mode = options.strategy ?? watchStrategy(options.platform ?? process.platform);
    this.skipped = new Set((options.skip ?? []).map((folder) => join(root, folder)));
  }

  /** Starts watching; resolves when every folder is watched (or the poller has its first look). */
  async start(): Promise<void> {
    try {
      if (this.mode === 'native-recursive') this.watchTree();
      else if (this.mode === 'per-folder') await this.watchFolder(this.root);
      else await this.startPolling();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!OUT_OF_WATCHES.has(code) || this.closed) throw error;
      this.stopWatches();
      this.mode = 'poll';
      await this.startPolling();
    }
  }

  /** Stops every watch and any pending report. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.poller);
    this.stopWatches();
  }

  /** How many folder watches are held (one with a tree watch, none while polling). */
  get watches(): number {
    return this.tree ? 1 : this.folders.size;
  }

  private stopWatches(): void {
    this.tree?.close();
    this.tree = undefined;
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
  }

  /** Ends the watch by itself (the folder is gone), once. */
  private end(reason: string): void {
    if (this.closed) return;
    this.close();
    this.options.onClosed?.(reason);
  }

  /** A change was seen: report it after a quiet moment, or now if changes have kept coming. */
  private changed(): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.timer === undefined) this.firstPending = now;
    clearTimeout(this.timer);
    const wait = Math.min(
      this.options.debounceMs ?? 300,
      Math.max(0, this.firstPending + (this.options.maxWaitMs ?? 2000) - now),
    );
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void lstat(this.root).then(
        () => {
          if (!this.closed) this.onChange();
        },
        () => this.end('The folder is no longer there.'),
      );
    }, wait);
  }

  private watchTree(): void {
    const skip = (this.options.skip ?? []).map((folder) => `${folder}/`);
    const watcher = watch(this.root, { recursive: true }, (_event, name) => {
      if (name !== null) {
        const relative = String(name).replace(/\\/g, '/');
        if (insideGit(relative) || skip.some((folder) => relative.startsWith(folder))) return;
      }
      this.changed();
    });
    // On Windows a deleted folder is an EPERM error on the watch: the end of it, not a crash.
    watcher.on('error', () => this.end('The folder can no longer be watched.'));
    // A watch never keeps the process alive by itself (the browser-mode server exits with its parent).
    watcher.unref();
    this.tree = watcher;
  }

  /** Watches `folder` and every folder below it, .git excepted; links are not followed. */
  private async watchFolder(folder: string): Promise<void> {
    if (this.closed || this.mode !== 'per-folder' || this.folders.has(folder)) return;
    const watcher = watch(folder, (event, name) =>
      this.folderEvent(folder, event, name === null ? null : String(name)),
    );
    watcher.on('error', () => {
      watcher.close();
      this.folders.delete(folder);
      if (folder === this.root) this.end('The folder can no longer be watched.');
      else this.changed();
    });
    watcher.unref();
    this.folders.set(folder, watcher);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const below = entries.filter(
      (entry) =>
        entry.isDirectory() &&
        !(folder === this.root && entry.name === '.git') &&
        !this.skipped.has(join(folder, entry.name)),
    );
    // Siblings in parallel; the limit error of any of them ends this start (and falls back to polling).
    await Promise.all(below.map((entry) => this.watchFolder(join(folder, entry.name))));
  }

  private folderEvent(folder: string, event: string, name: string | null): void {
    if (this.closed) return;
    if (folder === this.root && name !== null && insideGit(name)) return;
    this.changed();
    if (event !== 'rename' || name === null) return;
    // A folder appeared (watch it and what it holds) or went away (drop its watches).
    const path = join(folder, name);
    void lstat(path).then(
      (info) => {
        if (info.isDirectory() && !this.closed)
          this.watchFolder(path).catch((error: NodeJS.ErrnoException) => {
            if (OUT_OF_WATCHES.has(error.code ?? '')) void this.fallBackToPolling();
          });
      },
      () => {
        for (const [watched, watcher] of this.folders)
          if (watched === path || watched.startsWith(`${path}/`) || watched.startsWith(`${path}\\`)) {
            watcher.close();
            this.folders.delete(watched);
          }
      },
    );
  }

  private async fallBackToPolling(): Promise<void> {
    if (this.closed || this.mode === 'poll') return;
    this.stopWatches();
    this.mode = 'poll';
    await this.startPolling();
  }

  /** The fallback: every few seconds, the names, sizes and times of the tree (.git left out). */
  private async startPolling(): Promise<void> {
    let last = await this.signature();
    const look = async (): Promise<void> => {
      const now = await this.signature();
      if (now === null) return this.end('The folder is no longer there.');
      if (now !== last) this.changed();
      last = now;
    };
    let looking = false;
    this.poller = setInterval(() => {
      if (looking || this.closed) return;
      looking = true;
      void look().finally(() => {
        looking = false;
      });
    }, this.options.pollMs ?? 10_000);
    this.poller.unref();
  }

  /**
   * A fingerprint of the tree, or null when the folder is gone: each entry's name, size and time
   * hashed (FNV-1a) and summed, so the order entries come in does not matter and nothing is kept.
   * Folders one after another, a folder's entries together: a 50,000-file tree is never 50,000
   * pending calls at once.
   */
  private async signature(): Promise<string | null> {
    if (!(await lstat(this.root).catch(() => undefined))) return null;
    let count = 0;
    let sum = 0;
    const folders = [this.root];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
      const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
      const infos = await Promise.all(
        entries.map(async (entry) => {
          if (folder === this.root && entry.name === '.git') return undefined;
          const path = join(folder, entry.name);
          const info = await lstat(path).catch(() => undefined);
          return info ? { path, info, folder: entry.isDirectory() } : undefined;
        }),
      );
      for (const found of infos) {
        if (!found) continue;
        count += 1;
        sum = (sum + fnv1a(`${found.path}\u0000${found.info.size}\u0000${found.info.mtimeMs}`)) % 2 ** 52;
        if (found.folder && !this.skipped.has(found.path)) folders.push(found.path);
      }
    }
    return `${count}:${sum}`;
  }
}

/** FNV-1a, 32 bits: a cheap, well-spread hash of a short string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
