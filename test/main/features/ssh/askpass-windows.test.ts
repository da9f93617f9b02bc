import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servePassphraseOnce, withAskpass } from '../../../../main/features/ssh/askpass';
import {
  ASKPASS_PIPE_VARIABLE,
  askpassPipeName,
  askpassPlan,
  type AskpassHost,
} from '../../../../main/features/ssh/askpass-plan';
import {
  answerAskpass,
  askpassPipeOf,
  ASKPASS_READER_SCRIPT,
} from '../../../../main/features/ssh/askpass-reader';

// Issue 13, item 2. Windows' ssh-add starts SSH_ASKPASS through posix_spawnp with the argument
// vector { askpass, prompt } (PowerShell/openssh-portable readpass.c, ssh_askpass, the
// FORK_NOT_SUPPORTED branch), which Win32-OpenSSH's compat layer turns into CreateProcessW: only a
// real executable runs there, never a `#!/bin/sh` file, and there is no mkfifo. The plan is pure
// and pinned for each platform; the reader is run for real here over a Unix socket path, which
// node's net treats exactly as it treats a Windows pipe name.

const SECRET = 'correct horse ⚡ battery';
const PACKAGED: AskpassHost = {
  packaged: true,
  electron: true,
  execPath: 'C:\\Program Files\\HF Git Desktop\\HF Git Desktop.exe',
};
const DEV_ELECTRON: AskpassHost = {
  packaged: false,
  electron: true,
  execPath: 'C:\\src\\app\\node_modules\\electron\\dist\\electron.exe',
};
const BROWSER_MODE: AskpassHost = {
  packaged: false,
  electron: false,
  execPath: 'C:\\Program Files\\nodejs\\node.exe',
};
const READER = 'file:///C:/Users/A%20B/AppData/Local/Temp/hfgd-askpass-x/askpass-reader.mjs';

describe('askpassPlan', () => {
  it('uses no askpass at all without a passphrase, on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const plan = askpassPlan(platform, false, PACKAGED, READER);
      expect(plan).toEqual({ kind: 'none', env: { SSH_ASKPASS_REQUIRE: 'never' } });
    }
  });

  it('keeps the FIFO script on Linux and macOS', () => {
    expect(askpassPlan('linux', true, BROWSER_MODE, READER)).toEqual({ kind: 'fifo' });
    expect(askpassPlan('darwin', true, PACKAGED, READER)).toEqual({ kind: 'fifo' });
  });

  it('makes the packaged app its own askpass on Windows: no script, no node', () => {
    const plan = askpassPlan('win32', true, PACKAGED, READER);
    expect(plan).toEqual({
      kind: 'named_pipe',
      reader: 'app_entry',
      program: PACKAGED.execPath,
      env: { SSH_ASKPASS: PACKAGED.execPath, SSH_ASKPASS_REQUIRE: 'force' },
    });
  });

  it('runs the reader script with node, or Electron as node, in development on Windows', () => {
    const browser = askpassPlan('win32', true, BROWSER_MODE, READER);
    expect(browser).toMatchObject({
      kind: 'named_pipe',
      reader: 'node_script',
      program: BROWSER_MODE.execPath,
    });
    if (browser.kind !== 'named_pipe') throw new Error('expected a pipe plan');
    expect(browser.env.NODE_OPTIONS).toBe(`--import "${READER}"`);
    expect(browser.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
    const dev = askpassPlan('win32', true, DEV_ELECTRON, READER);
    if (dev.kind !== 'named_pipe') throw new Error('expected a pipe plan');
    expect(dev.env.ELECTRON_RUN_AS_NODE).toBe('1');
    expect(dev.env.SSH_ASKPASS).toBe(DEV_ELECTRON.execPath);
  });

  it('names a fresh pipe in the machine-wide pipe namespace', () => {
    expect(askpassPipeName('ab12')).toBe('\\\\.\\pipe\\hfgd-askpass-ab12');
  });
});

describe('withAskpass without a passphrase', () => {
  it('gives the child no askpass, and tells OpenSSH never to use one', async () => {
    for (const platform of ['win32', 'linux'] as const) {
      const env = await withAskpass(null, (given) => Promise.resolve(given), { platform, host: PACKAGED });
      expect(env).toEqual({ SSH_ASKPASS_REQUIRE: 'never' });
    }
  });
});

describe('the askpass reader, over a real socket', () => {
  let dir: string;
  beforeEach(() => {
    // Short: a Unix socket path must fit in 104 bytes (macOS) / 108 (Linux).
    dir = mkdtempSync(join(tmpdir(), 'hfgd-ap-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises the switch only when the variable names a pipe', () => {
    expect(askpassPipeOf({ [ASKPASS_PIPE_VARIABLE]: '\\\\.\\pipe\\x' })).toBe('\\\\.\\pipe\\x');
    expect(askpassPipeOf({ [ASKPASS_PIPE_VARIABLE]: '' })).toBeUndefined();
    expect(askpassPipeOf({})).toBeUndefined();
  });

  it('prints what the pipe sends, once: a second prompt finds no pipe and fails', async () => {
    const path = join(dir, 's');
    const server = await servePassphraseOnce(path, SECRET);
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    expect(await answerAskpass(path, out)).toBe(0);
    expect(printed).toBe(`${SECRET}\n`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await answerAskpass(path, new PassThrough())).toBe(1);
  });

  it('fails (exit 1, nothing printed) when no pipe is there', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += String(chunk)));
    expect(await answerAskpass(join(dir, 'none'), out)).toBe(1);
    expect(printed).toBe('');
  });

  it('runs as node --import with only the prompt as its script, as the Windows plan starts it', async () => {
    const script = join(dir, 'askpass-reader.mjs');
    writeFileSync(script, ASKPASS_READER_SCRIPT);
    const plan = askpassPlan(
      'win32',
      true,
      { packaged: false, electron: false, execPath: process.execPath },
      pathToFileURL(script).href,
    );
    if (plan.kind !== 'named_pipe') throw new Error('expected a pipe plan');
    const pipe = join(dir, 'p');
    await servePassphraseOnce(pipe, SECRET);
    // What ssh-add gives its askpass: the program, the prompt, and its own environment.
    const args = ['Enter passphrase for C:\\Users\\a\\.ssh\\id_ed25519:'];
    const env = { PATH: process.env.PATH, ...plan.env, [ASKPASS_PIPE_VARIABLE]: pipe };
    expect(JSON.stringify([plan.program, ...args])).not.toContain(SECRET);
    expect(JSON.stringify(env)).not.toContain(SECRET);
    const child = spawn(plan.program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${SECRET}\n`);
    // One-shot: the server stopped listening after the first answer.
    await expect(
      new Promise((resolve, reject) => connect(pipe).on('connect', resolve).on('error', reject)),
    ).rejects.toThrow();
  });
});
