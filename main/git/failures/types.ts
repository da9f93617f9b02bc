// The vocabulary of the failure table: what went wrong (a kind), what the app knows besides the
// text (the context), and the answer every screen draws (a failure). After GitHub Desktop's
// `GitError` enum plus `getDescriptionForError()`: one closed set of causes, one place that words them.

import type { FailureAction, FailureKind, Outcome } from '../../../preload/contract';

// FailureKind and FailureAction are part of the IPC contract (the renderer draws them); their
// meanings are documented there.
export type { FailureAction, FailureKind };

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
  /**
   * `explain` is a pasted text with no other context; `local` is a command that changes only this
   * computer (staging, a commit, git's settings, `git lfs install`, a credential helper).
   */
  readonly operation:
    | 'clone'
    | 'fetch'
    | 'pull'
    | 'push'
    | 'push_dry_run'
    | 'lfs_pull'
    | 'fork'
    | 'ssh_test'
    | 'local'
    | 'explain';
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
    /** The app stopped the run: nothing came from the Hub for its hard limit (remote-run.ts). */
    readonly stalled?: boolean;
  };
}

/** The one answer a screen draws (the contract's Outcome). */
export type Failure = Outcome;
