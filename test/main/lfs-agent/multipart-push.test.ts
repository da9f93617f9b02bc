import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../main/core/session';
import { run } from '../../../main/core/run';
import { approveToken } from '../../../main/features/https/credentials';
import { gitContext } from '../../../main/git/environment';
import { shellWord } from '../../../main/git/lfs-agent-command';
import { enableLargeFiles } from '../../../main/git/lfs-multipart-config';
import type { ProgressEvent } from '../../../main/git/progress';
import { push } from '../../../main/git/push';
import { ALICE_WRITE_TOKEN, OVER_5GB_WORDS, startFakeHub, type FakeHub } from '../../fake-hub';
import { lfsSettingsOf } from '../../fake-hub/lfs';

// Real git and git-lfs push a 7 MiB LFS file through the app's multipart agent to the fake hub,
// whose multipart threshold is 3 MiB and part size 1 MiB (the Hub's are 5 GB and its own).

const MiB = 1024 * 1024;
const REPO = resolve(__dirname, '../../..');
// The agent from source: the repository's tsx running main/lfs-agent/cli.ts, as git-lfs starts it.
const AGENT = {
  path: join(REPO, 'node_modules', '.bin', 'tsx'),
  args: shellWord(join(REPO, 'main', 'lfs-agent', 'cli.ts')),
};

let hub: FakeHub;
let home: string;
const homes: string[] = [];

beforeAll(async () => {
  hub = await startFakeHub({ lfsMaxBytes: 3 * MiB });
  lfsSettingsOf(hub.httpUrl).multipartChunkBytes = MiB;
});
afterEach(() => {
  while (homes.length > 0) rmSync(homes.pop() as string, { recursive: true, force: true });
});
afterAll(async () => {
  await hub.stop();
});

const env = () => ({
  PATH: process.env.PATH,
  HOME: home,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
});

async function git(cwd: string, args: readonly string[], extra: NodeJS.ProcessEnv = {}) {
  const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { ...env(), ...extra },
    timeoutMs: 120_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

/** A clone of a new repository with a 7 MiB LFS file committed; its oid. */
async function bigCommit(path: string): Promise<{ work: string; oid: string }> {
  home = mkdtempSync(join(tmpdir(), 'hfgd-multipart-'));
  homes.push(home);
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  expect((await git(home, ['lfs', 'install'])).status).toBe(0);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN, {
    PATH: process.env.PATH,
  });
  hub.createRepo(path);
  const work = join(home, 'work');
  expect((await git(home, ['clone', '--quiet', `${hub.httpUrl}/${path}`, work])).status).toBe(0);
  await git(work, ['lfs', 'track', '*.gguf']);
  writeFileSync(join(work, 'model.gguf'), randomBytes(7 * MiB));
  await git(work, ['add', '.']);
  await git(work, ['commit', '--quiet', '-m', 'big']);
  const oid = createHash('sha256')
    .update(readFileSync(join(work, 'model.gguf')))
    .digest('hex');
  return { work, oid };
}

describe('the multipart agent against the fake hub', () => {
  it('refuses the file without the agent, in the Hub’s words', async () => {
    const { work } = await bigCommit('alice/no-agent');
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status).not.toBe(0);
    expect(pushed.out).toContain(OVER_5GB_WORDS);
  });

  it('pushes it in parts once enableLargeFiles set the agent, and the hub holds the right object', async () => {
    const { work, oid } = await bigCommit('alice/with-agent');
    const context = gitContext({ home }, env(), createSession({}));
    expect(await enableLargeFiles(context, work, AGENT)).toEqual({ kind: 'enabled' });
    // GIT_TRANSFER_TRACE shows the messages git-lfs and the agent exchange.
    const pushed = await git(work, ['push', 'origin', 'HEAD:main'], {
      GIT_TRACE: '1',
      GIT_TRANSFER_TRACE: '1',
    });
    expect(pushed.status, pushed.out).toBe(0);
    expect(pushed.out).toContain('"event":"progress"');
    expect(pushed.out).toContain(`"bytesSoFar":${7 * MiB}`);
    const stored = hub.lfsObject('alice/with-agent', oid);
    expect(stored).toBeDefined();
    expect(
      createHash('sha256')
        .update(readFileSync(stored as string))
        .digest('hex'),
    ).toBe(oid);
  });

  it('starts an agent whose path and script have spaces (git-lfs quotes the path, sh splits the args)', async () => {
    const { work, oid } = await bigCommit('alice/spaced-agent');
    const spaced = join(home, 'Program Files', 'HF Git Desktop');
    mkdirSync(spaced, { recursive: true });
    symlinkSync(AGENT.path, join(spaced, 'tsx'));
    symlinkSync(join(REPO, 'main', 'lfs-agent', 'cli.ts'), join(spaced, 'lfs agent.ts'));
    const command = { path: join(spaced, 'tsx'), args: shellWord(join(spaced, 'lfs agent.ts')) };
    await enableLargeFiles(gitContext({ home }, env(), createSession({})), work, command);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status, pushed.out).toBe(0);
    expect(hub.lfsObject('alice/spaced-agent', oid)).toBeDefined();
  });

  it('retries a part the hub fails once', async () => {
    const { work, oid } = await bigCommit('alice/flaky-part');
    await enableLargeFiles(gitContext({ home }, env(), createSession({})), work, AGENT);
    lfsSettingsOf(hub.httpUrl).failPartUploads = 1;
    const pushed = await git(work, ['push', 'origin', 'HEAD:main'], { GIT_TRACE: '1' });
    expect(pushed.status, pushed.out).toBe(0);
    expect(lfsSettingsOf(hub.httpUrl).failPartUploads).toBe(0);
    expect(pushed.out).toMatch(/part \d+: retry 1 after HTTP 500/);
    expect(hub.lfsObject('alice/flaky-part', oid)).toBeDefined();
  });

  it('moves the app’s push progress with the agent’s bytes', async () => {
    const { work, oid } = await bigCommit('alice/progress');
    const context = gitContext({ home }, env(), createSession({}));
    await enableLargeFiles(context, work, AGENT);
    const events: ProgressEvent[] = [];
    const result = await push(context, work, { onProgress: (event) => events.push(event) });
    expect(result.ok, result.output).toBe(true);
    const lfs = events.filter((event) => event.phase === 'lfs' && event.bytes);
    expect(lfs.length).toBeGreaterThan(0);
    expect(Math.max(...lfs.map((event) => event.bytes!.done))).toBeGreaterThanOrEqual(7 * MiB);
    expect(events.at(-1)).toMatchObject({ phase: 'done', percent: 100 });
    expect(hub.lfsObject('alice/progress', oid)).toBeDefined();
  });
});
