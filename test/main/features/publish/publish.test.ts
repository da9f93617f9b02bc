import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../../main/core/session';
import { run } from '../../../../main/core/run';
import { resolveSettings } from '../../../../main/core/settings';
import { approveToken } from '../../../../main/features/https/credentials';
import { publishHandlers } from '../../../../main/features/publish/handlers';
import { SPACE_NOTES } from '../../../../main/features/publish/inspect';
import { dispatch, type HandlerContext, type HandlerTable } from '../../../../main/ipc/dispatch';
import type { Events, FolderInspection, PublishResult, Result } from '../../../../preload/contract';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';

// Publishing folders for real: git, git-lfs and the fake hub (its creation API makes the Hub's
// first commit), over HTTPS with the token in git's store helper, as the token route sets it up.

let hub: FakeHub;
let root: string;
let home: string;
let context: HandlerContext;
const steps: Events['publishStep'][] = [];
const progress: Events['repoProgress'][] = [];
const table = publishHandlers() as unknown as HandlerTable;
const call = <T>(operation: string, request: unknown) =>
  dispatch(table, operation, request, context) as Promise<Result<T>>;

async function sh(cwd: string, args: readonly string[]) {
  const result = await run('git', ['-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: 120_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

/** Every file under `folder` (but .git) with its sha256, to prove the person's bytes stay. */
function hashes(folder: string, skip: readonly string[] = []): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(full);
      else if (!skip.includes(relative(folder, full)))
        found[relative(folder, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(folder);
  return found;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function folder(name: string, files: Record<string, string | Buffer>): string {
  const path = join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(path, file, '..'), { recursive: true });
    writeFileSync(join(path, file), content);
  }
  return path;
}

const target = (name: string, kind: 'model' | 'dataset' | 'space' = 'model', sdk: string | null = null) => ({
  kind,
  namespace: 'alice',
  name,
  private: false,
  sdk,
  create: true,
});

const publish = (
  path: string,
  t: ReturnType<typeof target>,
  identity: unknown = { name: 'Ada', email: 'ada@example.com' },
) =>
  call<PublishResult>('publishFolder', {
    runId: 'p1',
    path,
    target: t,
    transport: 'https',
    identity,
    message: null,
  });

beforeAll(async () => {
  hub = await startFakeHub();
  root = mkdtempSync(join(tmpdir(), 'hfgd-publish ü-'));
  home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  await sh(home, ['lfs', 'install']);
  await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  context = {
    settings: resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_DATA_DIR: join(home, 'data'),
    }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: (event, payload) => {
      if (event === 'publishStep') steps.push(payload as Events['publishStep']);
      if (event === 'repoProgress') progress.push(payload as Events['repoProgress']);
    },
    openExternal: async () => undefined,
  };
}, 60_000);
afterAll(async () => {
  await hub.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('publish a plain folder', () => {
  it('stores a 2 MiB binary and a 12 MiB text file with LFS before the first commit, and the Hub takes the push', async () => {
    const weights = randomBytes(2 * 1024 * 1024);
    const path = folder('my model', {
      'weights.dat': weights,
      'big.txt': 'a line of text\n'.repeat(900_000),
      'README.md': '# My model\n',
      'configs/config.json': '{"a": 1}\n',
    });
    const before = hashes(path);
    const looked = await call<FolderInspection>('inspectFolder', { path });
    expect(looked).toMatchObject({
      ok: true,
      value: {
        isRepo: false,
        hasCommits: false,
        files: 4,
        suggestedName: 'my-model',
        suggestedKind: 'model',
      },
    });
    if (!looked.ok) return;
    // No name or email set yet; whoami's full name is the suggestion.
    expect(looked.value.identity).toEqual({
      name: null,
      email: null,
      suggestedName: 'Alice Example',
      suggestedEmail: null,
    });
    expect(looked.value.lfsFiles.map((file) => [file.path, file.reason]).sort()).toEqual([
      ['big.txt', 'large'],
      ['weights.dat', 'binary'],
    ]);
    steps.length = 0;
    progress.length = 0;
    const result = await publish(path, target('my-model'));
    expect(result).toMatchObject({
      ok: true,
      value: { repo: { id: 'alice/my-model', created: true }, transport: 'https', branch: 'main' },
    });
    if (!result.ok) return;
    expect([...result.value.lfsFiles].sort()).toEqual(['big.txt', 'weights.dat']);
    expect(steps.map((step) => step.step)).toEqual([
      'prepare',
      'create',
      'connect',
      'merge',
      'lfs',
      'commit',
      'push',
      'done',
    ]);
    expect(progress.length).toBeGreaterThan(0);
    // Both are pointers in the first commit, whose parent is the Hub's first commit.
    const lfs = await sh(path, ['lfs', 'ls-files', '--name-only']);
    expect(lfs.out.split('\n').filter(Boolean).sort()).toEqual(['big.txt', 'weights.dat']);
    expect((await sh(path, ['rev-list', '--count', 'HEAD'])).out.trim()).toBe('2');
    expect((await sh(path, ['rev-parse', 'HEAD'])).out.trim()).toBe(hub.refOf('alice/my-model', 'main'));
    expect(hub.lfsObject('alice/my-model', createHash('sha256').update(weights).digest('hex'))).toBeDefined();
    expect(hub.lfsObject('alice/my-model', sha(join(path, 'big.txt')))).toBeDefined();
    // The person's files are byte for byte as they were; .gitattributes is the Hub's, plus the two lines.
    expect(hashes(path, ['.gitattributes'])).toEqual(before);
    const attributes = readFileSync(join(path, '.gitattributes'), 'utf8');
    expect(attributes).toContain('*.safetensors filter=lfs diff=lfs merge=lfs -text\n');
    expect(attributes).toContain('big.txt filter=lfs diff=lfs merge=lfs -text\n');
    expect(attributes).toContain('*.dat filter=lfs diff=lfs merge=lfs -text\n');
    expect((await sh(path, ['config', '--local', 'user.name'])).out.trim()).toBe('Ada');
    expect((await sh(path, ['status', '--porcelain'])).out).toBe('');
    // Looked at again: a repository connected to its Hub repository, nothing left to commit.
    expect(await call('inspectFolder', { path })).toMatchObject({
      ok: true,
      value: {
        isRepo: true,
        hasCommits: true,
        files: 0,
        connected: { remote: 'origin', repo: 'alice/my-model', kind: 'model' },
        identity: { name: 'Ada', email: 'ada@example.com' },
      },
    });
  }, 120_000);

  it('keeps every line of the folder’s own .gitattributes after the Hub’s', async () => {
    const own =
      '# mine\n*.bin filter=lfs diff=lfs merge=lfs -text\n*.foo filter=lfs diff=lfs merge=lfs -text\n\n*.md text\n';
    const path = folder('with-attributes', {
      '.gitattributes': own,
      'a.foo': 'foo\n',
      'x.md': 'x\n',
      'vendor/lib/f.txt': 'f\n',
    });
    // A folder that is a repository of its own: git adds a link to it, and the notes say so.
    await sh(join(path, 'vendor', 'lib'), ['init', '--quiet']);
    await sh(join(path, 'vendor', 'lib'), ['add', '-A']);
    await sh(join(path, 'vendor', 'lib'), ['commit', '--quiet', '-m', 'lib']);
    const before = hashes(path, ['.gitattributes']);
    const result = await publish(path, target('with-attributes'));
    expect(result).toMatchObject({ ok: true });
    const merged = readFileSync(join(path, '.gitattributes'), 'utf8');
    const hubLines = (await sh(path, ['show', 'HEAD~1:.gitattributes'])).out;
    expect(merged.startsWith(hubLines)).toBe(true);
    expect(merged.slice(hubLines.length)).toBe(
      '# mine\n*.foo filter=lfs diff=lfs merge=lfs -text\n\n*.md text\n',
    );
    expect(merged.split('*.bin filter').length).toBe(2);
    expect(hashes(path, ['.gitattributes'])).toEqual(before);
    expect((await sh(path, ['lfs', 'ls-files', '--name-only'])).out.trim()).toBe('a.foo');
    if (result.ok) expect(result.value.notes.join(' ')).toContain('merged with yours');
    if (result.ok)
      expect(result.value.notes.join(' ')).toContain('vendor/lib is a Git repository of its own');
    // Publishing again (as after a refused or cancelled push) joins nothing twice and works.
    writeFileSync(join(path, 'later.md'), 'later\n');
    expect(await publish(path, target('with-attributes'))).toMatchObject({
      ok: true,
      value: { repo: { created: false } },
    });
    expect((await sh(path, ['rev-list', '--count', 'HEAD'])).out.trim()).toBe('3');
    expect((await sh(path, ['rev-parse', 'HEAD'])).out.trim()).toBe(
      hub.refOf('alice/with-attributes', 'main'),
    );
  }, 120_000);
});

describe('publish a repository with history', () => {
  it('merges the Hub’s first commit as an unrelated history, with no conflict, and pushes', async () => {
    const path = folder('old-repo', {
      'README.md': '# Old\n',
      '.gitattributes': '*.ckpt filter=lfs diff=lfs merge=lfs -text\n*.txt text eol=lf\n',
      'train.py': 'print(1)\n',
    });
    await sh(path, ['init', '--quiet', '-b', 'master']);
    await sh(path, ['add', '-A']);
    await sh(path, ['commit', '--quiet', '-m', 'mine']);
    await sh(path, ['remote', 'add', 'origin', 'https://example.com/elsewhere.git']);
    writeFileSync(join(path, 'later.py'), 'print(2)\n');
    const before = hashes(path, ['.gitattributes']);
    // No name and email in this repository or the user's settings: asked for, nothing changed.
    expect(await publish(path, target('old-repo'), null)).toMatchObject({
      ok: false,
      error: { code: 'identity_needed' },
    });
    const result = await publish(path, target('old-repo'));
    expect(result).toMatchObject({ ok: true, value: { branch: 'main' } });
    const parents = (await sh(path, ['rev-list', '--parents', '-n', '1', 'HEAD'])).out.trim().split(' ');
    expect(parents).toHaveLength(3);
    expect((await sh(path, ['rev-parse', 'HEAD'])).out.trim()).toBe(hub.refOf('alice/old-repo', 'main'));
    expect(hashes(path, ['.gitattributes'])).toEqual(before);
    const merged = readFileSync(join(path, '.gitattributes'), 'utf8');
    expect(merged).toContain('*.txt text eol=lf\n');
    expect(merged).not.toContain('<<<<<<<');
    expect((await sh(path, ['status', '--porcelain'])).out).toBe('');
    if (result.ok)
      expect(result.value.notes.join(' ')).toContain('Your branch master went to the Hub’s main');
  }, 120_000);
});

describe('publish into a repository that is already yours', () => {
  it('answers created: false, keeps the Hub’s files the folder lacks, and pushes on top', async () => {
    const path = folder('second', { 'extra.md': 'more\n' });
    const result = await publish(path, target('my-model'));
    expect(result).toMatchObject({ ok: true, value: { repo: { id: 'alice/my-model', created: false } } });
    if (result.ok) expect(result.value.notes.join(' ')).toContain('already yours');
    expect(readFileSync(join(path, 'README.md'), 'utf8')).toBe('# My model\n');
    expect(
      (await sh(path, ['lfs', 'ls-files', '--name-only'])).out.split('\n').filter(Boolean).sort(),
    ).toEqual(['big.txt', 'weights.dat']);
    expect((await sh(path, ['rev-parse', 'HEAD'])).out.trim()).toBe(hub.refOf('alice/my-model', 'main'));
    expect((await sh(path, ['show', '--stat', '--format=', 'HEAD'])).out).toContain('extra.md');
    expect((await sh(path, ['show', '--stat', '--format=', 'HEAD'])).out).not.toContain('big.txt');
  }, 120_000);
});

describe('publish a Space', () => {
  it('notes what the Hub needs, and adds the Hub’s front matter to a README without one', async () => {
    const path = folder('demo', { 'app.py': 'import gradio as gr\n', 'README.md': '# Demo\n' });
    const looked = await call<FolderInspection>('inspectFolder', { path });
    expect(looked).toMatchObject({
      ok: true,
      value: {
        suggestedKind: 'space',
        space: { sdk: 'gradio', appFile: 'app.py', notes: [SPACE_NOTES.noFrontMatter] },
      },
    });
    const result = await publish(path, target('demo', 'space', 'gradio'));
    expect(result).toMatchObject({ ok: true, value: { repo: { id: 'alice/demo', kind: 'space' } } });
    const readme = readFileSync(join(path, 'README.md'), 'utf8');
    expect(readme).toMatch(/^---\n[\s\S]*sdk: gradio[\s\S]*\n---\n# Demo\n$/);
    expect(sha(join(path, 'app.py'))).toBe(
      createHash('sha256').update('import gradio as gr\n').digest('hex'),
    );
  }, 120_000);

  it('says the Space needs an app file when there is none', async () => {
    const path = folder('no-app', { 'README.md': '---\ntitle: x\nsdk: gradio\n---\n', 'notes.txt': 'x\n' });
    const looked = await call<FolderInspection>('inspectFolder', { path });
    expect(looked).toMatchObject({
      ok: true,
      value: { suggestedKind: 'space', space: { appFile: null, notes: [SPACE_NOTES.noAppFile] } },
    });
  });

  it('suggests a dataset for a folder of data files, and publishes it as one', async () => {
    const path = folder('My Data!', {
      'a.csv': '1\n',
      'b.parquet': 'x',
      'c.jsonl': '{}\n',
      'README.md': '# d\n',
    });
    expect(await call('inspectFolder', { path })).toMatchObject({
      ok: true,
      value: { suggestedKind: 'dataset', suggestedName: 'My-Data' },
    });
    const result = await publish(path, target('My-Data', 'dataset'));
    expect(result).toMatchObject({
      ok: true,
      value: { repo: { id: 'alice/My-Data', kind: 'dataset' }, lfsFiles: ['b.parquet'] },
    });
    expect((await sh(path, ['remote', 'get-url', 'origin'])).out.trim()).toBe(
      `${hub.httpUrl}/datasets/alice/My-Data`,
    );
    expect((await sh(path, ['rev-parse', 'HEAD'])).out.trim()).toBe(
      hub.refOf('datasets/alice/My-Data', 'main'),
    );
  }, 120_000);
});

describe('folders the app refuses', () => {
  it('a folder inside another repository, naming the outer one; the home folder; a file', async () => {
    const outer = folder('outer', { 'a.txt': 'a\n', 'inner/b.txt': 'b\n' });
    await sh(outer, ['init', '--quiet']);
    const inner = await call('inspectFolder', { path: join(outer, 'inner') });
    expect(inner).toMatchObject({ ok: false, error: { code: 'folder_unusable' } });
    if (!inner.ok) expect(inner.error.message).toContain(outer);
    expect(
      await call('publishFolder', {
        runId: 'p2',
        path: join(outer, 'inner'),
        target: target('inner'),
        transport: 'https',
        identity: null,
        message: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'folder_unusable' } });
    expect(await call('inspectFolder', { path: home })).toMatchObject({
      ok: false,
      error: { code: 'folder_unusable' },
    });
    expect(await call('inspectFolder', { path: join(outer, 'a.txt') })).toMatchObject({
      ok: false,
      error: { code: 'folder_unusable' },
    });
    expect(await call('inspectFolder', { path: '/' })).toMatchObject({
      ok: false,
      error: { code: 'folder_unusable' },
    });
    expect(statSync(join(outer, 'inner', 'b.txt')).size).toBe(2);
  });
});

describe('a refused push', () => {
  it('is explained by the failure table, and the folder keeps its files', async () => {
    hub.createRepo('bob/theirs');
    const path = folder('not-mine', { 'a.txt': 'a\n' });
    const result = await call<PublishResult>('publishFolder', {
      runId: 'p3',
      path,
      target: { ...target('theirs'), namespace: 'bob', create: false },
      transport: 'https',
      identity: { name: 'Ada', email: 'ada@example.com' },
      message: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'git_failed' } });
    if (!result.ok) expect(result.error.outcome?.kind).not.toBe('unknown');
    expect(readFileSync(join(path, 'a.txt'), 'utf8')).toBe('a\n');
  }, 120_000);
});

describe('hubBranches', () => {
  it('lists a repository’s branches and its default one', async () => {
    expect(await call('hubBranches', { input: 'alice/my-model', transport: 'https' })).toEqual({
      ok: true,
      value: { branches: ['main'], defaultBranch: 'main' },
    });
    expect(await call('hubBranches', { input: 'alice/nothing-here', transport: 'https' })).toMatchObject({
      ok: false,
      error: { code: 'git_failed' },
    });
  });
});
