// What the OS running a test offers, for tests that prove something only one kind of OS has.
// Each guard says why in its test's name or a comment; none is skipped everywhere: the CI matrix
// (.github/workflows/ci.yml) runs every test on the OS that has what it needs.

/**
 * A /proc with every process's cmdline and environ: Linux only (macOS and Windows have no procfs),
 * so the leak tests that watch every process for a secret run on Linux.
 */
export const PROCFS = process.platform === 'linux';

/**
 * POSIX permission bits that mean something: not on Windows, where Node's chmod sets only the
 * read-only attribute and modes are not enforced (Node's fs docs, "File modes": "on Windows only
 * the write permission can be changed"); permissions live in ACLs there.
 */
export const POSIX_MODES = process.platform !== 'win32';

/** A POSIX PATH (`:`-separated absolute paths) and executable bits: not Windows (`;`, PATHEXT). */
export const POSIX_PATH = process.platform !== 'win32';
