import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approveToken } from '../../main/features/https/credentials';
import { run } from '../../main/core/run';
import { explainFailure } from '../../main/git/failures';
import { ALICE_WRITE_TOKEN, BOB_READ_TOKEN, OVER_5GB_WORDS, startFakeHub, type FakeHub } from '.';
import { lfsSettingsOf } from './lfs';

// Real git and git-lfs against the fake hub: the LFS batch API with uploads and downloads, and
// the Hub's push rules (10 MiB, binary files, also in history) from its pre-receive hook.

let hub: FakeHub;
let home: string;
const homes: string[] = [];

beforeAll(async () => {
  // A small stand-in for the Hub's 5 GB limit, so a test can cross it (LFS_MAX_BYTES is the default).
  hub = await startFakeHub({ lfsMaxBytes: 12 * 1024 * 1024 });
});
afterEach(() => {
  while (homes.length > 0) rmSync(homes.pop() as string, { recursive: true, force: true });
});
afterAll(async () => {
  await hub.stop();
});

async function git(cwd: string, args: readonly string[]): Promise<{ status: number | null; out: string }> {
  const result = await run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 60_000,
  });
  return { status: result.exitCode, out: `${result.stdout}${result.stderr}` };
}

/** A fresh HOME with git-lfs installed and the user's token in the store helper; a clone of `path`. */
async function cloneAs(user: string, token: string, path: string): Promise<string> {
  home = mkdtempSync(join(tmpdir(), 'hfgd-lfs-'));
  homes.push(home);
  writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
  expect((await git(home, ['lfs', 'install'])).status).toBe(0);
  await approveToken(home, { endpoint: hub.httpUrl, username: user }, token);
  const work = join(home, 'work');
  const cloned = await git(home, ['clone', '--quiet', `${hub.httpUrl}/${path}`, work]);
  expect(cloned.status, cloned.out).toBe(0);
  return work;
}

/** A file git and the Hub call binary (a NUL byte at the start), of exactly `size` bytes. */
const binaryOf = (size: number): Buffer => {
  const bytes = randomBytes(size);
  bytes[0] = 0;
  return bytes;
};

const pushContext = (code: number | null) =>
  ({ operation: 'push', endpoint: hub.httpUrl, transport: 'https', flags: { exitCode: code } }) as const;

const sha256 = async (file: string) =>
  (await import('node:crypto')).createHash('sha256').update(readFileSync(file)).digest('hex');

describe('LFS over HTTP on the fake hub', () => {
  it('uploads a tracked file through the batch API, and a fresh clone downloads it', async () => {
    hub.createRepo('alice/lfs-model');
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/lfs-model');
    await git(work, ['lfs', 'track', '*.bin']);
    writeFileSync(join(work, 'weights.bin'), randomBytes(2 * 1024 * 1024));
    const oid = await sha256(join(work, 'weights.bin'));
    await git(work, ['add', '.gitattributes', 'weights.bin']);
    await git(work, ['commit', '--quiet', '-m', 'weights']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status, pushed.out).toBe(0);
    expect(hub.lfsObject('alice/lfs-model', oid)).toBeDefined();
    const again = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/lfs-model');
    expect(await sha256(join(again, 'weights.bin'))).toBe(oid);
  });

  it('refuses an upload with a read token: "Authorization error."', async () => {
    hub.createRepo('bob/lfs-notes');
    const work = await cloneAs('bob', BOB_READ_TOKEN, 'bob/lfs-notes');
    await git(work, ['lfs', 'track', '*.bin']);
    writeFileSync(join(work, 'a.bin'), randomBytes(4096));
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'a']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status).not.toBe(0);
    expect(pushed.out).toMatch(/Authorization error/);
  });

  it('says an object the repository does not hold is missing (a fork without its upstream’s objects)', async () => {
    const upstream = hub.createRepo('alice/upstream-model');
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/upstream-model');
    await git(work, ['lfs', 'track', '*.bin']);
    writeFileSync(join(work, 'w.bin'), randomBytes(8192));
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'w']);
    expect((await git(work, ['push', '--quiet', 'origin', 'HEAD:main'])).status).toBe(0);
    // A fork made with plain git: the commits, but none of the LFS objects.
    const fork = hub.createRepo('alice/fork-model');
    expect(
      (await git(home, ['--git-dir', upstream.gitDir, 'push', '--quiet', fork.gitDir, 'main'])).status,
    ).toBe(0);
    const cloned = await git(home, ['clone', `${hub.httpUrl}/alice/fork-model`, join(home, 'fork')]);
    expect(cloned.out).toMatch(/Object does not exist on the server|Smudge error/);
  });
});

