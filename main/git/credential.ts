import { gitOutcome, type GitContext } from './core';

/**
 * A helper that failed: git's own helpers (store, cache) end with "fatal: ..." on stderr. `git
 * credential approve` and `reject` exit 0 all the same, since credential.c ignores each helper's
 * exit status when storing or erasing (git 2.39 credential_approve / credential_reject; produced
 * here: a stale ~/.git-credentials.lock gives "fatal: unable to get credential storage lock in
 * 1000 ms: File exists" and exit 0). `fill` reads, and its failure is git's own exit code.
 */
const HELPER_FAILED = /^fatal: /m;

/**
 * `git credential approve|reject|fill` with the description on stdin, the only channel a token
 * travels on. No prompt and no GUI: `fill` only reads what a helper already holds, and its
 * failure (nothing stored) is an answer. A helper that failed to store or erase makes `ok` false,
 * with its words in `details` (the failure table reads a lock there as git_lock).
 */
export async function gitCredential(
  context: GitContext,
  action: 'approve' | 'reject' | 'fill',
  input: string,
): Promise<{ readonly ok: boolean; readonly stdout: string; readonly details: string }> {
  const outcome = await gitOutcome(context, ['credential', action], { timeoutMs: 20_000, input });
  const helperFailed = action !== 'fill' && HELPER_FAILED.test(outcome.stderr);
  return {
    ok: outcome.exitCode === 0 && !helperFailed,
    stdout: outcome.stdout,
    details: outcome.stderr.trim(),
  };
}
