import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../../preload/contract';

type RepoProgress = Events['repoProgress'];
import { run } from '../../../../main/core/run';
import { createSession, type AppSession } from '../../../../main/core/session';
import { resolveSettings, type Settings } from '../../../../main/core/settings';
import { approveToken } from '../../../../main/features/https/credentials';
import { repoHandlers } from '../../../../main/features/repos/handlers';
import { shellWord } from '../../../../main/git/lfs-agent-command';
import { XET_SENTENCE } from '../../../../main/git/xet-config';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import { ALICE_WRITE_TOKEN, OVER_5GB_WORDS, startFakeHub, type FakeHub } from '../../../fake-hub';
import { lfsSettingsOf } from '../../../fake-hub/lfs';

// Files over 5 GB from the repository screen, through the handlers as both transports call them,
// against the fake hub, whose multipart threshold is 3 MiB (part size 1 MiB); the app's limit is
// set to the same 3 MiB (HFGD_LARGE_FILE_BYTES), so a 7 MiB file stands in for a 6 GB one. The
// uploader is the app's own agent from source, run by the repository's tsx as git-lfs starts it.

const MiB = 1024 * 1024;
const REPO = resolve(__dirname, '../../../..');
const AGENT = {
  path: join(REPO, 'node_modules', '.bin', 'tsx'),
  args: shellWord(join(REPO, 'main', 'lfs-agent', 'cli.ts')),
};

let hub: FakeHub;
let root: string;
let home: string;
const shellEnv = () => ({
  PATH: process.env.PATH,
  HOME: home,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
});

