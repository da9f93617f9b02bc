/**
 * The one IPC contract between the renderer (untrusted), the preload bridge and the main process.
 * Types only: every side imports it with `import type`, so no code crosses the process boundary.
 * Both transports (Electron IPC and the loopback browser mode) carry exactly these operations.
 */

/**
 * Every cause the table can name. The first 36 are the app's agreed names (never renamed: screens
 * and tests key on them); the next six were added for real cases met while collecting transcripts:
 * `read_forbidden` (a 403 on a clone or fetch), `lfs_missing_on_hub` (the Hub lacks a large file a
 * pointer names), `ssh_no_key` (ssh had no key to offer), `git_missing`, `disk_full`, and
 * `invalid_metadata` (the Hub's check of README.md's YAML header refused the push). The last five
 * name faults (issue 16): `local_permission` (a folder or file this computer will not let Git
 * write: permissions, a read-only disk, `chattr +i`), `git_lock` (a `.lock` file of Git's is in
 * the way, often left by a Git that stopped mid-write), `connection_lost` (the connection dropped
 * mid-transfer), `stalled` (no data for the app's hard limit, so it stopped the run), and
 * `concurrent_push` (the Hub refused to update a branch another push was updating at the same
 * moment: `[remote rejected] ... (failed to update ref)`).
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
  | 'invalid_metadata'
  | 'local_permission'
  | 'git_lock'
  | 'connection_lost'
  | 'stalled'
  | 'concurrent_push';

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
 * - unlock_key: the app's SSH key is not in the agent (after a restart): ask its passphrase in
 *   place, add it to the agent, and try again.
 * - remove_stale_lock: delete the lock file the outcome names (its only entry in `files`), offered
 *   only when main found it older than the app's start with no git of the app running.
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
  | 'test_ssh_connection'
  | 'remove_stale_lock'
  | 'unlock_key';

/**
 * The one answer every screen draws for what git, git-lfs, ssh or the Hub printed (main's failure
 * table, main/git/failures/, decides it): plain words, what to do in the app, maybe one click.
 */
export interface Outcome {
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

/** Stable error codes: the renderer maps them to plain words; never parse `message`. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_operation'
  | 'untrusted_sender'
  | 'not_allowed'
  | 'timeout'
  | 'internal'
  // SSH onboarding
  | 'ssh_dir_unusable'
  | 'key_name_taken'
  | 'key_not_found'
  | 'keygen_failed'
  | 'wrong_passphrase'
  | 'agent_unavailable'
  | 'agent_failed'
  | 'host_key_mismatch'
  | 'file_unwritable'
  | 'ssh_config_overridden'
  // HTTPS with an access token
  | 'token_invalid'
  | 'token_unknown'
  | 'token_not_checked'
  | 'rate_limited'
  | 'offline'
  | 'dns'
  | 'tls'
  | 'hub_error'
  | 'plaintext_consent_needed'
  | 'credential_helper_failed'
  | 'repo_unusable'
  // Repositories
  | 'bad_repo_address'
  | 'destination_unusable'
  | 'cancelled'
  | 'git_failed'
  | 'lfs_missing'
  | 'identity_needed'
  | 'nothing_to_commit'
  | 'consent_needed'
  // The workspace
  | 'conflict_markers'
  | 'operation_in_progress'
  | 'nothing_to_undo'
  | 'already_pushed'
  | 'bad_branch_name'
  | 'branch_exists'
  | 'not_found'
  | 'hub_rules'
  // Publishing and the Hub's API (issue 14)
  /** The action needs the Hub's API, and the app has no access token (SSH keys cannot call the API). */
  | 'api_token_needed'
  /** The name is taken on the Hub by a repository that is not the person's to write. */
  | 'repo_name_taken'
  /** The folder cannot be published as it is (not a folder, unreadable, inside another repository…). */
  | 'folder_unusable';

/** What a failed operation tells the user: what happened, and what to do about it. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  /** Raw output for a "Details" disclosure, secrets already redacted. */
  readonly details?: string;
  /** When git, git-lfs or ssh failed: the failure table's answer (message and hint are its words). */
  readonly outcome?: Outcome;
}

/** Every operation answers with this union; Electron would drop everything but `message` of a throw. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** The operating systems the fix texts are written for. */
export type OsFamily = 'windows' | 'macos' | 'debian' | 'fedora' | 'linux';

/** Settings resolved once at launch, as the renderer may see them (no secrets, never writable). */
export interface AppInfo {
  readonly appVersion: string;
  readonly transport: 'electron' | 'browser';
  readonly hubEndpoint: string;
  readonly sshHost: string;
  readonly sshPort: number;
  readonly os: OsFamily;
  readonly versions: { readonly node: string; readonly electron?: string; readonly chrome?: string };
}

/** The outcome of one probe: fine, worth a look, or blocking. */
export type CheckStatus = 'ok' | 'warn' | 'error';

/** The probes of "Check this computer"; also the keys of the doctor's JSON. */
export type CheckId =
  | 'ssh'
  | 'ssh-keygen'
  | 'ssh-add'
  | 'git'
  | 'git-lfs'
  | 'git-xet'
  | 'ssh-agent'
  | 'ssh-folder'
  | 'git-identity';

/** One line of the machine report, written for a person: a summary, and a fix when needed. */
export interface CheckItem {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** Plain words: "Git 2.39.5 is installed." */
  readonly summary: string;
  /** What to do, for this user's OS; absent when nothing needs doing. */
  readonly fix?: string;
  /** A version string or path, when found. */
  readonly detail?: string;
  /**
   * Nothing is wrong without it (issue 14: git-xet not installed): the screen says "Optional",
   * neither a green OK nor a warning. Added in issue 14; absent means not optional.
   */
  readonly optional?: true;
  /**
   * The app makes this fix itself on the Check screen, so the terminal fix is only for the doctor:
   * `identity`, a name-and-email form that calls setIdentity. Added in issue 14.
   */
  readonly appFix?: 'identity';
  readonly durationMs: number;
}

