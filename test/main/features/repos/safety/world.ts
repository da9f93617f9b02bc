import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../../../../main/core/session';
import { run } from '../../../../../main/core/run';
import { resolveSettings, type Settings } from '../../../../../main/core/settings';
import { approveToken } from '../../../../../main/features/https/credentials';
import { repoHandlers } from '../../../../../main/features/repos/handlers';
import { safetyHandlers } from '../../../../../main/features/repos/safety/handlers';
import { gitContext, type GitContext } from '../../../../../main/git/environment';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../../main/ipc/dispatch';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../../fake-hub';

// One fake hub, a temp HOME with alice's token in git's store helper and git-lfs set up, and
// the app's handlers called as both transports call them: for the safety tests of issue 12.

/** A handler's answer as the tests read it: each test checks the fields its operation returns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a different shape per operation
type Loose = any;

export interface World {
  readonly hub: FakeHub;
  readonly root: string;
  readonly home: string;
  readonly settings: Settings;
  readonly env: NodeJS.ProcessEnv;
  /** The environment for plain git run by the tests (the same HOME, no prompt). */
  readonly shellEnv: NodeJS.ProcessEnv;
  readonly git: () => GitContext;
  readonly call: (
    operation: string,
    request: unknown,
  ) => Promise<{ ok: boolean; value?: Loose; error?: Loose }>;
  /** Runs git as a person in a terminal would (with an identity); throws on failure. */
  readonly sh: (cwd: string, args: readonly string[]) => Promise<string>;
  /** Creates a repo on the hub, pushes `files` as its first commit, and returns its path. */
  readonly seedRepo: (path: string, files: Readonly<Record<string, string | Buffer>>) => Promise<string>;
  /** Clones a hub repo into a new folder as a person would. */
  readonly clone: (path: string, name: string) => Promise<string>;
  /** Commits `files` in `folder` (a second clone) and pushes: the Hub moves ahead. */
  readonly pushFrom: (
    folder: string,
    files: Readonly<Record<string, string | Buffer | null>>,
  ) => Promise<void>;
  /** The file as the hub's branch holds it. */
  readonly hubFile: (path: string, file: string) => Promise<string>;
  readonly stop: () => Promise<void>;
}

export async function startWorld(): Promise<World> {
  const hub = await startFakeHub();
  const root = mkdtempSync(join(tmpdir(), 'hfgd-safety-'));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(
    join(home, '.gitconfig'),
    '[credential]\n\thelper = store\n[user]\n\tname = Ada\n\temail = ada@example.com\n[init]\n\tdefaultBranch = main\n',
  );
  const env = { PATH: process.env.PATH };
  const shellEnv = { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
  const session = createSession({});
  const settings = resolveSettings({
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
    HFGD_DATA_DIR: join(home, 'data'),
  });
  const sh = async (cwd: string, args: readonly string[]) => {
    const result = await run('git', args, { cwd, env: shellEnv, timeoutMs: 120_000 });
    if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stdout}${result.stderr}`);
    return result.stdout;
  };
  await sh(home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const table = { ...repoHandlers(), ...safetyHandlers() } as unknown as HandlerTable;
  const context: HandlerContext = {
    settings,
    env,
    session,
    emit: () => undefined,
    openExternal: async () => undefined,
  };
  let folders = 0;
  const write = (folder: string, files: Readonly<Record<string, string | Buffer | null>>) => {
    for (const [name, content] of Object.entries(files)) {
      if (content === null) rmSync(join(folder, name), { force: true });
      else {
        mkdirSync(join(folder, name, '..'), { recursive: true });
        writeFileSync(join(folder, name), content);
      }
    }
  };
  const clone = async (path: string, name: string) => {
    folders += 1;
    const folder = join(root, `${folders}-${name}`);
    await sh(root, ['clone', '--quiet', `${hub.httpUrl}/${path}`, folder]);
    return folder;
  };
  return {
    hub,
    root,
    home,
    settings,
    env,
    shellEnv,
    git: () => gitContext(settings, env, session),
    call: (operation, request) => dispatch(table, operation, request, context) as never,
    sh,
    seedRepo: async (path, files) => {
      hub.createRepo(path);
      const folder = await clone(path, 'seed');
      write(folder, { '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n', ...files });
      await sh(folder, ['add', '--all']);
      await sh(folder, ['commit', '--quiet', '-m', 'seed']);
      await sh(folder, ['push', '--quiet', 'origin', 'main']);
      return path;
    },
    clone,
    pushFrom: async (folder, files) => {
      await sh(folder, ['pull', '--quiet', '--no-rebase']);
      write(folder, files);
      await sh(folder, ['add', '--all']);
      await sh(folder, ['commit', '--quiet', '-m', 'from the Hub']);
      await sh(folder, ['push', '--quiet', 'origin', 'HEAD']);
    },
    hubFile: async (path, file) => {
      const bare = join(root, `${folders + 1}-hub-read`);
      folders += 1;
      await sh(root, ['clone', '--quiet', `${hub.httpUrl}/${path}`, bare]);
      return readFileSync(join(bare, file), 'utf8');
    },
    stop: async () => {
      await hub.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
