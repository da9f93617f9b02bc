// One progress model for every run against the Hub, in bytes where git or git-lfs says them.
// git writes "Receiving objects:  45% (450/1000), 12.00 MiB | 2.00 MiB/s" (or "Writing objects"
// on a push) on stderr with --progress, the counting and delta phases as counts only (git's
// progress.c); git-lfs appends "<direction> <file>/<files> <bytes>/<total> <name>" to the
// GIT_LFS_PROGRESS file for every chunk it moves (git-lfs tq/meter.go; the same lines GitHub
// Desktop sums per file in app/src/lib/progress/lfs.ts). The bar is the share of the bytes moved
// of the bytes known to move: the pack and the large files each count by their size. Where a
// size is not known yet it is said so (a plan's guess, or git-lfs's file count times the files
// seen), and when a size becomes known the rest of the bar is shared by the bytes that remain,
// so the bar never goes back and never reaches 100 before git has finished.

/** What a run is doing, named for the screen (the contract's repoProgress phase). */
export type ProgressPhase = 'counting' | 'receiving' | 'resolving' | 'writing' | 'lfs' | 'checkout' | 'done';

/** One update of the bar, as remote-run.ts hands it to the screen (the contract's repoProgress). */
export interface ProgressEvent {
  readonly phase: ProgressPhase;
  /** The whole run, 0 to 100, never going down; 100 only once git has finished. */
  readonly percent: number;
  /** What git or git-lfs is doing, in words for the line under the bar. */
  readonly detail: string;
  /** Bytes moved and expected in the whole run (pack and large files), once a size is known. */
  readonly bytes?: { readonly done: number; readonly total: number };
  /** Set while nothing has come for this many seconds (remote-run.ts's stall warning). */
  readonly stalledSeconds?: number;
}

/** What is known about a run before it starts (remote-run.ts's planFor). */
export interface ProgressPlan {
  /** The pack's expected size in bytes (a push: its objects' size on disk, `rev-list --disk-usage`). */
  readonly packBytes?: number;
  /**
   * Large files may be downloaded after the pack (a clone's or pull's checkout runs git-lfs's
   * smudge), and their size is learnt only then: until it is, the pack fills PACK_SHARE_GUESS of
   * the bar, not all of it.
   */
  readonly lfsAfterPack?: boolean;
  /**
   * The large files go before the pack (a push: git-lfs uploads from git's pre-push hook, which
   * git runs before it sends anything, githooks(5)). When git starts on the pack, the upload is
   * over, whatever git-lfs's progress lines, which trail the upload, say so far.
   */
  readonly lfsBeforePack?: boolean;
}

/**
 * The pack's share of the bar while the large files that may follow are not measured yet: a
 * guess, said as one. Hub repositories keep their weight in LFS (files over 10 MiB must be, and
 * binary files over a small size; HUB-FACTS), so the pack is usually a sliver of a clone.
 */
export const PACK_SHARE_GUESS = 10;
/** The bar stops here until git exits: the ref update and the Hub's checks come after the bytes. */
export const BEFORE_DONE = 99;

/** Where each of git's phases sits inside the pack's own 0..1 (the counts carry no bytes). */
const PACK_PHASES: Readonly<Record<string, readonly [ProgressPhase, number, number]>> = {
  'Enumerating objects': ['counting', 0, 0.01],
  'Counting objects': ['counting', 0.01, 0.03],
  'Compressing objects': ['counting', 0.03, 0.05],
  'Receiving objects': ['receiving', 0.05, 0.95],
  'Writing objects': ['writing', 0.05, 0.95],
  'Resolving deltas': ['resolving', 0.95, 1],
};

const UNITS: Readonly<Record<string, number>> = {
  bytes: 1,
  byte: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};

/** Bytes in git's own words ("12.00 MiB", "279 bytes"), as progress.c's strbuf_humanise_bytes writes them. */
export function parseGitBytes(text: string): number | undefined {
  const match = /, ([\d.]+) (bytes?|KiB|MiB|GiB|TiB)\b/.exec(text);
  return match?.[1] && match[2] ? Number(match[1]) * (UNITS[match[2]] ?? 1) : undefined;
}

