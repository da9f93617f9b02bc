import { gitOutcome, type GitContext } from './core';

/**
 * `git credential approve|reject|fill` with the description on stdin, the only channel a token
 * travels on. No prompt and no GUI: `fill` only reads what a helper already holds, and its
 * failure (nothing stored) is an answer.
 */
export async function gitCredential(
  context: GitContext,
  action: 'approve' | 'reject' | 'fill',
  input: string,
): Promise<{ readonly ok: boolean; readonly stdout: string; readonly details: string }> {
  const outcome = await gitOutcome(context, ['credential', action], { timeoutMs: 20_000, input });
  return { ok: outcome.exitCode === 0, stdout: outcome.stdout, details: outcome.stderr.trim() };
}