/** The whole machine report. */
export interface MachineReport {
  readonly os: OsFamily;
  readonly items: readonly CheckItem[];
  readonly startedAt: string;
  readonly durationMs: number;
}

/** The wizard's steps, in order; the step reached survives a restart. */
export type WizardStep =
  | 'welcome'
  | 'check'
  | 'keys'
  | 'create-key'
  | 'agent'
  | 'copy'
  | 'test'
  | 'done'
  | 'token'
  | 'store-token'
  | 'use-token';

/** How Git will sign in to the Hub. */
export type AuthMethod = 'ssh' | 'https';

/** What survives a restart: never a secret. */
export interface SavedProgress {
  readonly step: WizardStep;
  readonly method: AuthMethod;
  /** The chosen key's file name in ~/.ssh (e.g. "id_ed25519"), if any. */
  readonly keyName: string | null;
}

export type KeyType = 'ed25519' | 'ecdsa' | 'rsa' | 'dsa' | 'unknown';

/** Why a key in ~/.ssh cannot be used as it is; the message says it in plain words. */
export type KeyProblemCode =
  | 'unprotected' // private key readable by others: ssh ignores it ("UNPROTECTED PRIVATE KEY FILE")
  | 'missing_private' // a .pub without its private key
  | 'missing_public' // a private key without its .pub (usable; the app can derive the public half)
  | 'garbage' // not a key at all, or truncated
  | 'unreadable'; // permission denied for the app itself

export interface KeyProblem {
  readonly code: KeyProblemCode;
  readonly message: string;
  readonly fix?: string;
}

/** A key pair found (or made) in ~/.ssh. Never carries private key material. */
export interface KeyInfo {
  /** File name of the private key in ~/.ssh, e.g. "id_ed25519". */
  readonly name: string;
  readonly privatePath: string;
  readonly publicPath: string;
  readonly type: KeyType;
  readonly bits: number | null;
  readonly comment: string;
  /** As `ssh-keygen -lf` prints it: "SHA256:..." (what the Hub lists beside the key). */
  readonly fingerprint: string | null;
  /** The one-line public key, for the clipboard; null when it could not be read. */
  readonly publicKey: string | null;
  /** null when it cannot be told (e.g. the private key is missing or unreadable). */
  readonly passphraseProtected: boolean | null;
  readonly problems: readonly KeyProblem[];
}

export interface KeyList {
  readonly sshDir: string;
  readonly sshDirExists: boolean;
  readonly keys: readonly KeyInfo[];
  /** A free file name for a new key: id_ed25519, or id_ed25519_hf, ... when taken. */
  readonly suggestedName: string;
}

export interface GenerateKeyRequest {
  readonly name: string;
  /** The key's comment, usually the user's email. */
  readonly comment: string;
  /** null is the explicit "no passphrase" choice. */
  readonly passphrase: string | null;
}

export interface AgentResult {
  /** 'system' = the user's own agent; 'app' = one the app started for its own children. */
  readonly agent: 'system' | 'app';
  readonly keyName: string;
  readonly fingerprint: string | null;
  /** Whether the key was already loaded, so nothing changed. */
  readonly alreadyLoaded: boolean;
}

export interface PinnedHostKey {
  readonly type: string;
  readonly fingerprint: string;
  readonly present: boolean;
}

/** known_hosts as it stands for the Hub's SSH host. */
export interface HostKeyStatus {
  readonly knownHostsPath: string;
  readonly host: string;
  readonly pinned: readonly PinnedHostKey[];
  /** Entries for the Hub's host whose key is none of the pinned ones: possible interception. */
  readonly mismatches: readonly {
    readonly line: number;
    readonly type: string;
    readonly fingerprint: string;
  }[];
  /** Set after a write: where the previous file was copied. */
  readonly backupPath?: string;
}

export interface SshConfigResult {
  readonly configPath: string;
  readonly changed: boolean;
  readonly backupPath?: string;
  /** The Host block as written, for the user to see. */
  readonly block: string;
}

/** How an `ssh -T` test ended, decided from the text, not the exit code. */
export type ConnectionVerdictKind =
  | 'authenticated'
  | 'anonymous'
  | 'permission_denied'
  | 'host_key_unknown'
  | 'host_key_changed'
  | 'timeout'
  | 'refused'
  | 'dns'
  | 'ssh_missing'
  | 'cancelled'
  | 'unknown';

export interface ConnectionVerdict {
  readonly kind: ConnectionVerdictKind;
  /** The Hub account name when authenticated. */
  readonly user?: string;
  /** Plain words: what happened. */
  readonly message: string;
  /** What to do next. */
  readonly hint: string;
  /** Key files ssh offered, from its own log (paths and fingerprints, never key material). */
  readonly offeredKeys: readonly string[];
  /** The raw output, for a "Details" disclosure. */
  readonly output: string;
  readonly durationMs: number;
  /** The failure table's answer for this output (message and hint are its words). */
  readonly outcome: Outcome;
}

/** What an access token may do, as whoami-v2 told it. */
export type TokenRole = 'read' | 'write' | 'fineGrained' | 'unknown';

/** A checked token, as the renderer may see it: never the token itself, only its masked form. */
export interface TokenReport {
  /** An opaque handle to the token, which stays in main; valid until stored, forgotten or the app exits. */
  readonly ref: string;
  /** "hf_…AbCd": enough to recognise it on the Hub's token page. */
  readonly masked: string;
  readonly account: string;
  readonly fullname: string | null;
  readonly orgs: readonly { readonly name: string; readonly role: string | null }[];
  readonly tokenName: string | null;
  readonly role: TokenRole;
  /** For fine-grained tokens: each namespace and its permissions ("repo.content.read", "repo.write"…). */
  readonly scoped: readonly { readonly namespace: string; readonly permissions: readonly string[] }[];
  readonly expiresAt: string | null;
}

/** A git credential helper, where it keeps tokens, and whom it serves. */
export interface CredentialHelperView {
  readonly name: string;
  readonly storage: 'keychain' | 'memory' | 'plaintext' | 'unknown';
  readonly scope: 'global' | 'hub';
  readonly origin: string;
}