beforeAll(async () => {
  hub = await startFakeHub({ lfsMaxBytes: 3 * MiB });
  lfsSettingsOf(hub.httpUrl).multipartChunkBytes = MiB;
  root = mkdtempSync(join(tmpdir(), 'hfgd-large-files-'));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(
    join(home, '.gitconfig'),
    '[credential]\n\thelper = store\n[user]\n\tname = Ada\n\temail = ada@example.com\n[init]\n\tdefaultBranch = main\n',
  );
  await sh(home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
}, 60_000);
afterAll(async () => {
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

async function sh(cwd: string, args: readonly string[]): Promise<string> {
  const result = await run('git', args, { cwd, env: shellEnv(), timeoutMs: 120_000 });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** The handlers with a session that has (or has not) the app's uploader, and the app's limit. */
function app(options: { readonly agent: boolean; readonly limit?: number; readonly bin?: string }) {
  const session: AppSession = createSession({});
  if (options.agent) session.largeFileAgent = AGENT;
  const settings: Settings = resolveSettings({
    HFGD_HOME: home,
    HF_ENDPOINT: hub.httpUrl,
    HFGD_DATA_DIR: join(home, 'data'),
    ...(options.limit === undefined ? {} : { HFGD_LARGE_FILE_BYTES: String(options.limit) }),
  });
  const events: RepoProgress[] = [];
  const context: HandlerContext = {
    settings,
    env: { PATH: options.bin === undefined ? process.env.PATH : `${options.bin}:${process.env.PATH}` },
    session,
    emit: (event, payload) => {
      if (event === 'repoProgress') events.push(payload as RepoProgress);
    },
    openExternal: async () => undefined,
  };
  const table = repoHandlers() as unknown as HandlerTable;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its operation's fields
  const call = (operation: string, request: unknown): Promise<{ ok: boolean; value?: any; error?: any }> =>
    dispatch(table, operation, request, context) as never;
  return { call, events };
}

let repos = 0;
/** A clone of a new hub repository with a 7 MiB LFS model committed; its folder and the oid. */
async function bigCommit(): Promise<{ path: string; work: string; oid: string }> {
  repos += 1;
  const path = `alice/big-${repos}`;
  hub.createRepo(path);
  const work = join(root, `work-${repos}`);
  await sh(root, ['clone', '--quiet', `${hub.httpUrl}/${path}`, work]);
  writeFileSync(join(work, '.gitattributes'), '*.gguf filter=lfs diff=lfs merge=lfs -text\n');
  const bytes = randomBytes(7 * MiB);
  writeFileSync(join(work, 'model.gguf'), bytes);
  await sh(work, ['add', '--all']);
  await sh(work, ['commit', '--quiet', '-m', 'the model']);
  return { path, work, oid: createHash('sha256').update(bytes).digest('hex') };
}

const multipartConfig = async (work: string) =>
  (
    await run('git', ['config', '--local', '--get-regexp', '^lfs\\.customtransfer\\.'], {
      cwd: work,
      env: shellEnv(),
      timeoutMs: 30_000,
    })
  ).stdout;

describe('a push with a file over the large-file limit', () => {
  it('is a note, not a refusal, on the screen, then pushes in parts with progress and says what it set up', async () => {
    const { path, work, oid } = await bigCommit();
    const { call, events } = app({ agent: true, limit: 3 * MiB });
    const state = await call('repoState', { path: work });
    expect(state.ok, JSON.stringify(state.error)).toBe(true);
    const problem = state.value.prePush.problems.find((found: { rule: string }) => found.rule === 'over_5gb');
    expect(problem).toMatchObject({ path: 'model.gguf', blocking: false });
    expect(problem.text).toMatch(
      /goes to the Hub in parts: the app sets this repository up for that when you push/,
    );
    expect(await multipartConfig(work)).toBe(''); // reading the screen changes nothing

    const pushed = await call('pushRepo', { runId: 'big-push', path: work });
    expect(pushed.ok, JSON.stringify(pushed.error)).toBe(true);
    expect(pushed.value.ok, pushed.value.output).toBe(true);
    expect(pushed.value.notes).toEqual([
      expect.stringMatching(
        /^Files over 5 GB go to the Hub in parts, so the app set this repository to use its large-file uploader/,
      ),
    ]);
    // The repository's own config names the app's agent, as hf lfs-enable-largefiles would its own.
    expect(await multipartConfig(work)).toBe(
      `lfs.customtransfer.multipart.path ${AGENT.path}\nlfs.customtransfer.multipart.args ${AGENT.args}\n`,
    );
    const stored = hub.lfsObject(path, oid);
    expect(stored).toBeDefined();
    expect(
      createHash('sha256')
        .update(readFileSync(stored as string))
        .digest('hex'),
    ).toBe(oid);
    // The bar moved with the agent's bytes, never backwards, and ended at 100.
    const lfs = events.filter((event) => event.runId === 'big-push' && event.phase === 'lfs' && event.bytes);
    expect(lfs.length).toBeGreaterThan(0);
    expect(Math.max(...lfs.map((event) => event.bytes!.done))).toBeGreaterThanOrEqual(7 * MiB);
    const percents = events.filter((event) => event.runId === 'big-push').map((event) => event.percent ?? 0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ phase: 'done', percent: 100 });

    // Pushed: the screen has nothing more to say about it.
    const after = await call('repoState', { path: work });
    expect(after.value.prePush.problems).toEqual([]);
  });

  it('stays a refusal where the app has no uploader to set up, and pushes nothing', async () => {
    const { path, work, oid } = await bigCommit();
    const { call } = app({ agent: false, limit: 3 * MiB });
    const state = await call('repoState', { path: work });
    expect(state.value.prePush.problems).toEqual([
      expect.objectContaining({
        rule: 'over_5gb',
        blocking: true,
        text: expect.stringMatching(/hf lfs-enable-largefiles/),
      }),
    ]);
    const refused = await call('enableLargeFiles', { path: work });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await multipartConfig(work)).toBe('');
    expect(hub.lfsObject(path, oid)).toBeUndefined();
  });

  it('after the Hub’s own refusal, “Set up very large files” sets the uploader up and the next push goes through', async () => {
    // The app's limit is the Hub's 5 GB, so its check finds nothing and the hub's refusal is the first word.
    const { path, work, oid } = await bigCommit();
    const { call } = app({ agent: true });
    const first = await call('pushRepo', { runId: 'refused', path: work });
    expect(first.ok).toBe(true);
    expect(first.value.ok).toBe(false);
    expect(first.value.output).toContain(OVER_5GB_WORDS);
    expect(first.value.outcome.action).toBe('enable_large_files');
    const enabled = await call('enableLargeFiles', { path: work });
    expect(enabled.ok, JSON.stringify(enabled.error)).toBe(true);
    expect(enabled.value.sentence).toMatch(/large-file uploader/);
    const again = await call('enableLargeFiles', { path: work });
    expect(again.value.sentence).toBeNull(); // already so: nothing to say
    const second = await call('pushRepo', { runId: 'again', path: work });
    expect(second.value.ok, second.value.output).toBe(true);
    expect(hub.lfsObject(path, oid)).toBeDefined();
  });

  it('keeps an uploader the person set up, and says so', async () => {
    const { work } = await bigCommit();
    await sh(work, ['config', '--local', 'lfs.customtransfer.multipart.path', '/opt/hf/bin/hf']);
    await sh(work, ['config', '--local', 'lfs.customtransfer.multipart.args', 'lfs-multipart-upload']);
    const { call } = app({ agent: true });
    const kept = await call('enableLargeFiles', { path: work });
    expect(kept.value.sentence).toBe(
      'This repository already has a large-file uploader (/opt/hf/bin/hf); the app keeps it.',
    );
    expect(await multipartConfig(work)).toBe(
      'lfs.customtransfer.multipart.path /opt/hf/bin/hf\nlfs.customtransfer.multipart.args lfs-multipart-upload\n',
    );
  });
});

describe('Git Xet', () => {
  /** A git-xet on a folder of its own: it fails if started, since the fake hub answers LFS (the Hub's LFS bridge). */
  function installXet(): string {
    const bin = join(root, 'xet-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'git-xet'), '#!/bin/sh\necho "git-xet was started" >&2\nexit 1\n');
    chmodSync(join(bin, 'git-xet'), 0o755);
    return bin;
  }

  it('where it is not installed: the screen says what it would bring, and plain LFS pushes', async () => {
    const { path, work, oid } = await bigCommit();
    const { call } = app({ agent: true, limit: 3 * MiB });
    const state = await call('repoState', { path: work });
    expect(state.value.largeFiles).toEqual({ lfsFiles: 1, xet: 'missing' });
    const pushed = await call('pushRepo', { runId: 'lfs-only', path: work });
    expect(pushed.value.ok, pushed.value.output).toBe(true);
    // Only the multipart uploader's sentence: nothing about Xet, which is not there.
    expect(pushed.value.notes).toEqual([expect.stringMatching(/large-file uploader/)]);
    expect(lfsSettingsOf(hub.httpUrl).lastTransfers).not.toContain('xet');
    expect(hub.lfsObject(path, oid)).toBeDefined();
  });

  it('where it is installed: the push sets it up for the repository, says so, and git-lfs offers it to the Hub', async () => {
    const { path, work, oid } = await bigCommit();
    const bin = installXet();
    const { call } = app({ agent: true, bin });
    expect((await call('repoState', { path: work })).value.largeFiles).toEqual({
      lfsFiles: 1,
      xet: 'installed',
    });
    const pushed = await call('pushRepo', { runId: 'xet', path: work });
    expect(pushed.value.ok, pushed.value.output).toBe(true);
    expect(pushed.value.notes).toEqual([XET_SENTENCE]);
    expect(await multipartConfig(work)).toBe(
      `lfs.customtransfer.xet.path ${join(bin, 'git-xet')}\nlfs.customtransfer.xet.args transfer\nlfs.customtransfer.xet.concurrent true\n`,
    );
    // git-lfs offered xet; the fake hub, like the Hub's LFS bridge for a repository not on Xet, answered basic.
    expect(lfsSettingsOf(hub.httpUrl).lastTransfers).toContain('xet');
    expect(hub.lfsObject(path, oid)).toBeDefined();
    expect((await call('repoState', { path: work })).value.largeFiles).toEqual({
      lfsFiles: 1,
      xet: 'in_use',
    });
  });

  it('set up by the person (git xet install, globally): the app changes nothing and says nothing', async () => {
    const { work } = await bigCommit();
    const bin = installXet();
    const global = join(home, '.gitconfig');
    const before = readFileSync(global, 'utf8');
    writeFileSync(global, `${before}[lfs "customtransfer.xet"]\n\tpath = git-xet\n\targs = transfer\n`);
    try {
      const { call } = app({ agent: true, bin });
      expect((await call('repoState', { path: work })).value.largeFiles.xet).toBe('in_use');
      const pushed = await call('pushRepo', { runId: 'xet-own', path: work });
      expect(pushed.value.notes ?? []).toEqual([]);
      expect(await multipartConfig(work)).toBe('');
    } finally {
      writeFileSync(global, before);
    }
  });
});
