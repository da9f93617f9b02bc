import { childEnv, run } from '../core/run';

// Small readers of a repository's objects, shared by the pre-push check and the pointer scan.
// Every call is one git process with an argument array; nothing is read through a shell.

/** A git child's environment with no prompt of any kind (terminal, askpass, GCM's window). */
export function gitEnv(home: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return childEnv(home, env, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GCM_INTERACTIVE: 'never',
  });
}

export async function git(
  home: string,
  repoPath: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input?: string,
  stdoutEncoding: 'utf8' | 'latin1' = 'utf8',
): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }> {
  const outcome = await run('git', ['-C', repoPath, ...args], {
    env: gitEnv(home, env),
    timeoutMs: 120_000,
    maxOutputBytes: 256 * 1024 * 1024,
    stdoutEncoding,
    ...(input === undefined ? {} : { input }),
  });
  return { code: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr };
}

/** The start of an LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
export const POINTER_HEADER = 'version https://git-lfs.github.com/spec/v1';

/** Reads a pointer's oid and size, or undefined when the text is not a pointer. */
export function parsePointer(text: string): { readonly oid: string; readonly size: number } | undefined {
  if (!text.startsWith(POINTER_HEADER) || text.length > 1024) return undefined;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text)?.[1];
  const size = /^size (\d+)$/m.exec(text)?.[1];
  return oid && size ? { oid, size: Number(size) } : undefined;
}

/**
 * Reads blobs with one `git cat-file --batch`: returns each blob's text, keyed by oid. Only for
 * small blobs (pointers are about 130 bytes): the caller picks which.
 */
export async function readBlobs(
  home: string,
  repoPath: string,
  oids: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (oids.length === 0) return blobs;
  const out = await git(home, repoPath, ['cat-file', '--batch'], env, `${oids.join('\n')}\n`, 'latin1');
  const buffer = Buffer.from(out.stdout, 'latin1');
  let at = 0;
  while (at < buffer.length) {
    const newline = buffer.indexOf(10, at);
    if (newline < 0) break;
    const [oid = '', type = '', size = '0'] = buffer.subarray(at, newline).toString('latin1').split(' ');
    if (type === 'missing') {
      at = newline + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(oid, buffer.subarray(newline + 1, newline + 1 + length).toString('utf8'));
    at = newline + 1 + length + 1;
  }
  return blobs;
}