/** Where git keeps a token for the Hub on this machine, and what the app would do. */
export interface CredentialSetup {
  /** The Hub's host as credentials are matched: huggingface.co (hf.co is another host). */
  readonly host: string;
  readonly configured: readonly CredentialHelperView[];
  /** The secure helper the app would use; `configured: false` means it would add it for the Hub only. */
  readonly secure: { readonly name: string; readonly configured: boolean } | null;
  /** Where the plain-text fallback (`store`) would write. */
  readonly plaintextPath: string;
  /** How to get a secure helper on this OS. */
  readonly advice: string;
  /** The account a token is saved for already, if any. */
  readonly storedUser: string | null;
}

export interface StoredToken {
  readonly host: string;
  readonly username: string;
  readonly helper: string;
  readonly storage: CredentialHelperView['storage'];
  /** Whether the app added the helper to git's config just now (for the Hub only). */
  readonly configuredNow: boolean;
}

/** A remote of a local repository; `shown` has any secret replaced by ***. */
export interface RepoRemote {
  readonly name: string;
  readonly shown: string;
  readonly kind: 'hub-https' | 'hub-ssh' | 'other';
  /** NAME/REPO (or datasets/…, spaces/…) for a Hub remote. */
  readonly repo?: string;
  readonly username?: string;
  /** A password or token is written into the URL (it leaks into logs and shell history). */
  readonly hasSecret: boolean;
  /** Whether the token would push there, predicted from whoami before any push. */
  readonly prediction?: { readonly canPush: boolean; readonly reason: string };
}

export interface RepoCheck {
  readonly path: string;
  readonly remotes: readonly RepoRemote[];
  readonly storedUser: string | null;
}

/** How a push (or its dry run) went, in plain words, with git's own output for Details. */
export interface PushCheck extends Outcome {
  readonly dryRun: boolean;
  /** git's output, tokens redacted. */
  readonly output: string;
}

export type RepoKind = 'model' | 'dataset' | 'space';
export type GitTransport = 'https' | 'ssh';

/** A Hub repository, as read from what the person pasted. */
export interface RepoRefView {
  readonly kind: RepoKind;
  readonly namespace: string;
  readonly name: string;
  /** NAME/REPO, datasets/NAME/REPO or spaces/NAME/REPO. */
  readonly path: string;
  readonly revision?: string;
}

export interface LfsStateView {
  readonly installed: boolean;
  readonly configured: boolean;
  readonly xet: boolean;
  readonly howToInstall: string;
}

/** Which ways to the Hub this computer has, and which the app would use. */
export interface RepoAccess {
  /** The account a token is saved for, when HTTPS is set up. */
  readonly httpsUser: string | null;
  /** An SSH key and the Hub's pinned host keys are in place. */
  readonly ssh: boolean;
  readonly preferred: GitTransport | null;
  readonly lfs: LfsStateView;
}

export interface ChangedFileView {
  readonly path: string;
  /** Two-letter porcelain status ("M ", " M", "??", "A ", "D ", "R "…); "UU"-style for a conflict. */
  readonly status: string;
  /** Ticked: in the index as it is in the work tree (a partly staged file is staged and changed). */
  readonly staged: boolean;
  /** Bytes in the work tree; null when not measured (a folded folder, a deleted file, a long list). */
  readonly size: number | null;
  /** A rename's former path. */
  readonly from?: string;
  /** Set when git has the file unmerged (a pull, a stash put back, a revert): listed first. */
  readonly conflict?: ConflictView;
  /** An untracked folder git folds into one entry ("data/"), as `git status` does: its files are not listed. */
  readonly folder?: boolean;
  /** Matched by a filter=lfs pattern of .gitattributes: committed as an LFS pointer. */
  readonly lfs?: boolean;
}

/** An unmerged file, from `git status --porcelain=v2` "u" entries. */
export interface ConflictView {
  /** Who changed what: UU both modified, AA both added, DU/UD deleted on one side, AU/UA added on one side, DD both deleted. */
  readonly xy: 'UU' | 'AA' | 'DU' | 'UD' | 'AU' | 'UA' | 'DD';
  /** Stored with Git LFS on either side: only "Keep mine" and "Keep the Hub's" are offered. */
  readonly lfs: boolean;
  /** The work-tree file still holds conflict markers (lines starting <<<<<<<, =======, >>>>>>>). */
  readonly markers: boolean;
}

/** A merge, rebase, cherry-pick, revert or stash git stopped in the middle of, with conflicts to resolve. */
export interface InProgressView {
  readonly kind: 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'stash';
  /** Files still unmerged. */
  readonly conflicts: number;
  /** What the app was doing when it stopped, so the screen names it ("Abort the pull"). */
  readonly during: 'pull' | 'switch' | 'revert' | 'restore' | 'migrate' | 'other';
  /** Changes the app set aside before the operation, put back after it (the stash's commit id). */
  readonly setAside?: string;
}

/** The last fetch of the repository's Hub remote; main throttles fetches and remembers the answer. */
export interface FetchView {
  /** When it last worked (ISO time); null when it never did since the repository opened. */
  readonly at: string | null;
  /** The last attempt could not reach the Hub: the screen shows a small offline note, nothing more. */
  readonly offline: boolean;
  /** Commits the Hub has that this branch lacks, and the other way round (after the fetch). */
  readonly behind: number;
  readonly ahead: number;
}

export interface PushProblemView {
  readonly rule: 'too_large' | 'binary' | 'over_5gb';
  readonly path: string;
  readonly size: number;
  readonly inHistoryOnly: boolean;
  readonly trackPattern?: string;
  /** The problem and its fix in one sentence. */
  readonly text: string;
  /** The Hub would refuse the push (false: a warning, e.g. a small binary the Hub still accepts). */
  readonly blocking: boolean;
}