describe('files over the 5 GB limit (HUB-FACTS; the limit set small here)', () => {
  async function bigLfsCommit(path: string): Promise<string> {
    hub.createRepo(path);
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, path);
    await git(work, ['lfs', 'track', '*.gguf']);
    writeFileSync(join(work, 'model.gguf'), randomBytes(13 * 1024 * 1024));
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'big']);
    return work;
  }

  it('refuses the upload without the multipart transfer, in the Hub’s words as git-lfs prints them', async () => {
    const work = await bigLfsCommit('alice/too-big');
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status).not.toBe(0);
    expect(pushed.out).toContain(`batch response: ${OVER_5GB_WORDS}`);
    expect(explainFailure(pushed.out, pushContext(pushed.status))).toMatchObject({
      kind: 'lfs_over_5gb',
      action: 'enable_large_files',
    });
  });

  // What `git xet install` writes (xet-core git_xet install.rs): git-lfs then offers "xet" in the
  // batch request. The fake hub serves the object over basic instead (it implements no Xet). The
  // multipart transfer, which `hf lfs-enable-largefiles` sets, is test/main/lfs-agent's.
  it('takes it once lfs.customtransfer.xet.path is set', async () => {
    const work = await bigLfsCommit('alice/big-git-xet');
    await git(work, ['config', 'lfs.customtransfer.xet.path', 'git-xet']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status, pushed.out).toBe(0);
  });
});

