import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { approveToken } from '../../../../main/features/https/credentials';
import { publishHandlers } from '../../../../main/features/publish/handlers';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';

// "Whichever works": with a key in ~/.ssh registered on the hub and its host key pinned, a
// publish with no transport named goes over SSH (the API token only creates the repository).

let hub: FakeHub;
let root: string;
let home: string;
let context: HandlerContext;
const table = publishHandlers() as unknown as HandlerTable;

async function sh(cwd: string, args: readonly string[]) {
  const result = await run('git', args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 60_000,
  });
  return `${result.stdout}${result.stderr}`;
}

beforeAll(async () => {
  hub = await startFakeHub();
  root = mkdtempSync(join(tmpdir(), 'hfgd-publish-ssh-'));
  home = join(root, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(
    join(home, '.gitconfig'),
    '[credential]\n\thelper = store\n[user]\n\tname = Ada\n\temail = ada@example.com\n',
  );
  await sh(home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  const key = join(home, '.ssh', 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'alice@test', '-f', key], {
    env: { PATH: process.env.PATH },
    timeoutMs: 10_000,
  });
  hub.addKey('alice', readFileSync(`${key}.pub`, 'utf8'));
  writeFileSync(join(home, '.ssh', 'known_hosts'), `${hub.knownHostsLine}\n`);
  const pinned = join(root, 'host-keys');
  writeFileSync(pinned, `${hub.hostKey}\n`);
  context = {
    settings: resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_SSH_HOST: `${hub.sshHost}:${hub.sshPort}`,
      HFGD_HOST_KEYS: pinned,
      HFGD_DATA_DIR: join(home, 'data'),
    }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: () => undefined,
    openExternal: async () => undefined,
  };
}, 60_000);
afterAll(async () => {
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('publish over SSH', () => {
  it('picks SSH when it works, with the identity from the user’s settings, and pushes the LFS file', async () => {
    const path = join(root, 'ssh-model');
    mkdirSync(path);
    const weights = randomBytes(300_000);
    writeFileSync(join(path, 'model.safetensors'), weights);
    const result = await dispatch(
      table,
      'publishFolder',
      {
        runId: 's1',
        path,
        target: {
          kind: 'model',
          namespace: 'alice',
          name: 'ssh-model',
          private: false,
          sdk: null,
          create: true,
        },
        transport: null,
        identity: null,
        message: 'First',
      },
      context,
    );
    expect(result).toMatchObject({ ok: true, value: { transport: 'ssh', lfsFiles: ['model.safetensors'] } });
    expect((await sh(path, ['remote', 'get-url', 'origin'])).trim()).toBe(
      `ssh://git@${hub.sshHost}:${hub.sshPort}/alice/ssh-model`,
    );
    expect((await sh(path, ['log', '-1', '--format=%s %an'])).trim()).toBe('First Ada');
    expect((await sh(path, ['rev-parse', 'HEAD'])).trim()).toBe(hub.refOf('alice/ssh-model', 'main'));
    expect(
      hub.lfsObject('alice/ssh-model', createHash('sha256').update(weights).digest('hex')),
    ).toBeDefined();
  }, 120_000);
});
