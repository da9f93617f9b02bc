import type { DiffLine } from '../../preload/contract';
import { git, type GitContext } from './core';

// One file's change as `git diff` prints it (--numstat, then the unified patch), and the patch
// read into numbered lines. What is kept is bounded: a 5 MB diff becomes the first lines the
// window can show, the rest only counted (issue 12: "large files truncated with a note").

/** What to compare: the index with HEAD, the work tree with the index, a new file, or two trees. */
export type DiffSpec =
  | { readonly kind: 'staged' }
  | { readonly kind: 'unstaged' }
  /** A file git does not track yet: compared with nothing (`--no-index /dev/null FILE`). */
  | { readonly kind: 'untracked' }
  | { readonly kind: 'trees'; readonly from: string; readonly to: string }
  /** A commit with the work tree (a conflicted file, which has no ticked version to compare with). */
  | { readonly kind: 'commit-to-work-tree'; readonly from: string };

/** The patch text (cut at the output limit on a runaway file) and what its header says. */
export interface FilePatch {
  /** git calls the file binary ("Binary files … differ"): its own detection and .gitattributes. */
  readonly binary: boolean;
  readonly patch: string;
  /** git printed more than the output limit; the patch is its start. */
  readonly cut: boolean;
  /**
   * The file's mode before and after, when git reports it changed ("old mode"/"new mode" in the
   * header). Git's word, not the file system's: with core.fileMode false (Windows) it reports none.
   */
  readonly modes: { readonly from: string; readonly to: string } | null;
}

/** The most of git's output one diff keeps in memory (a diff of a 5 MB file is about 5 MB). */
export const DIFF_OUTPUT_LIMIT = 64 * 1024 * 1024;

/**
 * Runs the diff of `paths` (the file, and where it was renamed from). Paths are file names, never
 * patterns (GIT_LITERAL_PATHSPECS). The user's colour and prefix settings cannot change what is
 * parsed (--no-color, explicit a/ b/ prefixes). The patch alone: with --numstat as well, git
 * computes the diff twice (once per output format), which measured 1.37x plain `git diff` on a
 * 5 MB change; the counts come from reading the patch instead.
 */
export async function filePatch(
  context: GitContext,
  repoPath: string,
  spec: DiffSpec,
  paths: readonly string[],
): Promise<FilePatch> {
  const patch = (
    await runDiff(context, repoPath, spec, paths, ['--patch', '--src-prefix=a/', '--dst-prefix=b/'])
  ).stdout;
  // The header is what comes before the first hunk (git-diff(1) "extended header lines").
  const firstHunk = patch.indexOf('\n@@');
  const header = firstHunk < 0 ? patch : patch.slice(0, firstHunk);
  const from = /^old mode (\d+)$/m.exec(header)?.[1];
  const to = /^new mode (\d+)$/m.exec(header)?.[1];
  return {
    binary: /^Binary files .* differ$/m.test(header),
    patch,
    cut: patch.length >= DIFF_OUTPUT_LIMIT,
    modes: from && to ? { from, to } : null,
  };
}

/** Lines added and removed, as `git diff --numstat` counts them (for a patch too big to keep). */
export async function fileCounts(
  context: GitContext,
  repoPath: string,
  spec: DiffSpec,
  paths: readonly string[],
): Promise<{ readonly additions: number; readonly deletions: number }> {
  const out = await runDiff(context, repoPath, spec, paths, ['--numstat']);
  let additions = 0;
  let deletions = 0;
  for (const line of out.stdout.split('\n')) {
    const [added, deleted] = line.split('\t');
    if (added && deleted && /^\d+$/.test(added) && /^\d+$/.test(deleted)) {
      additions += Number(added);
      deletions += Number(deleted);
    }
  }
  return { additions, deletions };
}

/** One `git diff` of `spec` for `paths`, printing `format`. */
function runDiff(
  context: GitContext,
  repoPath: string,
  spec: DiffSpec,
  paths: readonly string[],
  format: readonly string[],
) {
  const common = ['--no-color', ...format];
  const args = ((): string[] => {
    switch (spec.kind) {
      case 'staged':
        return ['diff', '--cached', ...common, '-M', '--', ...paths];
      case 'unstaged':
        return ['diff', ...common, '--', ...paths];
      case 'untracked':
        // git names /dev/null itself on every platform (diff-no-index.c get_mode).
        return ['diff', '--no-index', ...common, '--', '/dev/null', paths[0] ?? ''];
      case 'trees':
        return ['diff', ...common, '-M', spec.from, spec.to, '--', ...paths];
      case 'commit-to-work-tree':
        return ['diff', ...common, spec.from, '--', ...paths];
    }
  })();
  // --no-index exits 1 when the files differ (git-diff(1) "--exit-code" is implied).
  return git(context, args, {
    cwd: repoPath,
    env: { GIT_LITERAL_PATHSPECS: '1' },
    okExitCodes: spec.kind === 'untracked' ? [0, 1] : [0],
    maxOutputBytes: DIFF_OUTPUT_LIMIT,
    timeoutMs: 60_000,
  });
}