/** Everything the repository screen shows about one local repository. */
export interface RepoState {
  readonly path: string;
  readonly branch: string | null;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly changes: readonly ChangedFileView[];
  readonly identity: { readonly name: string; readonly email: string } | null;
  readonly remotes: readonly RepoRemote[];
  readonly pointers: readonly { readonly path: string; readonly size: number }[];
  /** The Hub's push rules applied to the commits not pushed yet. */
  readonly prePush: { readonly commits: number; readonly problems: readonly PushProblemView[] };
  readonly lfs: LfsStateView;
  /**
   * How this repository's large files travel: `lfsFiles` counts the files Git LFS tracks here;
   * `xet` is "in_use" when git-xet is set up as a transfer (any scope), "installed" when it is on
   * this computer but not set up yet (the next push sets it up), "missing" when it is not installed.
   */
  readonly largeFiles: { readonly lfsFiles: number; readonly xet: 'in_use' | 'installed' | 'missing' };
  /** The Hub's rules applied to the ticked (staged) files as they are ticked, before any commit exists. */
  readonly staged: { readonly problems: readonly PushProblemView[] };
  /** A merge (or rebase…) in the middle: commit finishes it once no conflict is left; push waits. */
  readonly inProgress: InProgressView | null;
  /** The last fetch, when there was one. */
  readonly fetch: FetchView | null;
  /** Changes beyond the ones listed (the list is cut at a few thousand; the rest is counted). */
  readonly moreChanges: number;
}

// The repository workspace (issue 12): diffs, history, branches, conflicts, and bringing things back.

/** One line of a text diff, with its numbers in the old and new file. */
export interface DiffLine {
  readonly kind: 'context' | 'add' | 'del' | 'hunk';
  readonly old: number | null;
  readonly new: number | null;
  /** The line without its +/-/space prefix (for a hunk, its @@ header). */
  readonly text: string;
}

/** One side of an image diff; the picture inline when small enough to show. */
export interface ImageSide {
  readonly mime: string;
  readonly size: number;
  /** data: URL of the picture, null when it is over the shown limit. */
  readonly dataUrl: string | null;
}

/** What changed in one file: text, a picture, an LFS pointer, or other binary bytes. */
export type DiffView =
  | {
      readonly kind: 'text';
      readonly file: string;
      readonly lines: readonly DiffLine[];
      readonly additions: number;
      readonly deletions: number;
      /** Set when the diff was cut to keep the window responsive: what is shown of how much. */
      readonly truncated: { readonly shownLines: number; readonly totalLines: number } | null;
    }
  | {
      readonly kind: 'image';
      readonly file: string;
      readonly before: ImageSide | null;
      readonly after: ImageSide | null;
    }
  | {
      readonly kind: 'lfs';
      readonly file: string;
      /** The pointers' objects (no object is downloaded to show this). */
      readonly before: { readonly oid: string; readonly size: number } | null;
      readonly after: { readonly oid: string; readonly size: number } | null;
    }
  | {
      readonly kind: 'binary';
      readonly file: string;
      readonly beforeSize: number | null;
      readonly afterSize: number | null;
    }
  /** Nothing to show as content (only the mode changed, a submodule, an empty file); `reason` says so. */
  | { readonly kind: 'none'; readonly file: string; readonly reason: string };

/** Which change of a file to show: the uncommitted one (ticked or not), or one a commit made. */
export type DiffSource =
  | { readonly kind: 'change'; readonly staged: boolean }
  | { readonly kind: 'commit'; readonly commit: string };

/** One commit of the branch's history. */
export interface CommitView {
  readonly sha: string;
  readonly summary: string;
  readonly body: string;
  readonly author: string;
  readonly email: string;
  /** Author time, ISO. */
  readonly at: string;
  /** On the Hub already (reachable from the upstream or another remote-tracking branch). */
  readonly pushed: boolean;
  /** More than one parent: a merge. */
  readonly merge: boolean;
}

/** A file a commit changed. */
export interface CommitFileView {
  readonly path: string;
  readonly status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  readonly from?: string;
}

/** A local branch. */
export interface BranchView {
  readonly name: string;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  /** The Hub pull request it tracks (a local `pr/N` or one following `refs/pr/N`), when it is one. */
  readonly pullRequest: number | null;
}

/** The repository's branches, and the Hub's pull requests (`refs/pr/N`) as such. */
export interface BranchList {
  readonly current: string | null;
  readonly local: readonly BranchView[];
  /** Remote branches with no local branch of the same name. */
  readonly remote: readonly { readonly name: string; readonly remote: string }[];
  /** The Hub remote's `refs/pr/N` (read with ls-remote; empty when the Hub could not be asked). */
  readonly pullRequests: readonly {
    readonly number: number;
    readonly ref: string;
    readonly local: string | null;
  }[];
}

/** Files the person discarded, kept by the app until they are brought back. */
export interface DiscardedView {
  readonly id: string;
  readonly at: string;
  readonly files: readonly string[];
  /** The desktop app also moved them to the system trash (GitHub Desktop's behaviour). */
  readonly inTrash: boolean;
}

/** A stash in the repository (the app's own are made before a pull, a switch or a migration). */
export interface StashView {
  /** The stash's commit id: stable while other stashes come and go. */
  readonly commit: string;
  readonly message: string;
  readonly at: string;
  readonly byApp: boolean;
}

/** A backup branch the app kept before rewriting history. */
export interface BackupView {
  readonly branch: string;
  readonly at: string;
  /** What the rewrite was ("git lfs migrate of *.bin", "restore of …"). */
  readonly reason: string;
}

/** Everything the app kept for this repository that the person can bring back. */
export interface RecoveryView {
  readonly discarded: readonly DiscardedView[];
  readonly stashes: readonly StashView[];
  readonly backups: readonly BackupView[];
}

/** How a clone, push, pull or LFS download ended. */
export interface RemoteRunView {
  readonly ok: boolean;
  readonly cancelled: boolean;
  /** The remote has commits this branch lacks: pull first. */
  readonly behind: boolean;
  /** What the app did around the run, in plain words ("Your 3 uncommitted changes were set aside and put back."). */
  readonly notes?: readonly string[];
  /** Plain words and a fix when it failed. */
  readonly message: string;
  readonly fix: string;
  /** git's output, secrets redacted. */
  readonly output: string;
  /** The failure table's answer (message and fix are its words). */
  readonly outcome: Outcome;
}

