import type { FailureRule } from './rule';

// Rows about this computer and the run itself: a cancel, a missing program, a full disk, and the
// two rows that close the table (a clean exit, and what nothing else explained).

/** Why first: a stopped run says nothing about the Hub, whatever it printed before it stopped. */
export const cancelled: FailureRule = {
  kind: 'cancelled',
  source: 'the run flags (main/core/run.ts)',
  afterSuccess: true,
  matches: (_text, context) => context.flags?.cancelled === true,
  explain: (_text, context) => ({
    message:
      context.operation === 'ssh_test'
        ? 'You stopped the test.'
        : 'You stopped it before it finished. Nothing on the Hub changed that was not complete.',
    fix: 'Start it again when you are ready.',
  }),
};

/**
 * ssh is not installed: the run's notFound flag for the SSH test; git's "cannot run ssh" when a
 * remote needs ssh (produced by real git 2.39 here with PATH lacking ssh); a shell's or
 * Windows cmd's "not found" when pasted.
 */
export const sshMissing: FailureRule = {
  kind: 'ssh_missing',
  source: 'run flags; git 2.39 "error: cannot run ssh: No such file or directory"',
  matches: (text, context) =>
    (context.flags?.notFound === true && context.operation === 'ssh_test') ||
    /cannot run \S*ssh(?:\.exe)?: No such file or directory|\bssh: (?:command )?not found|'ssh' is not recognized as an internal or external command/.test(
      text,
    ),
  explain: (_text, context) => ({
    message: 'ssh is not installed on this computer.',
    fix:
      context.operation === 'ssh_test'
        ? 'Install OpenSSH (see "Check this computer"), then test again.'
        : 'Install OpenSSH (see "Check this computer"), then try again, or use HTTPS with an access token.',
  }),
};

/** git itself is missing: the run's notFound flag, Node's "spawn git ENOENT", a shell's words. */
export const gitMissing: FailureRule = {
  kind: 'git_missing',
  source: "run flags; Node's spawn error; Windows cmd (desktop/desktop#9177)",
  matches: (text, context) =>
    (context.flags?.notFound === true && context.operation !== 'ssh_test') ||
    /spawn git ENOENT|(?:^|\s)git: (?:command )?not found|'git' is not recognized as an internal or external command/.test(
      text,
    ),
  explain: () => ({
    message: 'Git is not installed on this computer, or the app cannot find it.',
    fix: 'Install Git (see "Check this computer"), then try again.',
  }),
};

/**
 * The disk filled up: git's "fatal: write error: No space left on device" (gitpod-io/gitpod#1244,
 * mikeizbicki/cmc-csci143#335), git-lfs's "no space left on device", Windows' wording.
 */
export const diskFull: FailureRule = {
  kind: 'disk_full',
  source: 'gitpod-io/gitpod#1244; mikeizbicki/cmc-csci143#335',
  matches: (text) =>
    /No space left on device|There is not enough space on the disk|\bENOSPC\b|Disk quota exceeded|\bEDQUOT\b/i.test(
      text,
    ),
  explain: () => ({
    message: "This computer's disk is full, so Git could not write the files.",
    fix: 'Free some space on the disk, then try again. A repository with large files needs room for each of them twice (Git LFS keeps a copy beside the one you see).',
  }),
};

/** Exit code 0 and no failure in the text: it worked. After every text row, so they win. */
export const succeeded: FailureRule = {
  kind: 'ok',
  source: 'the exit code',
  afterSuccess: true,
  matches: (_text, context) => context.flags?.exitCode === 0,
  explain: (_text, context) => ({
    message:
      context.operation === 'push_dry_run' || context.operation === 'push'
        ? 'Git reached the Hub and was allowed in.'
        : context.operation === 'ssh_test'
          ? 'The test ended without an error.'
          : 'Done: Git finished without an error.',
    fix: 'Nothing to do.',
  }),
};

/** The last row: nothing above recognised the text. */
export const unrecognised: FailureRule = {
  kind: 'unknown',
  source: 'none',
  matches: () => true,
  explain: (_text, context) =>
    context.operation === 'ssh_test'
      ? {
          message: 'The test ended without an answer the app recognises.',
          fix: 'Open Details to see what ssh printed.',
        }
      : {
          message: 'Git stopped with an error the app does not recognise.',
          fix: 'Open Details for Git’s own words.',
        },
};
