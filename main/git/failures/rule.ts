import type { Failure, FailureContext, FailureKind } from './types';

// One row of the failure table: a kind, the test that recognises it from the text and the
// context, and the words. Rows are data, read in order; the first that matches answers.

/** The words of a failure, without its kind (the row supplies it). */
export type Explanation = Omit<Failure, 'kind'>;

/** One row. `source` says where the recognised wording comes from, for the next reader. */
export interface FailureRule {
  readonly kind: FailureKind;
  readonly source: string;
  /**
   * Whether the row may answer when the command exited 0. Most may not: as in GitHub Desktop's
   * `git()` with its expected exit codes, the exit code says whether it failed and the text says
   * why, so a file or branch named after an error never turns a success into a failure. The
   * exceptions are the SSH greeting (`ssh -T`'s exit code is not documented, HUB-FACTS), a
   * cancel, and a dry run that signed in where whoami says the real push will be refused.
   */
  readonly afterSuccess?: boolean;
  readonly matches: (text: string, context: FailureContext) => boolean;
  readonly explain: (text: string, context: FailureContext) => Explanation;
}

/** The operations that write to the remote: a refusal there is about write access. */
export const WRITES: ReadonlySet<FailureContext['operation']> = new Set(['push', 'push_dry_run', 'fork']);

/** The operations that only read from the remote. */
export const READS: ReadonlySet<FailureContext['operation']> = new Set([
  'clone',
  'fetch',
  'pull',
  'lfs_pull',
]);

/** Whether the connection was SSH: the SSH test itself, or a remote reached over SSH. */
export const overSsh = (context: FailureContext): boolean =>
  context.operation === 'ssh_test' || context.transport === 'ssh';

/** A test over the text alone. */
export const says =
  (pattern: RegExp) =>
  (text: string): boolean =>
    pattern.test(text);

/** The tokens page, where a token's permissions are edited (HUB-FACTS, "Tokens and HTTPS"). */
export const tokensPage = (context: FailureContext): string => `${context.endpoint}/settings/tokens`;
/** The new-token form prefilled for a write token, as the Hub's own docs link it (HUB-FACTS). */
export const newWriteToken = (context: FailureContext): string =>
  `${tokensPage(context)}/new?tokenType=write`;

/** The SSH keys page (seed 000; HUB-FACTS). */
export const keysPage = (context: FailureContext): string => `${context.endpoint}/settings/keys`;
