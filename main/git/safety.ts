import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunOptions } from '../core/run';

// Opening a repository must never run its commands (issue 16, item 11). A repository's own
// .git/config can name programs that git starts on its own: `core.fsmonitor` (run by status, add,
// diff and commit: git-config(1) "core.fsmonitor"), the clean filter of a driver its
// .gitattributes names (run by status for a file whose stat data changed, gitattributes(5)
// "filter"), hooks (`core.hooksPath`, githooks(5)), and external diff and textconv programs
// (git-config(1) "diff.external", gitattributes(5) "textconv"). Every run switches off the first;
// the calls that only read (what the app does by itself when it opens a repository) also lose
// the rest where git allows it. The person's own commits, pushes and pulls keep hooks and filters,
// as plain git would run them.

/** Verbs the app runs only to read a repository: they never need a hook or a program of the repository. */
const READ_VERBS: ReadonlySet<string> = new Set([
  'status',
  'ls-files',
  'ls-tree',
  'cat-file',
  'rev-list',
  'rev-parse',
  'for-each-ref',
  'log',
  'show',
  'diff',
  'check-attr',
  'merge-base',
]);

/** Reads that compare work-tree files with the index, so git may run a clean filter on them. */
const WORK_TREE_READS: ReadonlySet<string> = new Set(['status', 'diff']);

/** Reads whose output can go through an external diff or textconv program (git-diff(1) options). */
const DIFF_READS: ReadonlySet<string> = new Set(['log', 'show', 'diff']);

/** `git config` reads, which change nothing (the other forms write). */
const CONFIG_READ = new Set(['--get', '--get-all', '--get-regexp', '--list', '-l', '--get-urlmatch']);

/** Whether these arguments only read the repository (or the config): the app's own look, not the person's act. */
export function readsOnly(args: readonly string[]): boolean {
  const verb = args[0] ?? '';
  if (verb === 'config') return args.some((arg) => CONFIG_READ.has(arg));
  // `symbolic-ref [--short] NAME` reads; `symbolic-ref NAME REF` writes.
  if (verb === 'symbolic-ref') return args.slice(1).filter((arg) => !arg.startsWith('-')).length <= 1;
  return READ_VERBS.has(verb);
}

let windowsHooks: string | undefined;

/**
 * Where `core.hooksPath` points for reads: somewhere no hook can ever be. On Linux and macOS,
 * /dev/null: a device, not a folder, so git's lookup of `/dev/null/HOOK` (hook.c find_hook, an
 * access() of "<hooksPath>/<name>") finds nothing and nobody can ever create one there. A folder
 * would not stay empty: git-lfs's filter, which status runs, writes its own four hooks into
 * core.hooksPath (measured here: post-checkout, post-commit, post-merge, pre-push), and one in the
 * shared /tmp could be removed by a cleaner and made again, with hooks, by another user. On
 * Windows, a private folder made once in the user's own temp folder (per user there); only
 * git-lfs's own hooks, which no read runs, can appear in it.
 */
export function noHooksPath(
  platform: NodeJS.Platform = process.platform,
  makeFolder: () => string = () => mkdtempSync(join(tmpdir(), 'hfgd-no-hooks-')),
): string {
  if (platform !== 'win32') return '/dev/null';
  windowsHooks ??= makeFolder();
  return windowsHooks;
}

/** The `-c` options every git run gets: no fsmonitor program, ever (TOOLCHAIN.md). */
export const ALWAYS_OFF: readonly string[] = ['-c', 'core.fsmonitor=false'];

/** One `git config --list --show-scope -z` entry. */
export interface ConfigEntry {
  readonly scope: string;
  readonly key: string;
  readonly value: string;
  /** The key has no value at all (`[section] key`, a boolean true), not an empty one. */
  readonly valueless?: true;
}

/** Parses `--show-scope -z` output: `scope NUL key LF value NUL` per entry (git-config(1)). */
export function parseScopedConfig(text: string): ConfigEntry[] {
  const parts = text.split('\u0000');
  const entries: ConfigEntry[] = [];
  for (let index = 0; index + 1 < parts.length; index += 2) {
    const scope = parts[index] ?? '';
    const body = parts[index + 1] ?? '';
    const newline = body.indexOf('\n');
    entries.push({
      scope,
      key: newline < 0 ? body : body.slice(0, newline),
      value: newline < 0 ? '' : body.slice(newline + 1),
      ...(newline < 0 ? { valueless: true as const } : {}),
    });
  }
  return entries;
}

