import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpsHandlers } from '../../../../main/features/https/handlers';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import type { OperationName, RequestOf, Result, ResultOf } from '../../../../preload/contract';
import type { FakeHub } from '../../../fake-hub';

// A temp HOME wired to a fake hub, and the HTTPS handlers of one app instance, for the token
// route's integration tests. Everything runs for real: git, its credential helpers, the hub.

/** Why: one test's home, app instance and helpers to drive git as the user would. */
export interface HttpsWorld {
  readonly home: string;
  readonly context: HandlerContext;
  call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<Result<ResultOf<K>>>;
  /** Runs git as the user, in `cwd`, with no prompt possible (async: the hub is in this process). */
  git(cwd: string, args: readonly string[]): Promise<{ status: number | null; out: string }>;
  /** Clones `url` into home/NAME and commits one new file, ready to push. */
  cloneWithCommit(url: string, name: string): Promise<string>;
  dispose(): void;
}

/** Why: builds a world; `gitconfig` is the user's ~/.gitconfig before the app touches it. */
export function httpsWorld(hub: FakeHub, gitconfig = ''): HttpsWorld {
  const home = mkdtempSync(join(tmpdir(), 'hfgd-https home ü-'));
  mkdirSync(join(home, '.config'), { recursive: true });
  writeFileSync(join(home, '.gitconfig'), gitconfig);
  const context: HandlerContext = {
    settings: resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_DATA_DIR: join(home, 'data'),
    }),
    env: process.env,
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
  const table = httpsHandlers() as unknown as HandlerTable;
  const git: HttpsWorld['git'] = async (cwd, args) => {
    const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
      timeoutMs: 30_000,
    });
    return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
  };
  return {
    home,
    context,
    call: (operation, request) =>
      dispatch(table, operation, request, context) as Promise<Result<ResultOf<typeof operation>>>,
    git,
    async cloneWithCommit(url, name) {
      const work = join(home, name);
      const cloned = await git(home, ['clone', '--quiet', url, work]);
      if (cloned.status !== 0) throw new Error(`clone failed: ${cloned.out}`);
      writeFileSync(join(work, `file-${Math.random().toString(36).slice(2)}.txt`), 'weights\n');
      await git(work, ['add', '-A']);
      await git(work, ['commit', '--quiet', '-m', 'add']);
      return work;
    },
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
}
