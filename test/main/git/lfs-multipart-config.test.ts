import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../main/core/run';
import { gitContext } from '../../../main/git/environment';
import { agentCommand, shellWord } from '../../../main/git/lfs-agent-command';
import { enableLargeFiles } from '../../../main/git/lfs-multipart-config';

// How git-lfs starts the app's agent on each platform, and what enableLargeFiles writes. git-lfs
// runs `sh -c "'PATH' ARGS"` (tq/custom.go; on Windows with Git for Windows' sh), and its docs say
// of lfs.customtransfer.<name>.args: "this string will be expanded by the shell".

describe('agentCommand', () => {
  it('packaged: the app’s own executable with the switch, on every platform', () => {
    expect(
      agentCommand('win32', 'C:\\Program Files\\HF Git Desktop\\HF Git Desktop.exe', true, 'ignored'),
    ).toEqual({
      path: 'C:\\Program Files\\HF Git Desktop\\HF Git Desktop.exe',
      args: '--hfgd-lfs-multipart',
    });
    expect(
      agentCommand('darwin', '/Applications/HF Git Desktop.app/Contents/MacOS/HF Git Desktop', true, 'x'),
    ).toEqual({
      path: '/Applications/HF Git Desktop.app/Contents/MacOS/HF Git Desktop',
      args: '--hfgd-lfs-multipart',
    });
    expect(agentCommand('linux', '/opt/HF Git Desktop/hf-git-desktop', true, 'x').args).toBe(
      '--hfgd-lfs-multipart',
    );
  });

  it('browser mode: node running the built script, the path quoted for sh (spaces and backslashes kept)', () => {
    expect(
      agentCommand('win32', 'C:\\Program Files\\nodejs\\node.exe', false, 'C:\\Users\\Ann Lee\\hfgd'),
    ).toEqual({
      path: 'C:\\Program Files\\nodejs\\node.exe',
      args: "'C:\\Users\\Ann Lee\\hfgd\\out\\main\\lfs-agent.js'",
    });
    expect(agentCommand('linux', '/usr/bin/node', false, '/home/ann/hfgd')).toEqual({
      path: '/usr/bin/node',
      args: '/home/ann/hfgd/out/main/lfs-agent.js',
    });
    expect(agentCommand('darwin', '/usr/local/bin/node', false, "/Users/ann/it's here").args).toBe(
      "'/Users/ann/it'\\''s here/out/main/lfs-agent.js'",
    );
  });

  it('Electron in development: Electron with the app folder and the switch', () => {
    expect(agentCommand('linux', '/r/node_modules/electron/dist/electron', false, '/r', true)).toEqual({
      path: '/r/node_modules/electron/dist/electron',
      args: '/r --hfgd-lfs-multipart',
    });
  });

  it('quotes words the way sh reads them back', async () => {
    for (const word of ['plain', 'with space', "it's", 'C:\\a b\\c', '$HOME', '`x`']) {
      const echoed = await run('sh', ['-c', `printf %s ${shellWord(word)}`], {
        env: { PATH: process.env.PATH },
        timeoutMs: 10_000,
      });
      expect(echoed.stdout).toBe(word);
    }
  });
});

describe('enableLargeFiles', () => {
  const roots: string[] = [];
  afterEach(() => {
    while (roots.length > 0) rmSync(roots.pop() as string, { recursive: true, force: true });
  });

  async function repo() {
    const root = mkdtempSync(join(tmpdir(), 'hfgd-largefiles-'));
    roots.push(root);
    const env = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1' };
    await run('git', ['init', '--quiet', join(root, 'repo')], { env, timeoutMs: 10_000 });
    const get = async (key: string) =>
      (
        await run('git', ['-C', join(root, 'repo'), 'config', '--local', '--get', key], {
          env,
          timeoutMs: 10_000,
        })
      ).stdout.trim();
    const set = (key: string, value: string) =>
      run('git', ['-C', join(root, 'repo'), 'config', '--local', key, value], { env, timeoutMs: 10_000 });
    return { context: gitContext({ home: root }, env), path: join(root, 'repo'), get, set };
  }
  const ours = { path: '/opt/HF Git Desktop/hf-git-desktop', args: '--hfgd-lfs-multipart' };

  it('sets path and args in the repository’s config, as hf lfs-enable-largefiles does, once', async () => {
    const r = await repo();
    expect(await enableLargeFiles(r.context, r.path, ours)).toEqual({ kind: 'enabled' });
    expect(await r.get('lfs.customtransfer.multipart.path')).toBe(ours.path);
    expect(await r.get('lfs.customtransfer.multipart.args')).toBe(ours.args);
    expect(await enableLargeFiles(r.context, r.path, ours)).toEqual({ kind: 'already' });
  });

  it('replaces an older agent of its own, and never the person’s own (hf)', async () => {
    const r = await repo();
    await r.set('lfs.customtransfer.multipart.path', '/old/place/hf-git-desktop');
    await r.set('lfs.customtransfer.multipart.args', '--hfgd-lfs-multipart');
    expect(await enableLargeFiles(r.context, r.path, ours)).toEqual({
      kind: 'enabled',
      previous: { path: '/old/place/hf-git-desktop', args: '--hfgd-lfs-multipart' },
    });
    const theirs = await repo();
    await theirs.set('lfs.customtransfer.multipart.path', 'hf');
    await theirs.set('lfs.customtransfer.multipart.args', 'lfs-multipart-upload');
    expect(await enableLargeFiles(theirs.context, theirs.path, ours)).toEqual({
      kind: 'kept_own',
      path: 'hf',
    });
    expect(await theirs.get('lfs.customtransfer.multipart.path')).toBe('hf');
    expect(await theirs.get('lfs.customtransfer.multipart.args')).toBe('lfs-multipart-upload');
  });
});