/** How much of a diff is sent to the window. */
export interface DiffLimits {
  readonly maxLines: number;
  /** Characters of line text in all, so a few huge lines cannot make a huge answer. */
  readonly maxChars: number;
  /** Characters of one line; a longer one (minified JSON) is cut with an ellipsis. */
  readonly maxLineChars: number;
}

/** About what a window lists without effort; the renderer virtualises it. */
export const DIFF_LIMITS: DiffLimits = { maxLines: 10_000, maxChars: 1024 * 1024, maxLineChars: 4_000 };

/** A patch read into lines: the ones shown, how many there are in all, and what was added and removed. */
export interface ParsedPatch {
  readonly lines: readonly DiffLine[];
  readonly totalLines: number;
  readonly additions: number;
  readonly deletions: number;
  /** Some lines were left out or shortened. */
  readonly truncated: boolean;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads a unified diff (git-diff(1) "Generating patch text with -p"): header lines are skipped,
 * each hunk header and body line becomes a DiffLine with its old and new line numbers. A hunk's
 * counts say where its body ends, so a removed line "--- x" is never read as a header.
 */
export function parsePatch(patch: string, limits: DiffLimits = DIFF_LIMITS): ParsedPatch {
  const lines: DiffLine[] = [];
  let chars = 0;
  let total = 0;
  let additions = 0;
  let deletions = 0;
  let shortened = false;
  let oldLeft = 0;
  let newLeft = 0;
  let oldAt = 0;
  let newAt = 0;
  const keep = (line: DiffLine): void => {
    total += 1;
    if (lines.length >= limits.maxLines || chars >= limits.maxChars) return;
    let text = line.text;
    if (text.length > limits.maxLineChars) {
      text = `${text.slice(0, limits.maxLineChars)}…`;
      shortened = true;
    }
    chars += text.length;
    lines.push(text === line.text ? line : { ...line, text });
  };
  let at = 0;
  while (at < patch.length) {
    let end = patch.indexOf('\n', at);
    if (end < 0) end = patch.length;
    const line = patch.slice(at, end);
    at = end + 1;
    if (oldLeft > 0 || newLeft > 0) {
      const mark = line[0];
      // diff.suppressBlankEmpty prints an empty context line as nothing at all.
      if (mark === ' ' || line === '') {
        keep({ kind: 'context', old: oldAt, new: newAt, text: line.slice(1) });
        oldAt += 1;
        newAt += 1;
        oldLeft -= 1;
        newLeft -= 1;
      } else if (mark === '-') {
        keep({ kind: 'del', old: oldAt, new: null, text: line.slice(1) });
        deletions += 1;
        oldAt += 1;
        oldLeft -= 1;
      } else if (mark === '+') {
        keep({ kind: 'add', old: null, new: newAt, text: line.slice(1) });
        additions += 1;
        newAt += 1;
        newLeft -= 1;
      }
      // "\ No newline at end of file" belongs to the line before; it is not a line of the file.
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldAt = Number(hunk[1]);
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newAt = Number(hunk[3]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      // An empty side ("-0,0") starts at line 0; its first real line is 1.
      if (oldLeft === 0) oldAt += 1;
      if (newLeft === 0) newAt += 1;
      keep({ kind: 'hunk', old: null, new: null, text: line });
    }
  }
  return { lines, totalLines: total, additions, deletions, truncated: shortened || lines.length < total };
}

/** Where each staged rename came from (`git diff --cached -M --name-status -z`), keyed by its new name. */
export async function stagedRenames(context: GitContext, repoPath: string): Promise<Map<string, string>> {
  const out = await git(context, ['diff', '--cached', '-M', '--name-status', '-z'], {
    cwd: repoPath,
    timeoutMs: 60_000,
  });
  const parts = out.stdout.split('\u0000');
  const renames = new Map<string, string>();
  for (let index = 0; index < parts.length;) {
    const status = (parts[index] ?? '').charAt(0);
    if (status === 'R' || status === 'C') {
      renames.set(parts[index + 2] ?? '', parts[index + 1] ?? '');
      index += 3;
    } else index += status === '' ? 1 : 2;
  }
  return renames;
}