describe('the multipart transfer’s batch answer, parts and completion (huggingface_hub lfs.py)', () => {
  const batch = async (path: string, size: number, transfers: string[]) => {
    hub.createRepo(path);
    const response = await fetch(`${hub.httpUrl}/${path}.git/info/lfs/objects/batch`, {
      method: 'POST',
      headers: {
        Accept: 'application/vnd.git-lfs+json',
        Authorization: `Basic ${Buffer.from(`alice:${ALICE_WRITE_TOKEN}`).toString('base64')}`,
      },
      body: JSON.stringify({ operation: 'upload', transfers, objects: [{ oid: 'a'.repeat(64), size }] }),
    });
    return (await response.json()) as {
      transfer: string;
      objects: { actions: { upload: { href: string; header: Record<string, string> } } }[];
    };
  };

  it('answers basic at or below the limit, multipart above it with numbered part URLs', async () => {
    expect((await batch('alice/mp-small', 12 * 1024 * 1024, ['basic', 'multipart'])).transfer).toBe('basic');
    const settings = lfsSettingsOf(hub.httpUrl);
    settings.multipartChunkBytes = 5 * 1024 * 1024;
    try {
      const answer = await batch('alice/mp-big', 13 * 1024 * 1024, ['basic', 'multipart']);
      expect(answer.transfer).toBe('multipart');
      const header = answer.objects[0]!.actions.upload.header;
      expect(Object.keys(header).sort()).toEqual(['00001', '00002', '00003', 'chunk_size']);
      expect(header.chunk_size).toBe(String(5 * 1024 * 1024));
    } finally {
      delete settings.multipartChunkBytes;
    }
  });

  it('checks each part’s size, answers its ETag, and refuses a completion with a wrong one', async () => {
    const data = randomBytes(13 * 1024 * 1024);
    const oid = createHash('sha256').update(data).digest('hex');
    hub.createRepo('alice/mp-parts');
    const response = await fetch(`${hub.httpUrl}/alice/mp-parts.git/info/lfs/objects/batch`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`alice:${ALICE_WRITE_TOKEN}`).toString('base64')}` },
      body: JSON.stringify({
        operation: 'upload',
        transfers: ['multipart'],
        objects: [{ oid, size: data.length }],
      }),
    });
    const { objects } = (await response.json()) as {
      objects: { actions: { upload: { href: string; header: Record<string, string> } } }[];
    };
    const { href, header } = objects[0]!.actions.upload;
    const chunk = Number(header.chunk_size);
    const urls = ['00001', '00002'].map((name) => header[name]!);
    expect((await fetch(urls[0]!, { method: 'PUT', body: data.subarray(0, 10) })).status).toBe(400);
    const etags: string[] = [];
    for (const [index, url] of urls.entries()) {
      const put = await fetch(url, {
        method: 'PUT',
        body: data.subarray(index * chunk, (index + 1) * chunk),
      });
      expect(put.status).toBe(200);
      etags.push(put.headers.get('etag') ?? '');
    }
    const complete = (parts: unknown) =>
      fetch(href, { method: 'POST', body: JSON.stringify({ oid, parts }) }).then((answer) => answer.status);
    expect(await complete(etags.map((etag, index) => ({ partNumber: index + 1, etag: `${etag}x` })))).toBe(
      400,
    );
    expect(hub.lfsObject('alice/mp-parts', oid)).toBeUndefined();
    expect(await complete(etags.map((etag, index) => ({ partNumber: index + 1, etag })))).toBe(200);
    expect(hub.lfsObject('alice/mp-parts', oid)).toBeDefined();
  });
});

describe('the LFS batch API’s rate limit (a test switch)', () => {
  it('answers 429 with the Hub’s words, which git-lfs prints and the app reads as a rate limit', async () => {
    hub.createRepo('alice/limited');
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/limited');
    await git(work, ['lfs', 'track', '*.bin']);
    writeFileSync(join(work, 'w.bin'), randomBytes(4096));
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'w']);
    hub.limitLfsBatch(true);
    try {
      const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
      expect(pushed.status).not.toBe(0);
      expect(pushed.out).toContain(
        'batch response: We had to rate limit you, you hit the quota of 1000 api requests per 5 minutes period.',
      );
      expect(explainFailure(pushed.out, pushContext(pushed.status)).kind).toBe('rate_limited');
    } finally {
      hub.limitLfsBatch(false);
    }
    expect((await git(work, ['push', 'origin', 'HEAD:main'])).status).toBe(0);
  });
});

describe('the Hub’s push rules (pre-receive hook)', () => {
  it('rejects a file over 10 MiB that is not in LFS, listing it', async () => {
    hub.createRepo('alice/big-no-lfs');
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/big-no-lfs');
    writeFileSync(join(work, 'model.safetensors'), Buffer.alloc(11 * 1024 * 1024, 'a'));
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'big']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status).not.toBe(0);
    expect(pushed.out).toContain(
      'remote: Your push was rejected because it contains files larger than 10 MiB.',
    );
    expect(pushed.out).toContain('remote:   - model.safetensors (ref: refs/heads/main)');
    expect(pushed.out).toContain('pre-receive hook declined');
  });

  it('rejects a binary file over 1 MiB, and one deleted in a later commit is still in history', async () => {
    hub.createRepo('alice/binary-history');
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/binary-history');
    // A 1.67 MB mp4, the size the Hub refused in 2026 (HUB-FACTS).
    writeFileSync(join(work, 'clip.mp4'), binaryOf(1_670_000));
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'clip']);
    await git(work, ['rm', '--quiet', 'clip.mp4']);
    await git(work, ['commit', '--quiet', '-m', 'remove clip']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status).not.toBe(0);
    expect(pushed.out).toContain('remote: Your push was rejected because it contains binary files.');
    expect(pushed.out).toContain(
      'remote: Please use https://huggingface.co/docs/hub/xet to store binary files.',
    );
    expect(pushed.out).toContain('remote:   - clip.mp4 (ref: refs/heads/main)');
    expect(explainFailure(pushed.out, pushContext(pushed.status))).toMatchObject({
      kind: 'binary_files',
      files: ['clip.mp4'],
    });
  });

  it('accepts small binary files outside LFS, up to 1 MiB (a small jpg passed, HUB-FACTS)', async () => {
    hub.createRepo('alice/small-binaries');
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/small-binaries');
    writeFileSync(join(work, 'photo.jpg'), binaryOf(40_000));
    writeFileSync(join(work, 'limit.bin'), binaryOf(1024 * 1024));
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'images']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status, pushed.out).toBe(0);
  });

  it('lets text and LFS pointers through', async () => {
    hub.createRepo('alice/good-push');
    const work = await cloneAs('alice', ALICE_WRITE_TOKEN, 'alice/good-push');
    await git(work, ['lfs', 'track', '*.safetensors']);
    writeFileSync(join(work, 'model.safetensors'), Buffer.alloc(11 * 1024 * 1024, 'b'));
    writeFileSync(join(work, 'README.md'), '# good\n');
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'good']);
    const pushed = await git(work, ['push', 'origin', 'HEAD:main']);
    expect(pushed.status, pushed.out).toBe(0);
  });
});
