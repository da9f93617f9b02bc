import type { GitTransport, RepoAccess, RepoKind, RepoRemote } from '../../../preload/contract';

/** The kinds a bare NAME/REPO may be, in the order the clone form offers them. */
export const KINDS: readonly { readonly kind: RepoKind; readonly label: string }[] = [
  { kind: 'model', label: 'Model' },
  { kind: 'dataset', label: 'Dataset' },
  { kind: 'space', label: 'Space' },
];

/** A transport radio's words: which way it is, and whether it is set up on this computer. */
export function transportText(access: RepoAccess | null, transport: GitTransport): string {
  if (transport === 'ssh') return access?.ssh ? 'SSH, with your key' : 'SSH (not set up yet)';
  return access?.httpsUser
    ? `HTTPS, with the token saved for ${access.httpsUser}`
    : 'HTTPS (no token saved yet)';
}

/**
 * Whether a clone address main accepted is a bare NAME/REPO (no host, no datasets/ or spaces/),
 * which says nothing about its kind, so the form asks.
 */
export function isBareName(text: string): boolean {
  return !/[:.]/.test(text.split('/')[0] ?? '') && !/^(datasets|spaces)\//.test(text);
}

/** Bytes in the unit a person reads. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  '??': 'new',
  A: 'added',
  M: 'changed',
  D: 'deleted',
  R: 'renamed',
};

/** git's two-letter status of a changed file as one word ("new", "changed"…), or the letters themselves. */
export const statusWord = (status: string): string =>
  STATUS_WORDS[status === '??' ? '??' : (status.trim()[0] ?? '')] ?? status.trim();

/** How a remote reaches the Hub, as the repository's summary line names it. */
export function remoteKindText(kind: RepoRemote['kind']): string {
  return kind === 'hub-ssh' ? 'SSH' : kind === 'hub-https' ? 'HTTPS' : 'remote';
}
