import { redactSecrets } from '../../core/redact';
import type { FailureContext } from './types';

// Reading what git, git-lfs, ssh and the Hub printed. Two facts shape every pattern here:
// - git pads each `remote:` line with spaces when stderr is not a terminal (8 of them, git's
//   sideband.c DUMB_SUFFIX; HUB-FACTS), so no pattern is anchored on the end of a line;
// - progress is drawn with carriage returns and, on a terminal, ANSI erase codes.

/** The text as lines a pattern can read: ANSI codes removed, carriage returns made newlines. */
export function normalise(output: string): string {
  return (
    output
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
      .replace(/\r\n?/g, '\n')
  );
}

/** The namespace of NAME/REPO, datasets/NAME/REPO or spaces/NAME/REPO (HUB-FACTS URLs). */
export function namespaceOf(repo: string): string {
  const parts = repo.split('/');
  return (parts.length >= 3 ? parts[1] : parts[0]) ?? '';
}

/** NAME/REPO without the datasets/ or spaces/ prefix. */
export function repoIdOf(repo: string): string {
  return repo.replace(/^(?:datasets|spaces)\//, '');
}

/** How the words name the repository: its path when known, else a neutral phrase. */
export const repoName = (context: FailureContext): string => context.repo ?? 'this repository';

/** The repository's page on the Hub, when the repository is known. */
export const repoPage = (context: FailureContext): string | undefined =>
  context.repo ? `${context.endpoint}/${context.repo}` : undefined;

/** The SSH server as the words name it (the Hub's documented host and port by default). */
export const sshServer = (context: FailureContext): { readonly host: string; readonly port: number } => ({
  host: context.sshHost ?? 'hf.co',
  port: context.sshPort ?? 22,
});

const unique = (names: readonly string[]): string[] => [
  ...new Set(names.map((name) => redactSecrets(name.trim())).filter((name) => name !== '')),
];

/** Paths after `CONFLICT (...): Merge conflict in PATH` and `CONFLICT (modify/delete): PATH deleted in`. */
export function conflictFiles(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/CONFLICT \([^)]*\): Merge conflict in (.+)/g)) names.push(match[1]!);
  for (const match of text.matchAll(/CONFLICT \((?:modify\/delete|delete\/modify)\): (.+?) deleted in /g))
    names.push(match[1]!);
  return unique(names);
}

/**
 * The tab-indented paths git lists under "would be overwritten by merge:" (and checkout), as git
 * 2.39 prints them (produced here: test/main/git/failures-real.test.ts).
 */
export function overwrittenFiles(text: string): string[] {
  const names: string[] = [];
  for (const block of text.matchAll(/would be overwritten by (?:merge|checkout):\n((?:\t.*\n?)+)/g))
    for (const line of block[1]!.split('\n')) if (line.startsWith('\t')) names.push(line.slice(1));
  return unique(names);
}

/** `remote:   - PATH (ref: refs/heads/main)` under the Hub's "Offending files:" (huggingface_hub#91). */
export function offendingFiles(text: string): string[] {
  return unique([...text.matchAll(/remote:\s+-\s+(.+?) \(ref: /g)].map((match) => match[1]!));
}

/** git-lfs 3.x's `  (missing) PATH (OID)` lines (git-lfs commands/uploader.go). */
export function missingLfsFiles(text: string): string[] {
  return unique([...text.matchAll(/^\s+\((?:missing|corrupt)\) (.+?) \([0-9a-f.]+\)/gm)].map((m) => m[1]!));
}

/** A short list for a sentence: up to three names, then how many more. */
export function listFiles(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