const FILTER_KEY = /^filter\.(.+)\.(clean|smudge|process|required)$/i;

/**
 * The programs `git lfs install --local` writes into a repository's config (git-lfs
 * docs/man/git-lfs-install.adoc; `--skip-smudge` adds `--skip`): git-lfs itself, kept, so a
 * repository set up that way still reads its LFS files as unchanged.
 */
const GIT_LFS_PROGRAM = /^git-lfs (?:clean -- %f|smudge(?: --skip)? -- %f|filter-process(?: --skip)?)$/;

/**
 * `-c` options that take back every filter driver the repository's own config (local or
 * worktree scope, and files it includes) defines: each program becomes the one the person's own
 * config names for that driver, or none. An empty program is no filter (convert.c apply_filter
 * runs a command only when it is non-empty), and `required=false` keeps git from failing on it.
 */
export function filterOverrides(entries: readonly ConfigEntry[]): string[] {
  const repoScope = (scope: string): boolean => scope === 'local' || scope === 'worktree';
  const drivers = new Set<string>();
  for (const entry of entries) {
    const match = FILTER_KEY.exec(entry.key);
    const harmless = match?.[2] === 'required' || GIT_LFS_PROGRAM.test(entry.value);
    if (match?.[1] && repoScope(entry.scope) && !harmless) drivers.add(match[1]);
  }
  const args: string[] = [];
  for (const driver of drivers)
    for (const field of ['clean', 'smudge', 'process', 'required'] as const) {
      const own = entries
        .filter(
          (entry) =>
            !repoScope(entry.scope) && entry.key.toLowerCase() === `filter.${driver}.${field}`.toLowerCase(),
        )
        .at(-1);
      args.push('-c', `filter.${driver}.${field}=${own?.value ?? (field === 'required' ? 'false' : '')}`);
    }
  return args;
}

/**
 * Every config entry of the repository at `cwd` with its scope (`git config --list --show-scope
 * -z`, every scope, includes followed), or null outside a repository (or without git): what a
 * work-tree read takes back its filter drivers from.
 */
export async function readScopedConfig(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<readonly ConfigEntry[] | null> {
  const listed = await run('git', ['-C', cwd, ...ALWAYS_OFF, 'config', '--list', '--show-scope', '-z'], {
    env,
    timeoutMs: 10_000,
  });
  return listed.exitCode === 0 ? parseScopedConfig(listed.stdout) : null;
}

/**
 * The options that come before the verb (`git [options] VERB ...`) and the verb's own extra
 * arguments, for one run. A run on a repository (one with a folder to run in) gets ALWAYS_OFF;
 * reads there also run with no hooks, no repository filter driver (when they look at the work
 * tree) and no external diff or textconv program. A run with no folder (`git credential`,
 * `git config --global`, a clone, which names its new folder itself) opens no repository's config.
 */
export async function protectiveArgs(
  args: readonly string[],
  cwd: string | undefined,
  base: Pick<RunOptions, 'env'>,
  /** readScopedConfig's answer for this `cwd` and this environment, when the caller read it already. */
  listed?: Promise<readonly ConfigEntry[] | null>,
): Promise<{ readonly before: readonly string[]; readonly args: readonly string[] }> {
  if (cwd === undefined) return { before: [], args };
  if (!readsOnly(args)) return { before: ALWAYS_OFF, args };
  const verb = args[0] ?? '';
  const before = [...ALWAYS_OFF, '-c', `core.hooksPath=${noHooksPath()}`];
  if (WORK_TREE_READS.has(verb)) {
    const entries = await (listed ?? readScopedConfig(cwd, base.env));
    // Outside a repository (or without git) there is no repository config to take back.
    if (entries) before.push(...filterOverrides(entries));
  }
  const extra = DIFF_READS.has(verb) ? ['--no-ext-diff', '--no-textconv'] : [];
  return { before, args: [verb, ...extra, ...args.slice(1)] };
}
