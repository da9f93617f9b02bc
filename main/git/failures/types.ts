// The vocabulary of the failure table: what went wrong (a kind), what the app knows besides the
// text (the context), and the answer every screen draws (a failure). After GitHub Desktop's
// `GitError` enum plus `getDescriptionForError()`: one closed set of causes, one place that words them.

/**
 * Every cause the table can name. The first 36 are the app's agreed names (never renamed: screens
 * and tests key on them); the last six were added for real cases met while collecting transcripts:
 * `read_forbidden` (a 403 on a clone or fetch), `lfs_missing_on_hub` (the Hub lacks a large file a
 * pointer names), `ssh_no_key` (ssh had no key to offer), `git_missing`, `disk_full`, and
 * `invalid_metadata` (the Hub's check of README.md's YAML header refused the push).
 */
export type FailureKind =
  | 'password_refused'
  | 'token_invalid'
  | 'no_credential'
  | 'wrong_username'
  | 'read_token'
  | 'fine_grained_no_write'
  | 'org_role_too_low'
  | 'no_write_access'
  | 'gated'
  | 'not_found_or_private'
  | 'lfs_auth'
  | 'lfs_over_5gb'
  | 'lfs_missing_objects'
  | 'lfs_not_installed'
  | 'lfs_pointer_files'
  | 'too_large'
  | 'binary_files'
  | 'quota'
  | 'rate_limited'
  | 'non_fast_forward'
  | 'push_too_big'
  | 'network'
  | 'not_hub_remote'
  | 'merge_conflict'
  | 'local_changes_block'
  | 'ssh_anonymous'
  | 'ssh_key_not_on_account'
  | 'ssh_host_key_unknown'
  | 'ssh_host_key_changed'
  | 'ssh_timeout'
  | 'ssh_refused'
  | 'ssh_dns'
  | 'ssh_missing'
  | 'cancelled'
  | 'ok'
  | 'unknown'
  | 'read_forbidden'
  | 'lfs_missing_on_hub'
  | 'ssh_no_key'
  | 'git_missing'
  | 'disk_full'
  | 'invalid_metadata';

/**
 * What the app can do about a failure in one click; the screen decides how to offer it.
 * - forget_and_reenter: forget the saved Hub credential and ask for an access token.
 * - new_write_token: open `{endpoint}/settings/tokens/new?tokenType=write`, then take the new token.
 * - fix_username: remove the username from the remote's address (the helper's entry then matches).
 * - pull_first: pull (merge the Hub's commits in), then push again.
 * - track_with_lfs: `git lfs track` the refused files (and rewrite the unpushed commits).
 * - lfs_pull: fetch the repository's LFS objects (`git lfs fetch --all`) and check them out.
 * - install_lfs: install git-lfs, then `git lfs install`.
 * - open_keys_page: open `{endpoint}/settings/keys`.
 * - pin_host_keys: record the Hub's published host keys (never the key a server presented).
 * - request_access: open the repository's page on the Hub, where access is requested.
 * - use_https: switch this remote to HTTPS with an access token.
 * - open_pull_request: push to a pull request (`refs/pr/N`) instead of the branch.
 * - resolve_conflicts: show the conflicted files so the person picks what to keep.
 * - stash_and_retry: set local changes aside (`git stash --include-untracked`), retry, restore.
 * - enable_large_files: configure the multipart transfer for LFS files over 5 GB (what
 *   `hf lfs-enable-largefiles .` does, HUB-FACTS).
 * - test_ssh_connection: run the SSH setup's connection test (it shows which key ssh offers).
 */
export type FailureAction =
  | 'forget_and_reenter'
  | 'new_write_token'
  | 'fix_username'
  | 'pull_first'
  | 'track_with_lfs'
  | 'lfs_pull'
  | 'install_lfs'
  | 'open_keys_page'
  | 'pin_host_keys'
  | 'request_access'
  | 'use_https'
  | 'open_pull_request'
  | 'resolve_conflicts'
  | 'stash_and_retry'
  | 'enable_large_files'
  | 'test_ssh_connection';

/** The token summary the table reasons with (a mirror of main/hub/token.ts TokenSummary's fields). */
export interface WhoamiSummary {
  readonly account: string;
  readonly role: 'read' | 'write' | 'fineGrained' | 'unknown';
  readonly orgs: readonly { readonly name: string; readonly role?: string | null }[];
  /** Fine-grained tokens: per namespace (or per repository, `NAME/REPO`) what the token may do. */
  readonly scoped: readonly { readonly namespace: string; readonly permissions: readonly string[] }[];
}

/** What the app knows besides the text; it changes the answer only as an input, never the text. */
export interface FailureContext {
  /** `explain` is a pasted text with no other context. */
  readonly operation:
    'clone' | 'fetch' | 'pull' | 'push' | 'push_dry_run' | 'lfs_pull' | 'fork' | 'ssh_test' | 'explain';
  readonly transport?: 'https' | 'ssh';
  /** e.g. https://huggingface.co, for links in fixes (no trailing slash). */
  readonly endpoint: string;
  /** The SSH host and port ssh connected to (default hf.co and 22 in the words). */
  readonly sshHost?: string;
  readonly sshPort?: number;
  /** `NAME/REPO`, `datasets/NAME/REPO` or `spaces/NAME/REPO` of the remote, when known. */
  readonly repo?: string;
  /** From the remote's address; `other` means the failure is not the Hub's to explain. */
  readonly remoteHost?: 'hub' | 'other';
  /** The username written in the remote's address, if any. */
  readonly urlUsername?: string;
  /** The username the credential helper holds a Hub token for, if any. */
  readonly storedUser?: string;
  /** whoami-v2's answer for the stored token, when there is one and the Hub answered. */
  readonly whoami?: WhoamiSummary;
  /** The user the Hub's SSH greeting named, when known. */
  readonly sshUser?: string;
  /** Keys ssh offered (connection-test's offeredKeys); undefined when nobody looked. */
  readonly offeredKeys?: readonly string[];
  readonly flags?: {
    readonly exitCode?: number | null;
    readonly cancelled?: boolean;
    readonly timedOut?: boolean;
    /** The program (ssh for ssh_test, git otherwise) is not installed. */
    readonly notFound?: boolean;
  };
}

/** The one answer a screen draws: plain words, what to do in the app, and maybe a one-click action. */
export interface Failure {
  readonly kind: FailureKind;
  /** What happened, for someone who has never used a terminal; never git's own words. */
  readonly message: string;
  /** What to do next, in the app. */
  readonly fix: string;
  readonly action?: FailureAction;
  /** The Hub account the SSH greeting named (kind ok over SSH). */
  readonly user?: string;
  /** The page the action or fix points to, when there is one (tokens, keys, the repository). */
  readonly link?: string;
  /** Files the text names (conflicts, refused or missing files), tokens redacted. */
  readonly files?: readonly string[];
}