export interface RecentRepoView {
  readonly path: string;
  readonly remote: string;
  readonly lastAction: 'cloned' | 'committed' | 'pushed' | 'pulled' | 'forked' | 'opened';
  readonly at: string;
}

// ---------------------------------------------------------------------------------------------
// Publishing and the Hub's API (issue 14): create, list, pull requests, Spaces, the API account.

/** The Space SDKs the Hub accepts at creation (huggingface.js `SpaceSdk`). */
export type SpaceSdk = 'gradio' | 'docker' | 'static' | 'streamlit';

/**
 * A Space's runtime stage (huggingface_hub `_space_api.py` SpaceStage); UNKNOWN for a stage the
 * Hub names that the app does not know yet.
 */
export type SpaceStage =
  | 'NO_APP_FILE'
  | 'CONFIG_ERROR'
  | 'BUILDING'
  | 'BUILD_ERROR'
  | 'APP_STARTING'
  | 'RUNNING'
  | 'RUNNING_BUILDING'
  | 'RUNTIME_ERROR'
  | 'PAUSED'
  | 'STOPPED'
  | 'SLEEPING'
  | 'UNKNOWN';

/** A namespace (the account or one of its organizations) and whether the token may create there. */
export interface HubNamespaceView {
  readonly name: string;
  readonly kind: 'user' | 'org';
  readonly canCreate: boolean;
  /** Why not, in plain words, when `canCreate` is false ("Your role in acme is read."). */
  readonly why: string | null;
}

/** The account the app uses for the Hub's API (never the token itself). */
export interface HubAccountView {
  /**
   * Where the API token comes from: HF_TOKEN in the app's environment, one given for this run
   * (useApiToken), the token saved for git, or null: then API actions answer api_token_needed.
   */
  readonly source: 'env' | 'session' | 'git' | null;
  readonly user: string | null;
  readonly masked: string | null;
  readonly role: TokenRole | null;
  /** The account first, then its organizations. */
  readonly namespaces: readonly HubNamespaceView[];
  /** The account the SSH greeting named, when the app's connection test ran in this session. */
  readonly sshUser: string | null;
  /** Both routes are set up and name different accounts: one plain sentence; else null. */
  readonly mismatch: string | null;
}

/** A repository on the Hub, as the account's list shows it. */
export interface HubRepoView {
  /** NAME/REPO. */
  readonly id: string;
  readonly kind: RepoKind;
  readonly private: boolean;
  readonly updatedAt: string | null;
  /** Its page on the Hub. */
  readonly url: string;
  /** Where it is cloned on this computer (a recent repository with this remote), or null. */
  readonly localPath: string | null;
  /** Where "Clone" puts it: the default folder plus its name, `~` already expanded. */
  readonly cloneTo: string;
}

export interface HubRepoList {
  readonly repos: readonly HubRepoView[];
  /** The namespaces listed (the account and its organizations). */
  readonly authors: readonly string[];
  /** The Hub had more than the app asked for; a search narrows it. */
  readonly truncated: boolean;
  /** The default folder clones go to (`~/HuggingFace`), as shown (with `~`). */
  readonly defaultFolder: string;
}

export interface CreatedRepoView {
  /** NAME/REPO. */
  readonly id: string;
  readonly kind: RepoKind;
  /** Its page on the Hub. */
  readonly url: string;
  /** False when it existed already and is the person's (the Hub's 409): not a failure. */
  readonly created: boolean;
  readonly private: boolean;
}

/** A file the Hub's rules send to LFS, found before the first commit. */
export interface LfsCandidateView {
  readonly path: string;
  readonly size: number;
  /** Over 10 MiB, a binary file over the Hub's binary limit, or matched by the .gitattributes patterns. */
  readonly reason: 'large' | 'binary' | 'pattern';
}

/** What the app found in a folder the person wants to publish. */
export interface FolderInspection {
  readonly path: string;
  readonly isRepo: boolean;
  readonly hasCommits: boolean;
  /** Uncommitted changes (in a repository) or files (in a plain folder) that the first commit takes. */
  readonly files: number;
  readonly bytes: number;
  readonly lfsFiles: readonly LfsCandidateView[];
  /** The folder's name made into a valid Hub repository name. */
  readonly suggestedName: string;
  /** A guess from the files (app.py or Dockerfile: Space; data files: dataset; else model). */
  readonly suggestedKind: RepoKind;
  /** For Spaces: the SDK the files suggest, the app file, and what the Hub will need, in plain words. */
  readonly space: {
    readonly sdk: SpaceSdk | null;
    readonly appFile: string | null;
    readonly notes: readonly string[];
  };
  /** The Hub repository this folder already pushes to, when it has one. */
  readonly connected: { readonly remote: string; readonly repo: string; readonly kind: RepoKind } | null;
  /** Git's name and email as configured (null when unset), and what whoami suggests. */
  readonly identity: {
    readonly name: string | null;
    readonly email: string | null;
    readonly suggestedName: string | null;
    readonly suggestedEmail: string | null;
  };
}

/** Which Hub repository a publish goes to; `create: false` picks one that exists. */
export interface PublishTarget {
  readonly kind: RepoKind;
  readonly namespace: string;
  readonly name: string;
  readonly private: boolean;
  /** Required for a new Space. */
  readonly sdk: SpaceSdk | null;
  readonly create: boolean;
}

export interface PublishResult {
  readonly path: string;
  readonly repo: CreatedRepoView;
  readonly transport: GitTransport;
  readonly branch: string;
  /** Files stored with LFS before the first commit. */
  readonly lfsFiles: readonly string[];
  /** What the app did beyond the obvious ("The Hub's .gitattributes was merged with yours."). */
  readonly notes: readonly string[];
}

/** A pull request on the Hub (a discussion with `isPullRequest`); its commits live on `refs/pr/N`. */
export interface PullRequestView {
  readonly num: number;
  readonly title: string;
  readonly author: string | null;
  readonly status: 'draft' | 'open' | 'closed' | 'merged';
  /** Its page: `{endpoint}/NAME/REPO/discussions/N`. */
  readonly url: string;
  /** `refs/pr/N`. */
  readonly ref: string;
  readonly createdAt: string | null;
}

