import { STALL_LINE } from '../stall';
import type { FailureRule } from './rule';
import type { FailureContext } from './types';

// Rows about faults of the machine and the line (issue 16, item 6): a run the app stopped
// because nothing moved, a connection that dropped mid-transfer, a lock file in the way, a folder
// Git may not write, and the Hub refusing a branch update another push was making. git's words are
// git 2.39's, git-lfs's 3.3's and OpenSSH's 9.2's, produced here by test/main/git/faults.test.ts
// (tmpfs, chattr +i, a read-only mount, another user, the fake hub frozen and killed mid-transfer).

/** What git printed, without the lines the Hub sent (`remote: ...`): the Hub's files are not ours. */
const ownLines = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('remote:'))
    .join('\n');

/** The app stopped the run after its hard limit of silence (main/git/remote-run.ts). */
export const stalled: FailureRule = {
  kind: 'stalled',
  source: 'the run flags and the line main/git/stall.ts adds to the output',
  matches: (text, context) => context.flags?.stalled === true || STALL_LINE.test(text),
  explain: (text) => {
    const seconds = Number(STALL_LINE.exec(text)?.[1] ?? Number.NaN);
    const waited = Number.isFinite(seconds) ? `${Math.round(seconds)} seconds` : 'too long';
    return {
      message: `No data came from the Hub for ${waited}, so the app stopped waiting.`,
      fix: 'Check the internet connection, then try again. If the connection is fine, the Hub may be busy: try again a little later.',
    };
  },
};

/**
 * A connection that dropped mid-transfer (the fake hub killed mid-clone and mid-push, produced
 * here): curl's "transfer closed with outstanding read data remaining" (curl 18) and "Recv
 * failure" (curl 56), HTTP/2's "stream ... was not closed cleanly" (curl 92, zai-org/CogVideo#168, curl/curl#16732),
 * git's "early EOF" and "unexpected disconnect while reading sideband packet", OpenSSH's
 * "Connection to HOST closed by remote host" and "client_loop: send disconnect", git-lfs's
 * "connection reset by peer" and "unexpected EOF" on a body (Go's net/http).
 */
const DROPPED =
  /curl (?:18|56|92) |transfer closed with outstanding read data remaining|\bearly EOF\b|unexpected disconnect while reading sideband packet|Connection to \S+ closed by remote host|client_loop: send disconnect|: (?:read|write): connection reset by peer|\bunexpected EOF\b/;
/** A request the Hub's front end gave up on: push_too_big's own words, which win. */
const TOO_BIG = /RPC failed; HTTP (?:408|413)|HTTP 413/;

const AGAIN: Readonly<Record<FailureContext['operation'], string>> = {
  push: 'Your branch on the Hub did not change: check the connection, then push again.',
  push_dry_run: 'Check the connection, then try again.',
  fork: 'Check the connection, then start the fork again.',
  clone: 'Check the connection, then clone again.',
  fetch: 'Nothing was merged: check the connection, then try again.',
  pull: 'Nothing was merged: check the connection, then pull again.',
  lfs_pull: 'The large files already downloaded are kept: check the connection, then download the rest.',
  ssh_test: 'Check the connection, then test again.',
  local: 'Check the connection, then try again.',
  explain: 'Check the internet connection, then try again.',
};

/** The connection dropped after the transfer had begun (not a refusal, not a failure to connect). */
export const connectionLost: FailureRule = {
  kind: 'connection_lost',
  source: 'produced here (fake hub killed mid-transfer); curl 18/56/92; OpenSSH',
  matches: (text) => DROPPED.test(text) && !TOO_BIG.test(text),
  explain: (_text, context) => ({
    message: 'The connection to the Hub dropped in the middle of the transfer.',
    fix: AGAIN[context.operation],
    ...(context.operation === 'lfs_pull' ? { action: 'lfs_pull' as const } : {}),
  }),
};

/** `LOCK: File exists` in git's lockfile.c wording, for a file git names. */
const LOCK_FILE = /Unable to create '([^'\n]+\.lock)': File exists/;
/** `git config` (config.c): "could not lock config file FILE: File exists". */
const CONFIG_LOCK = /could not lock config file ([^\n]+?): File exists/;
/**
 * git-credential-store (builtin/credential-store.c) does not name its file: "unable to get
 * credential storage lock in 1000 ms: File exists". Its file is ~/.git-credentials unless only the
 * XDG one exists (git-credential-store(1)); main/git/locks.ts looks for both.
 */
const CREDENTIAL_LOCK = /unable to get credential storage lock in \d+ ms: File exists/;

/** The lock file the text names, as git wrote it (or `~/.git-credentials.lock`). */
export function lockFileOf(text: string): string | undefined {
  const own = ownLines(text);
  const named = LOCK_FILE.exec(own)?.[1];
  if (named) return named;
  const config = CONFIG_LOCK.exec(own)?.[1];
  if (config) return `${config.replace(/^['"]|['"]$/g, '')}.lock`;
  return CREDENTIAL_LOCK.test(own) ? '~/.git-credentials.lock' : undefined;
}

