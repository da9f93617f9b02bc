import { git, type GitContext } from './core';

// The branch's commits, newest first, read with one `git log` (git-log(1) "PRETTY FORMATS").

/** One commit as the history list shows it (whether it is on the Hub is decided elsewhere). */
export interface LogEntry {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly author: string;
  readonly email: string;
  /** Author date, strict ISO 8601. */
  readonly at: string;
  readonly summary: string;
  readonly body: string;
}

/** NUL between fields; -z ends each commit with another NUL, so every commit is 7 fields. */
const FORMAT = '%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00%b';
const FIELDS = 7;

/** `count` commits of `revision`'s history after the first `skip`, newest first. */
export async function readLog(
  context: GitContext,
  repoPath: string,
  revision: string,
  skip: number,
  count: number,
): Promise<LogEntry[]> {
  const out = await git(
    context,
    [
      'log',
      // log.showSignature in the person's config would print gpg's lines among the fields.
      '--no-show-signature',
      '-z',
      `--format=${FORMAT}`,
      `--skip=${skip}`,
      `--max-count=${count}`,
      '--end-of-options',
      revision,
      '--',
    ],
    { cwd: repoPath, timeoutMs: 60_000 },
  );
  const parts = out.stdout.split('\u0000');
  const entries: LogEntry[] = [];
  for (let index = 0; index + FIELDS <= parts.length; index += FIELDS) {
    const [sha = '', parents = '', author = '', email = '', at = '', summary = '', body = ''] = parts.slice(
      index,
      index + FIELDS,
    );
    // The -z terminator leaves an empty token at the very end; git writes no other.
    const id = sha.replace(/^\n/, '');
    if (!/^[0-9a-f]{40,64}$/.test(id)) break;
    entries.push({
      sha: id,
      parents: parents.split(' ').filter(Boolean),
      author,
      email,
      at,
      summary,
      body: body.trim(),
    });
  }
  return entries;
}
