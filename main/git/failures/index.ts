import { FAILURE_RULES } from './table';
import { normalise } from './text';
import type { Failure, FailureContext, FailureKind } from './types';

// The one place where what git, git-lfs, ssh and the Hub print becomes words for a person. Every
// screen asks explainFailure and draws its answer; raw output stays in Details, redacted by the
// caller. The table is ordered data (table.ts); this file only reads it.

export { writeRefusal } from './permissions';
export { lockFileOf } from './rules-faults';
export type { Failure, FailureAction, FailureContext, FailureKind, WhoamiSummary } from './types';

/**
 * Every kind the table can answer, for tests and the explain screen's list. Written out (not
 * derived from the table) so a kind no row produces still shows up, and fails the tests.
 */
export const FAILURE_KINDS: readonly FailureKind[] = [
  'password_refused',
  'token_invalid',
  'no_credential',
  'wrong_username',
  'read_token',
  'fine_grained_no_write',
  'org_role_too_low',
  'no_write_access',
  'gated',
  'not_found_or_private',
  'lfs_auth',
  'lfs_over_5gb',
  'lfs_missing_objects',
  'lfs_not_installed',
  'lfs_pointer_files',
  'too_large',
  'binary_files',
  'quota',
  'rate_limited',
  'non_fast_forward',
  'push_too_big',
  'network',
  'not_hub_remote',
  'merge_conflict',
  'local_changes_block',
  'ssh_anonymous',
  'ssh_key_not_on_account',
  'ssh_host_key_unknown',
  'ssh_host_key_changed',
  'ssh_timeout',
  'ssh_refused',
  'ssh_dns',
  'ssh_missing',
  'cancelled',
  'ok',
  'unknown',
  'read_forbidden',
  'lfs_missing_on_hub',
  'ssh_no_key',
  'git_missing',
  'disk_full',
  'invalid_metadata',
  'local_permission',
  'git_lock',
  'connection_lost',
  'stalled',
  'concurrent_push',
];

/**
 * Turns what a command printed, plus what the app knows about it, into one failure (or ok). Pure:
 * the same text and context always give the same answer, and the words never quote the text
 * (only file names and the greeted account are taken from it, tokens redacted).
 */
export function explainFailure(output: string, context: FailureContext): Failure {
  const text = normalise(output);
  const succeeded = context.flags?.exitCode === 0;
  // The last rows (ok after an exit code 0, unknown otherwise) match everything they may answer.
  const rule =
    FAILURE_RULES.find(
      (candidate) => (!succeeded || candidate.afterSuccess === true) && candidate.matches(text, context),
    ) ?? FAILURE_RULES.at(-1)!;
  return { kind: rule.kind, ...rule.explain(text, context) };
}
