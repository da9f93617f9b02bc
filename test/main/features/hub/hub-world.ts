import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { approveToken } from '../../../../main/features/https/credentials';
import { httpsHandlers } from '../../../../main/features/https/handlers';
import { hubHandlers } from '../../../../main/features/hub/handlers';
import { sshHandlers } from '../../../../main/features/ssh/handlers';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import type { Events, OperationName, RequestOf, Result, ResultOf } from '../../../../preload/contract';
import type { FakeHub } from '../../../fake-hub';

// One app instance against the fake hub for the Hub feature's tests: a temp HOME whose git keeps
// credentials with the store helper, the app's environment (HF_TOKEN only when a test sets it),
// and the HTTPS and Hub handlers dispatched as the renderer calls them.

/** Why: one test's home, app instance, events and git as the user would run it. */
export interface HubWorld {
  readonly home: string;
  readonly context: HandlerContext;
  readonly events: Events['repoProgress'][];
  call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<Result<ResultOf<K>>>;
  /** Saves a token for git (the store helper), as the token screen would. */
  saveForGit(user: string, token: string): Promise<void>;
  /** Checks a token the way the token screen does and answers its handle. */
  checkedRef(token: string): Promise<string>;
  git(cwd: string, args: readonly string[]): Promise<{ status: number | null; out: string }>;
  dispose(): void;
}

/** Why: builds a world; `env` is the app's own environment (PATH is added). */
export function hubWorld(hub: FakeHub, env: NodeJS.ProcessEnv = {}): HubWorld {
  const home = mkdtempSync(join(tmpdir(), 'hfgd-hub home ü-'));
  mkdirSync(join(home, '.config'), { recursive: true });
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  const appEnv = { PATH: process.env.PATH, ...env };
  const keysFile = join(home, 'pinned-host-keys');
  writeFileSync(keysFile, `${hub.hostKey}\n`);
  const events: Events['repoProgress'][] = [];
  const context: HandlerContext = {
    settings: resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_DATA_DIR: join(home, 'data'),
      HFGD_SSH_HOST: `127.0.0.1:${hub.sshPort}`,
      HFGD_HOST_KEYS: keysFile,
    }),
    env: appEnv,
    session: createSession({}),
    emit: (event, payload) => {
      if (event === 'repoProgress') events.push(payload as Events['repoProgress']);
    },
    openExternal: async () => undefined,
  };
  const table = { ...httpsHandlers(), ...sshHandlers(), ...hubHandlers() } as unknown as HandlerTable;
  const call: HubWorld['call'] = (operation, request) =>
    dispatch(table, operation, request, context) as Promise<Result<ResultOf<typeof operation>>>;
  return {
    home,
    context,
    events,
    call,
    async saveForGit(user, token) {
      const saved = await approveToken(home, { endpoint: hub.httpUrl, username: user }, token, appEnv);
      if (!saved.ok) throw new Error(`could not save the token: ${saved.details}`);
    },
    async checkedRef(token) {
      const checked = await call('checkToken', { token });
      if (!checked.ok) throw new Error(checked.error.message);
      return checked.value.ref;
    },
    async git(cwd, args) {
      const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
        cwd,
        env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
        timeoutMs: 60_000,
      });
      return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
    },
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
}
