// A temp HOME for the fake hub's own tests: real git (and git-lfs) with a token in git's `store`
// helper, filled over stdin by approveToken as the app does it, never the real ~/.gitconfig.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { run } from '../../main/core/run';
import type { FakeHub } from '.';

/** Why: one throwaway home, and git run in it the way a person's git would run. */
export interface GitWorld {
  readonly home: string;
  /** Runs git in `cwd` with no prompt possible (asynchronous: the hub answers in this process). */
  git(
    cwd: string,
    args: readonly string[],
  ): Promise<{ readonly status: number | null; readonly out: string }>;
  /** Clones `path` from the hub into home/NAME and commits one new text file; fails the test if the clone fails. */
  cloneWithCommit(path: string, name: string): Promise<string>;
  dispose(): void;
}

/** Why: a home whose credential helper holds `token` for `user` (or nothing), with git-lfs set up. */
export async function gitWorld(
  hub: FakeHub,
  credential?: { readonly user: string; readonly token: string },
): Promise<GitWorld> {
  const home = mkdtempSync(join(tmpdir(), 'hfgd-fake-hub-git-'));
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  const git: GitWorld['git'] = async (cwd, args) => {
    const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
      timeoutMs: 60_000,
    });
    return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
  };
  await git(home, ['lfs', 'install']);
  if (credential)
    await approveToken(home, { endpoint: hub.httpUrl, username: credential.user }, credential.token);
  return {
    home,
    git,
    async cloneWithCommit(path, name) {
      const work = join(home, name);
      const cloned = await git(home, ['clone', '--quiet', `${hub.httpUrl}/${path}`, work]);
      if (cloned.status !== 0) throw new Error(`clone of ${path} failed: ${cloned.out}`);
      writeFileSync(join(work, `file-${Math.random().toString(36).slice(2)}.txt`), 'weights\n');
      await git(work, ['add', '-A']);
      await git(work, ['commit', '--quiet', '-m', 'add']);
      return work;
    },
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
}