/** A lock file of git's in the way: another git at work, or one that stopped mid-write and left it. */
export const gitLock: FailureRule = {
  kind: 'git_lock',
  source: 'git 2.39 lockfile.c, config.c, credential-store.c (produced here with planted locks)',
  matches: (text) => lockFileOf(text) !== undefined,
  explain: (text) => {
    const lock = lockFileOf(text) ?? '';
    const target = lock.replace(/\.lock$/, '');
    return {
      message: `Git could not change ${target}: its lock file ${lock} is in the way. Git makes that file while it writes and removes it when done, so either another Git program is working right now, or one stopped in the middle (a crash, a forced quit) and left it behind.`,
      fix: 'If no other Git program is running, remove the lock file, then try again.',
      action: 'remove_stale_lock',
      files: [lock],
    };
  },
};

/**
 * What the system said when git (or git-lfs) may not write: EACCES, EPERM (chattr +i), EROFS, as
 * strerror words them on Linux and macOS, Go's lower-case forms, and Windows' "Access is denied".
 * Not ssh's "Permission denied (publickey)" or "Permission denied, please try again.".
 */
const DENIED = /(Permission denied|Operation not permitted|Read-only file system|Access is denied)(?! \(|,)/i;
const NO_OBJECT_WRITE = /insufficient permission for adding an object to repository database/;

/** The path a permission error names, from git's and git-lfs's usual wordings. */
function deniedPath(text: string): string | undefined {
  const patterns = [
    /could not create (?:work tree dir|leading directories of) '([^'\n]+)'/,
    /Unable to create '([^'\n]+)'/,
    /could not lock config file ([^\n:]+):/,
    /insufficient permission for adding an object to repository database (\S+)/,
    /unable to (?:create|open|write|unlink old) (?:file )?'?([^':\n]*\/[^':\n]*)'?: /,
    /(?:open|mkdir|rename|remove) ([^\s:]+): (?:permission denied|operation not permitted|read-only file system)/i,
  ];
  for (const pattern of patterns) {
    const found = pattern.exec(text)?.[1];
    if (found) return found;
  }
  return undefined;
}

/** A folder or file this computer does not let Git write. */
export const localPermission: FailureRule = {
  kind: 'local_permission',
  source: 'produced here: chattr +i, a read-only tmpfs, another user (git 2.39, git-lfs 3.3)',
  matches: (text) => {
    const own = ownLines(text);
    return NO_OBJECT_WRITE.test(own) || DENIED.test(own);
  },
  explain: (text) => {
    const own = ownLines(text);
    const path = deniedPath(own);
    const what = path ? path : 'a folder it needs';
    const cause = DENIED.exec(own)?.[1]?.toLowerCase();
    if (cause === 'read-only file system')
      return {
        message: `Git could not write ${what}: that disk is read-only.`,
        fix: 'Use a folder on a disk you can write to (or ask whoever set up that disk to make it writable), then try again.',
        ...(path ? { files: [path] } : {}),
      };
    if (cause === 'operation not permitted')
      return {
        message: `Git could not write ${what}: it is protected against changes (an administrator or a setting such as the “immutable” flag forbids them).`,
        fix: 'Use another folder, or ask whoever manages this computer to lift the protection, then try again.',
        ...(path ? { files: [path] } : {}),
      };
    return {
      message: `Git could not write ${what}: your account is not allowed to change it.`,
      fix: 'Use a folder you own (in your home folder, for example), or ask whoever manages this computer for write access, then try again.',
      ...(path ? { files: [path] } : {}),
    };
  },
};

/**
 * Two pushes to one branch at once: receive-pack's ref update found the branch moved ("cannot
 * lock ref 'refs/heads/main': is at X but expected Y") or locked ("Unable to create
 * '.../refs/heads/main.lock': File exists", on the Hub's side, so `remote:`), and the push line
 * reads `! [remote rejected] main -> main (failed to update ref)` (produced here, git 2.39).
 */
export const concurrentPush: FailureRule = {
  kind: 'concurrent_push',
  source: 'git 2.39 receive-pack "failed to update ref" (produced here with two pushes at once)',
  matches: (text) =>
    /\[remote rejected\][^\n]*\(failed to update ref\)|remote: error: cannot lock ref /.test(text),
  explain: (text) => {
    const branch =
      /\[remote rejected\] \S+ -> (\S+) \(failed to update ref\)/.exec(text)?.[1] ?? 'the branch';
    const busy = /remote: error: cannot lock ref [^\n]*File exists/.test(text);
    return {
      message: busy
        ? `The Hub was still recording another update of ${branch} when this push arrived, so it refused this one.`
        : `Another push updated ${branch} on the Hub at the same moment, so the Hub kept that one and refused yours.`,
      fix: 'Pull (the app merges the other commits in), then push again.',
      action: 'pull_first',
    };
  },
};