export interface SpaceRuntimeView {
  /** NAME/REPO. */
  readonly space: string;
  readonly stage: SpaceStage;
  /** Stops asking: RUNNING, an error, paused, stopped or sleeping. */
  readonly settled: boolean;
  /** The stage in plain words, with what to do when it failed. */
  readonly message: string;
  readonly hardware: string | null;
  readonly errorMessage: string | null;
  /** The Space's page and its logs on the Hub. */
  readonly url: string;
  readonly logsUrl: string;
}

/** Request and result of every operation, keyed by the bridge method's name (also the IPC channel). */
export interface Operations {
  readonly getAppInfo: { readonly request: null; readonly result: AppInfo };
  readonly checkMachine: { readonly request: null; readonly result: MachineReport };
  readonly openExternal: { readonly request: { readonly url: string }; readonly result: null };
  readonly loadProgress: { readonly request: null; readonly result: SavedProgress | null };
  readonly saveProgress: { readonly request: SavedProgress; readonly result: null };
  readonly listKeys: { readonly request: null; readonly result: KeyList };
  readonly generateKey: { readonly request: GenerateKeyRequest; readonly result: KeyInfo };
  readonly addKeyToAgent: {
    readonly request: { readonly name: string; readonly passphrase: string | null };
    readonly result: AgentResult;
  };
  readonly checkHostKeys: { readonly request: null; readonly result: HostKeyStatus };
  /** Adds the pinned keys; replacing a mismatching entry needs `replaceMismatched: true` (explicit consent). */
  readonly pinHostKeys: {
    readonly request: { readonly replaceMismatched: boolean };
    readonly result: HostKeyStatus;
  };
  readonly configureSsh: { readonly request: { readonly name: string }; readonly result: SshConfigResult };
  /** Runs `ssh -T git@HOST`; lines stream as sshTestOutput events with the same runId. */
  readonly testConnection: {
    readonly request: { readonly runId: string };
    readonly result: ConnectionVerdict;
  };
  readonly cancelConnectionTest: { readonly request: { readonly runId: string }; readonly result: null };
  /** Asks the Hub what a pasted token may do; the token stays in main, the reply carries its handle. */
  readonly checkToken: { readonly request: { readonly token: string }; readonly result: TokenReport };
  readonly credentialSetup: { readonly request: null; readonly result: CredentialSetup };
  /** Saves a checked token for git; plain-text storage needs `allowPlaintext: true` (explicit consent). */
  readonly storeToken: {
    readonly request: { readonly ref: string; readonly allowPlaintext: boolean };
    readonly result: StoredToken;
  };
  /** "Forget this token": `git credential reject` for the Hub's host. */
  readonly forgetToken: { readonly request: null; readonly result: { readonly forgotten: boolean } };
  readonly checkRepo: { readonly request: { readonly path: string }; readonly result: RepoCheck };
  /** Rewrites a remote to its address without userinfo (needs the token saved for git first). */
  readonly cleanRemote: {
    readonly request: { readonly path: string; readonly remote: string };
    readonly result: RepoCheck;
  };
  readonly repoAccess: { readonly request: null; readonly result: RepoAccess };
  readonly parseRepo: {
    readonly request: { readonly input: string; readonly kind: RepoKind | null };
    readonly result: RepoRefView;
  };
  /** Clones; progress streams as repoProgress events with the same runId. */
  readonly cloneRepo: {
    readonly request: {
      readonly runId: string;
      readonly input: string;
      readonly kind: RepoKind | null;
      readonly destination: string;
      readonly revision: string | null;
      readonly transport: GitTransport;
    };
    readonly result: {
      readonly path: string;
      readonly url: string;
      readonly pointers: number;
      /** Why the large files stopped part-way, when they did (the failure table's answer); the clone is kept. */
      readonly interrupted?: Outcome;
    };
  };
  readonly cancelRepoRun: { readonly request: { readonly runId: string }; readonly result: null };
  readonly repoState: { readonly request: { readonly path: string }; readonly result: RepoState };
  /** Stages the listed files, or all changes when `files` is null. */
  readonly stageFiles: {
    readonly request: { readonly path: string; readonly files: readonly string[] | null };
    readonly result: RepoState;
  };
  readonly commitChanges: {
    readonly request: { readonly path: string; readonly message: string };
    readonly result: RepoState;
  };
  readonly setIdentity: {
    readonly request: { readonly name: string; readonly email: string };
    readonly result: null;
  };
  readonly pushRepo: {
    readonly request: { readonly runId: string; readonly path: string };
    readonly result: RemoteRunView;
  };
  readonly pullRepo: {
    readonly request: { readonly runId: string; readonly path: string };
    readonly result: RemoteRunView;
  };
  readonly lfsPull: {
    readonly request: { readonly runId: string; readonly path: string };
    readonly result: RemoteRunView;
  };
  /** `git lfs install` for this user; only on the person's click. */
  readonly installLfs: { readonly request: null; readonly result: LfsStateView };
  readonly trackLfs: {
    readonly request: { readonly path: string; readonly pattern: string };
    readonly result: RepoState;
  };
  /** Rewrites unpushed commits to move files into LFS; `consent: true` is required; a backup branch is kept. */
  readonly migrateLfs: {
    readonly request: { readonly path: string; readonly pattern: string; readonly consent: boolean };
    readonly result: {
      readonly backupBranch: string;
      readonly state: RepoState;
      /** What the app did to keep uncommitted work ("Your 2 uncommitted changes were set aside and put back."). */
      readonly notes: readonly string[];
    };
  };
  // The workspace (issue 12).
  /** Unticks the listed files, or all when `files` is null (`git restore --staged`); the work tree is untouched. */
  readonly unstageFiles: {
    readonly request: { readonly path: string; readonly files: readonly string[] | null };
    readonly result: RepoState;
  };
  /**
   * "Store with Git LFS" before a commit exists: adds `pattern` to .gitattributes (the rest of it as
   * it was) and stages the matching changed files as LFS pointers. `consent` is given for this
   * pattern and this action only.
   */
  readonly storeWithLfs: {
    readonly request: { readonly path: string; readonly pattern: string; readonly consent: boolean };
    readonly result: RepoState;
  };
  /** Resolves one conflicted file: keep mine, keep the Hub's, or "I fixed it" (refused while markers remain). */
  readonly resolveConflict: {
    readonly request: {
      readonly path: string;
      readonly file: string;
      readonly choice: 'mine' | 'theirs' | 'fixed';
    };
    readonly result: RepoState;
  };
  /** "Abort the pull" (or the merge, revert…): the repository as it was before, set-aside changes put back. */
  readonly abortOperation: { readonly request: { readonly path: string }; readonly result: RepoState };
  /** Switches branch, carrying uncommitted changes along or leaving them set aside on the old branch. */
  readonly switchBranch: {
    readonly request: { readonly path: string; readonly branch: string; readonly changes: 'carry' | 'leave' };
    readonly result: { readonly state: RepoState; readonly notes: readonly string[] };
  };
  readonly createBranch: {
    readonly request: { readonly path: string; readonly name: string; readonly switchTo: boolean };
    readonly result: RepoState;
  };
  readonly listBranches: { readonly request: { readonly path: string }; readonly result: BranchList };
  /** Discards the listed files' changes; their bytes are kept (and trashed in the desktop app) for Restore. */
  readonly discardChanges: {
    readonly request: { readonly path: string; readonly files: readonly string[] };
    readonly result: { readonly state: RepoState; readonly discarded: DiscardedView };
  };
  readonly restoreDiscarded: {
    readonly request: { readonly path: string; readonly id: string };
    readonly result: RepoState;
  };
  readonly recoveryList: { readonly request: { readonly path: string }; readonly result: RecoveryView };
  /** Puts a stash's changes back (conflicts become the conflict flow); the stash is dropped only when it applied cleanly. */
  readonly applyStash: {
    readonly request: { readonly path: string; readonly commit: string };
    readonly result: RepoState;
  };
  /** "Restore": the current branch back to a backup branch (the state before is itself kept as a backup). */
  readonly restoreBackup: {
    readonly request: { readonly path: string; readonly branch: string };
    readonly result: RepoState;
  };
  /** Undoes the last commit when it is not on the Hub yet; its changes return to the list, ticked. */
  readonly undoCommit: { readonly request: { readonly path: string }; readonly result: RepoState };
  /** A new commit that takes back a pushed one's changes. */
  readonly revertCommit: {
    readonly request: { readonly path: string; readonly commit: string };
    readonly result: RepoState;
  };
  readonly commitHistory: {
    readonly request: { readonly path: string; readonly skip: number; readonly limit: number };
    readonly result: { readonly commits: readonly CommitView[]; readonly more: boolean };
  };
  readonly commitFiles: {
    readonly request: { readonly path: string; readonly commit: string };
    readonly result: readonly CommitFileView[];
  };
  readonly fileDiff: {
    readonly request: { readonly path: string; readonly file: string; readonly source: DiffSource };
    readonly result: DiffView;
  };
  /**
   * Fetches the Hub remote (silent on network failure: `offline` is set). Throttled: unless
   * `force`, a fetch less than a minute after the last answers with the last one.
   */
  readonly fetchRepo: {
    readonly request: { readonly path: string; readonly force: boolean };
    readonly result: FetchView;
  };
  /** Stops a fetch of this repository that is running. */
  readonly cancelFetch: { readonly request: { readonly path: string }; readonly result: null };
  /** Watches the work tree (not .git/) and sends repoChanged when files change; one watched repository at a time. */
  readonly watchRepo: { readonly request: { readonly path: string }; readonly result: null };
  readonly unwatchRepo: { readonly request: { readonly path: string }; readonly result: null };
  /** Opens a file in the person's editor or shows it in the file manager (desktop); browser mode answers the path to copy. */
  readonly openPath: {
    readonly request: {
      readonly path: string;
      readonly file: string | null;
      readonly how: 'editor' | 'folder';
    };
    readonly result: { readonly opened: boolean; readonly path: string };
  };
  /**
   * Forks: creates the destination on the Hub (the person's namespace, the upstream's name, unless
   * `fork` names another), then carries the picked branches (null: the default one) with their LFS files.
   */
  readonly forkRepo: {
    readonly request: {
      readonly runId: string;
      readonly upstream: string;
      /** NAME/REPO to create or use; null: the account's namespace with the upstream's name. */
      readonly fork: string | null;
      readonly destination: string;
      readonly transport: GitTransport;
      readonly branches: readonly string[] | null;
    };
    readonly result: {
      readonly path: string;
      readonly branch: string;
      readonly fork: CreatedRepoView;
      readonly branches: readonly string[];
    };
  };
  readonly recentRepos: { readonly request: null; readonly result: readonly RecentRepoView[] };
  /** The native folder picker; null when the person cancelled. Only in the desktop app. */
  readonly pickFolder: { readonly request: { readonly title: string }; readonly result: string | null };
  /** The redacted report for support: versions, machine check, ssh -T verdict, token role. */
  readonly supportReport: { readonly request: null; readonly result: { readonly text: string } };
  /**
   * Deletes a stale git lock file that an outcome named with the remove_stale_lock action: only one
   * of Git's own lock files in the home folder or in the repository at `repo`, only when it is older
   * than the app's start and no git of the app is running (checked again here).
   */
  readonly removeStaleLock: {
    readonly request: { readonly path: string; readonly repo: string | null };
    readonly result: { readonly removed: string };
  };
  /**
   * "Set up very large files" (the enable_large_files action): the app's multipart uploader in the
   * repository at `path`'s own config, as `hf lfs-enable-largefiles .` does; `sentence` says what
   * changed (null: it was already so). Refused where the app has no uploader to offer.
   */
  readonly enableLargeFiles: {
    readonly request: { readonly path: string };
    readonly result: { readonly sentence: string | null };
  };
  /** "Explain an error message": what a terminal, notebook or tutorial printed, explained by the failure table. */
  readonly explainError: { readonly request: { readonly text: string }; readonly result: Outcome };
  // Publishing and the Hub's API (issue 14).
  /** The account for the Hub's API: where its token comes from, its namespaces, and the SSH check. */
  readonly hubAccount: { readonly request: null; readonly result: HubAccountView };
  /** Uses a checked token (checkToken's handle) for the Hub's API in this run; `save` also stores it for git. */
  readonly useApiToken: {
    readonly request: { readonly ref: string; readonly save: boolean };
    readonly result: HubAccountView;
  };
  /** `POST {endpoint}/api/repos/create`; an existing repository of the person's is not a failure. */
  readonly createHubRepo: {
    readonly request: {
      readonly kind: RepoKind;
      readonly namespace: string;
      readonly name: string;
      readonly private: boolean;
      readonly sdk: SpaceSdk | null;
    };
    readonly result: CreatedRepoView;
  };
  /** Whether a repository exists (after the person made it on the Hub's own page). */
  readonly hubRepoExists: {
    readonly request: { readonly kind: RepoKind; readonly id: string };
    readonly result: { readonly exists: boolean };
  };
  /** The account's and its organizations' models, datasets and Spaces (private ones with the token). */
  readonly listHubRepos: {
    readonly request: { readonly search: string | null; readonly refresh: boolean };
    readonly result: HubRepoList;
  };
  readonly inspectFolder: { readonly request: { readonly path: string }; readonly result: FolderInspection };
  /** Makes the folder a repository if needed, creates or picks the Hub repository, connects and pushes. */
  readonly publishFolder: {
    readonly request: {
      readonly runId: string;
      readonly path: string;
      readonly target: PublishTarget;
      /** null: whichever works (SSH when its test passed, else HTTPS with the saved token). */
      readonly transport: GitTransport | null;
      /** Git's name and email, when the inspection found none set. */
      readonly identity: { readonly name: string; readonly email: string } | null;
      /** The first commit's message; null: "Publish FOLDER with HF Git Desktop". */
      readonly message: string | null;
    };
    readonly result: PublishResult;
  };
  /** The open pull requests of the repository's Hub remote. */
  readonly listPullRequests: {
    readonly request: { readonly path: string };
    readonly result: readonly PullRequestView[];
  };
  /** Creates a pull request (discussions API, `pullRequest: true`) and pushes the branch to `refs/pr/N`. */
  readonly openPullRequest: {
    readonly request: {
      readonly runId: string;
      readonly path: string;
      readonly title: string;
      readonly description: string;
    };
    readonly result: { readonly pr: PullRequestView; readonly pushed: string };
  };
  /** Pushes the current branch's commits to an open pull request's `refs/pr/N`. */
  readonly pushToPullRequest: {
    readonly request: { readonly runId: string; readonly path: string; readonly num: number };
    readonly result: { readonly pr: PullRequestView; readonly pushed: string };
  };
  /** `GET {endpoint}/api/spaces/NAME/runtime`: the stage, asked again by the screen until it settles. */
  readonly spaceRuntime: { readonly request: { readonly space: string }; readonly result: SpaceRuntimeView };
  /** The branches of a Hub repository (for the fork's branch picker). */
  readonly hubBranches: {
    readonly request: { readonly input: string; readonly transport: GitTransport };
    readonly result: { readonly branches: readonly string[]; readonly defaultBranch: string };
  };
  /** Pushes the current branch (or a dry run), and explains any refusal. */
  readonly tryPush: {
    readonly request: { readonly path: string; readonly remote: string; readonly dryRun: boolean };
    readonly result: PushCheck;
  };
}

