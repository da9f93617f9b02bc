// git and git-lfs progress, read into one 0..100 figure per run, rising only. git writes
// "Receiving objects:  45% (450/1000)" lines separated by \r on stderr with --progress;
// git-lfs appends "download 2/3 1048576/4194304 weights.bin" lines to the GIT_LFS_PROGRESS file.

export type ProgressPhase = 'counting' | 'receiving' | 'resolving' | 'writing' | 'lfs' | 'checkout' | 'done';

export interface ProgressEvent {
  readonly phase: ProgressPhase;
  /** The whole run, 0 to 100, never going down. */
  readonly percent: number;
  /** What git or git-lfs said, for the line under the bar. */
  readonly detail: string;
}

/** Where each git phase sits in the run's 0..100 (LFS gets the last part, when there is any). */
const SPANS: Readonly<Record<string, readonly [ProgressPhase, number, number]>> = {
  'Enumerating objects': ['counting', 0, 2],
  'Counting objects': ['counting', 2, 5],
  'Compressing objects': ['counting', 5, 10],
  'Receiving objects': ['receiving', 10, 55],
  'Writing objects': ['writing', 10, 55],
  'Resolving deltas': ['resolving', 55, 60],
  'Updating files': ['checkout', 60, 65],
};

export class ProgressTracker {
  private percent = 0;
  constructor(private readonly emit: (event: ProgressEvent) => void) {}

  private report(phase: ProgressPhase, percent: number, detail: string): void {
    const next = Math.max(this.percent, Math.min(100, Math.round(percent * 10) / 10));
    if (next === this.percent && phase !== 'done') return;
    this.percent = next;
    this.emit({ phase, percent: next, detail });
  }

  /** Feeds a chunk of git's stderr (with \r or \n separated updates). */
  gitOutput(text: string): void {
    for (const line of text.split(/[\r\n]+/)) {
      const match = /^(?:remote: )?([A-Z][a-z]+ [a-z]+):\s+(\d+)%/.exec(line.trim());
      const span = match?.[1] ? SPANS[match[1]] : undefined;
      if (!span || !match?.[2]) continue;
      const [phase, from, to] = span;
      this.report(phase, from + ((to - from) * Number(match[2])) / 100, line.trim());
    }
  }

  /** Feeds one GIT_LFS_PROGRESS line: "<direction> <file>/<files> <bytes>/<total> <name>". */
  lfsLine(line: string): void {
    const match = /^(download|upload|checkout) (\d+)\/(\d+) (\d+)\/(\d+) (.*)$/.exec(line.trim());
    if (!match) return;
    const [, direction, file, files, bytes, total, name] = match;
    const fileShare =
      Number(files) > 0
        ? (Number(file) - 1 + (Number(total) > 0 ? Number(bytes) / Number(total) : 1)) / Number(files)
        : 1;
    this.report(
      'lfs',
      65 + 35 * Math.min(1, Math.max(0, fileShare)),
      `${direction === 'upload' ? 'Uploading' : 'Downloading'} ${name} (${file}/${files})`,
    );
  }

  done(detail: string): void {
    this.report('done', 100, detail);
  }
}