/** Bytes as the line under the bar says them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The run's bytes: what moved, out of what is expected, and how the bar stands between them. */
export class ProgressTracker {
  private percent = 0;
  private phase: ProgressPhase = 'counting';
  private detail = 'Starting…';
  private lastEmit = 0;
  private lastSent = -1;
  private stalledFor: number | undefined;
  /** The pack: its own 0..1, its bytes so far, its size when known or extrapolated. */
  private packFraction = 0;
  private packDone = 0;
  private packSeen: number | undefined;
  /** The checkout after a clone's or pull's pack (git's "Updating files" count). */
  private checkoutFraction = 0;
  /** Large files by name, and how many git-lfs says the batch holds. */
  private readonly files = new Map<string, { done: number; total: number }>();
  /** The sums of `files`' done and total, kept as lines come: thousands of files, each line O(1). */
  private filesDone = 0;
  private filesTotal = 0;
  private batchFiles = 0;
  private measuredLfs: number | undefined;
  /** A measurement of the large files is on its way: until it comes, their lines do not size the bar. */
  private measuring = false;
  private lfsOver = false;
  /** The bar and the bytes at the last moment a size changed; the rest is shared from there. */
  private anchor: { percent: number; work: number; total: number } | undefined;

  constructor(
    private readonly emit: (event: ProgressEvent) => void,
    private readonly plan: ProgressPlan = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Feeds a chunk of git's stderr (updates separated by \r or \n). */
  gitOutput(text: string): void {
    for (const raw of text.split(/[\r\n]+/)) {
      const line = raw.trim();
      const match = /^(?:remote: )?([A-Z][a-z]+ [a-z]+):\s+(\d+)%/.exec(line);
      if (match?.[1] === 'Updating files') {
        this.checkoutFraction = Math.max(this.checkoutFraction, Number(match[2]) / 100);
        this.update('checkout', `Writing the files (${match[2]}%)`);
        continue;
      }
      const span = match?.[1] ? PACK_PHASES[match[1]] : undefined;
      if (!span || !match?.[2]) continue;
      const [phase, from, to] = span;
      if (this.plan.lfsBeforePack && !this.lfsOver) this.finishLfs();
      const fraction = Number(match[2]) / 100;
      this.packFraction = Math.max(this.packFraction, from + (to - from) * fraction);
      const bytes = parseGitBytes(line);
      if (bytes !== undefined && (phase === 'receiving' || phase === 'writing')) {
        this.packDone = Math.max(this.packDone, bytes);
        // The size so far over the share of objects so far: git's own counts, read in bytes.
        this.packSeen = fraction >= 0.01 ? Math.max(bytes, bytes / fraction) : undefined;
      }
      this.update(phase, describePack(phase, match[2], this.packDone));
    }
  }

  /** Feeds one GIT_LFS_PROGRESS line: "<direction> <file>/<files> <bytes>/<total> <name>". */
  lfsLine(line: string): void {
    const match = /^(download|upload|checkout) (\d+)\/(\d+) (\d+)\/(\d+) (.*)$/.exec(line.trim());
    if (!match) return;
    const [, direction, , files, done, total, name = ''] = match;
    // Lines that come after the step that moved the files has ended (lfsBeforePack) say nothing
    // new; "checkout" lines copy a downloaded file into place: no bytes from the Hub.
    if (this.lfsOver) return;
    if (direction === 'checkout') return this.update('lfs', `Writing ${name}`);
    this.batchFiles = Math.max(this.batchFiles, Number(files));
    const before = this.files.get(name) ?? { done: 0, total: 0 };
    const after = {
      done: Math.max(before.done, Number(done)),
      total: Math.max(before.total, Number(total)),
    };
    this.files.set(name, after);
    this.filesDone += after.done - before.done;
    this.filesTotal += after.total - before.total;
    const moved = this.lfsTotals();
    const verb = direction === 'upload' ? 'Uploading' : 'Downloading';
    // While the size is measured, the files seen so far are not all of them: no "of" yet.
    const of = this.waitingForSize() ? 'so far' : `of ${formatBytes(moved.total)}`;
    this.update('lfs', `${verb} large files: ${formatBytes(moved.done)} ${of} (${name})`);
  }

  /**
   * A checkout's large files are being measured (remote-run.ts): git-lfs's smudge reports them one
   * file at a time ("1/1"), so the first small file would look like all of them. The bar waits for
   * the measurement rather than jump.
   */
  lfsMeasuring(): void {
    this.measuring = true;
  }

  /** Every large file seen is whole: the step that moved them has ended. */
  private finishLfs(): void {
    this.lfsOver = true;
    for (const file of this.files.values()) file.done = file.total;
    this.filesDone = this.filesTotal;
    this.batchFiles = this.files.size;
  }

  /** The large files' size as measured from the commit being checked out, or undefined if it could not be. */
  lfsMeasured(bytes: number | undefined): void {
    this.measuring = false;
    if (bytes !== undefined && bytes > 0) this.measuredLfs = bytes;
    this.update(this.phase, this.detail);
  }

  /** Marks (or, with undefined, clears) a stall: nothing came for `seconds`. */
  stall(seconds: number | undefined): void {
    if (seconds === this.stalledFor) return;
    this.stalledFor = seconds;
    this.send(true);
  }

  done(detail: string): void {
    this.percent = 100;
    this.phase = 'done';
    this.detail = detail;
    this.stalledFor = undefined;
    this.send(true);
  }

  /** Large files: bytes moved, and the size expected (measured, or the files seen and the rest by their mean). */
  private lfsTotals(): { done: number; total: number } {
    const done = this.filesDone;
    const seen = this.filesTotal;
    const unseen = Math.max(0, this.batchFiles - this.files.size);
    const estimate = this.files.size > 0 ? seen + (unseen * seen) / this.files.size : 0;
    return { done, total: Math.max(this.measuredLfs ?? 0, estimate, done) };
  }

  /** A measurement is on its way and none has come yet: the files seen do not size the run. */
  private waitingForSize(): boolean {
    return this.measuring && this.measuredLfs === undefined;
  }

  private update(phase: ProgressPhase, detail: string): void {
    const changed = phase !== this.phase;
    this.phase = phase;
    this.detail = detail;
    this.percent = Math.max(this.percent, this.compute());
    this.send(changed);
  }

  /** The bar in bytes once any size is known; before that, the pack's own share. */
  private compute(): number {
    const lfs = this.lfsTotals();
    const pack = this.plan.packBytes ?? this.packSeen ?? this.packDone;
    if (lfs.total === 0 || this.waitingForSize()) {
      if (!this.plan.lfsAfterPack) return BEFORE_DONE * this.packFraction;
      // No large file yet: the checkout's file count moves the rest, until one shows up. Not while
      // the large files are measured: git counts a large file as written when git-lfs has only
      // put its download off (the filter's "delay", gitattributes(5)), so a clone of 2,000 of
      // them reached 98.5% in 3 s and stayed there for the 37 s of the download.
      const checkout = this.waitingForSize() ? 0 : this.checkoutFraction;
      return PACK_SHARE_GUESS * this.packFraction + (BEFORE_DONE - PACK_SHARE_GUESS) * checkout;
    }
    const work = pack * this.packFraction + lfs.done;
    const total = pack + lfs.total;
    if (!this.anchor || this.anchor.total !== total) this.anchor = { percent: this.percent, work, total };
    const { percent: from, work: at } = this.anchor;
    const left = total - at;
    const shared = left > 0 ? from + ((BEFORE_DONE - from) * (work - at)) / left : from;
    // A size learnt late (a clone's large files measured after some had come) can leave the
    // shared rest behind the bytes: the bar then goes forward to them, never back.
    return Math.min(BEFORE_DONE, Math.max(shared, (BEFORE_DONE * work) / total));
  }

  /** Hands the state on: always for a new phase or a stall, else for each half point or every 100 ms. */
  private send(force: boolean): void {
    const now = this.now();
    // git-lfs's lines come in bursts (read from its file every 100 ms): each half point of the bar
    // in a burst is still said, so the bar moves as the bytes did.
    if (!force && now - this.lastEmit < 100 && this.percent - this.lastSent < 0.5) return;
    this.lastEmit = now;
    this.lastSent = this.percent;
    const lfs = this.lfsTotals();
    const pack = this.plan.packBytes ?? this.packSeen ?? this.packDone;
    // The bytes are said once their total is known: not while the large files are measured.
    const total = this.waitingForSize() ? 0 : pack + lfs.total;
    this.emit({
      phase: this.phase,
      percent: Math.round(this.percent * 10) / 10,
      detail: this.detail,
      ...(total > 0
        ? { bytes: { done: Math.round(pack * this.packFraction + lfs.done), total: Math.round(total) } }
        : {}),
      ...(this.stalledFor === undefined ? {} : { stalledSeconds: this.stalledFor }),
    });
  }
}

function describePack(phase: ProgressPhase, percent: string, bytes: number): string {
  const moved = bytes > 0 ? `, ${formatBytes(bytes)}` : '';
  switch (phase) {
    case 'receiving':
      return `Downloading the history (${percent}%${moved})`;
    case 'writing':
      return `Uploading the history (${percent}%${moved})`;
    case 'resolving':
      return `Checking the history (${percent}%)`;
    default:
      return `Preparing the history (${percent}%)`;
  }
}