/** Event streams from main to the renderer, keyed by name; the bridge exposes `on<Name>`. */
export interface Events {
  /** Each probe of the machine check as it finishes, so the screen fills in live. */
  readonly machineCheckItem: CheckItem;
  /**
   * Clone, push, pull and LFS progress: the whole run's percent, rising only, in bytes where git or
   * git-lfs reports them (main/git/progress.ts), and a mark while nothing moves.
   */
  readonly repoProgress: {
    readonly runId: string;
    readonly phase: 'counting' | 'receiving' | 'resolving' | 'writing' | 'lfs' | 'checkout' | 'done';
    readonly percent: number;
    readonly detail: string;
    /** Bytes moved and expected so far in the whole run (pack and large files), when known. */
    readonly bytes?: { readonly done: number; readonly total: number };
    /** Set while no data has come for this many seconds (the app's stall warning; Retry and Cancel). */
    readonly stalledSeconds?: number;
  };
  /** Each line of the live `ssh -T` panel as ssh prints it. */
  readonly sshTestOutput: {
    readonly runId: string;
    readonly stream: 'stdout' | 'stderr';
    readonly line: string;
  };
  /** The desktop menu asks for a part of the app (Help › Explain an Error Message…). */
  readonly showView: { readonly view: 'explain' };
  /** Files changed on disk in the watched repository (debounced); the screen reads the state again. */
  readonly repoChanged: { readonly path: string };
  /** A publish's steps as they start (the push's bytes come as repoProgress with the same runId). */
  readonly publishStep: {
    readonly runId: string;
    readonly step: 'prepare' | 'lfs' | 'commit' | 'create' | 'connect' | 'merge' | 'push' | 'done';
    readonly detail: string;
  };
}

export type OperationName = keyof Operations;
export type EventName = keyof Events;
export type RequestOf<K extends OperationName> = Operations[K]['request'];
export type ResultOf<K extends OperationName> = Operations[K]['result'];

/** Removes the listener it was returned for. */
export type Unsubscribe = () => void;

/**
 * The object the preload exposes as `window.hfGit`. A mapped type, so an operation added to the
 * contract but missing from the preload (or the browser-mode client) fails to compile.
 */
export type Bridge = {
  readonly [K in OperationName]: (request: RequestOf<K>) => Promise<Result<ResultOf<K>>>;
} & {
  readonly [K in EventName as `on${Capitalize<K>}`]: (listener: (payload: Events[K]) => void) => Unsubscribe;
};
