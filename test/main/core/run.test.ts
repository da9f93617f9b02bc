import { describe, expect, it } from 'vitest';
import { childEnv, displayEnv, readEnv, run, treeKill } from '../../../main/core/run';

// A Windows parent as Explorer starts it (names as Windows spells them, `Path` included), with
// what must never reach a child: the token and git's own variables.
const WINDOWS_PARENT: NodeJS.ProcessEnv = {
  Path: 'C:\\Windows\\system32;C:\\Program Files\\Git\\cmd',
  PATHEXT: '.COM;.EXE;.BAT;.CMD',
  ProgramData: 'C:\\ProgramData',
  ALLUSERSPROFILE: 'C:\\ProgramData',
  APPDATA: 'C:\\Users\\ada\\AppData\\Roaming',
  LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  ProgramW6432: 'C:\\Program Files',
  CommonProgramFiles: 'C:\\Program Files\\Common Files',
  'CommonProgramFiles(x86)': 'C:\\Program Files (x86)\\Common Files',
  CommonProgramW6432: 'C:\\Program Files\\Common Files',
  SystemDrive: 'C:',
  SystemRoot: 'C:\\Windows',
  windir: 'C:\\Windows',
  ComSpec: 'C:\\Windows\\system32\\cmd.exe',
  COMPUTERNAME: 'ADA-PC',
  OS: 'Windows_NT',
  PROCESSOR_ARCHITECTURE: 'AMD64',
  NUMBER_OF_PROCESSORS: '8',
  HOMEDRIVE: 'C:',
  HOMEPATH: '\\Users\\ada',
  LOGONSERVER: '\\\\ADA-PC',
  USERNAME: 'ada',
  USERDOMAIN: 'ADA-PC',
  USERPROFILE: 'C:\\Users\\ada',
  TEMP: 'C:\\Users\\ada\\AppData\\Local\\Temp',
  TMP: 'C:\\Users\\ada\\AppData\\Local\\Temp',
  HF_TOKEN: 'hf_secret',
  GIT_DIR: 'C:\\elsewhere',
  GIT_SSL_CAINFO: 'C:\\ca.pem',
};

const POSIX_PARENT: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  TMPDIR: '/tmp/ada',
  USER: 'ada',
  LOGNAME: 'ada',
  SSH_AUTH_SOCK: '/run/user/1000/ssh-agent.sock',
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus',
  XDG_RUNTIME_DIR: '/run/user/1000',
  DISPLAY: ':0',
  XAUTHORITY: '/run/user/1000/gdm/Xauthority',
  WAYLAND_DISPLAY: 'wayland-0',
  ProgramData: '/not/windows',
  HF_TOKEN: 'hf_secret',
  GIT_DIR: '/elsewhere',
  XDG_CONFIG_HOME: '/home/ada/.config',
};

describe('childEnv on Windows', () => {
  const env = childEnv('C:\\Users\\ada\\hfgd-home', WINDOWS_PARENT, {}, 'win32');

  it('passes ProgramData, without which Win32-OpenSSH exits 255 at start', () => {
    // openssh-portable contrib/win32/win32compat/w32fd.c, init_prog_paths():
    // fatal("couldn't find ProgramData environment variable").
    expect(env.ProgramData).toBe('C:\\ProgramData');
  });

  it('passes libuv’s required_vars, and what Git for Windows and GCM read', () => {
    // libuv src/win/process.c required_vars: HOMEDRIVE HOMEPATH LOGONSERVER PATH SYSTEMDRIVE
    // SYSTEMROOT TEMP USERDOMAIN USERNAME USERPROFILE WINDIR.
    expect(env).toMatchObject({
      HOMEDRIVE: 'C:',
      HOMEPATH: '\\Users\\ada',
      LOGONSERVER: '\\\\ADA-PC',
      SystemDrive: 'C:',
      SystemRoot: 'C:\\Windows',
      TEMP: 'C:\\Users\\ada\\AppData\\Local\\Temp',
      USERDOMAIN: 'ADA-PC',
      USERNAME: 'ada',
      WINDIR: 'C:\\Windows',
      ALLUSERSPROFILE: 'C:\\ProgramData',
      APPDATA: 'C:\\Users\\ada\\AppData\\Roaming',
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      ProgramW6432: 'C:\\Program Files',
      CommonProgramFiles: 'C:\\Program Files\\Common Files',
      'CommonProgramFiles(x86)': 'C:\\Program Files (x86)\\Common Files',
      CommonProgramW6432: 'C:\\Program Files\\Common Files',
      ComSpec: 'C:\\Windows\\system32\\cmd.exe',
      PATHEXT: '.COM;.EXE;.BAT;.CMD',
      COMPUTERNAME: 'ADA-PC',
      OS: 'Windows_NT',
      PROCESSOR_ARCHITECTURE: 'AMD64',
      NUMBER_OF_PROCESSORS: '8',
    });
  });

  it('reads names case-insensitively (Path, windir) and writes each once', () => {
    expect(env.PATH).toBe(WINDOWS_PARENT.Path);
    expect(Object.keys(env).filter((name) => name.toUpperCase() === 'PATH')).toEqual(['PATH']);
    expect(Object.keys(env).filter((name) => name.toUpperCase() === 'WINDIR')).toEqual(['WINDIR']);
  });

  it('points HOME and USERPROFILE at the settings’ home, with the C locale', () => {
    expect(env).toMatchObject({
      HOME: 'C:\\Users\\ada\\hfgd-home',
      USERPROFILE: 'C:\\Users\\ada\\hfgd-home',
    });
    expect(env).toMatchObject({ LC_ALL: 'C', LANG: 'C' });
  });

  it('never passes HF_TOKEN, GIT_* or freedesktop variables', () => {
    expect(Object.keys(env).filter((name) => /^(HF_|GIT_)/i.test(name))).toEqual([]);
    expect(env.DBUS_SESSION_BUS_ADDRESS).toBeUndefined();
  });

  it('lets an extra variable replace any spelling of the inherited one', () => {
    // Node keeps only the first of two names that differ in case (sorted), so PATH would beat Path.
    const overridden = childEnv('C:\\h', WINDOWS_PARENT, { Path: 'C:\\only' }, 'win32');
    expect(Object.entries(overridden).filter(([name]) => name.toUpperCase() === 'PATH')).toEqual([
      ['Path', 'C:\\only'],
    ]);
  });
});

describe('childEnv on Linux', () => {
  const env = childEnv('/home/ada/hfgd', POSIX_PARENT, {}, 'linux');

  it('passes the session bus and the runtime folder, for libsecret and GCM', () => {
    // libsecret and GCM's secretservice store reach the keyring over the D-Bus session bus.
    expect(env).toMatchObject({
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus',
      XDG_RUNTIME_DIR: '/run/user/1000',
    });
  });

  it('passes no display by default, so OpenSSH never opens its own askpass window', () => {
    // openssh-portable readpass.c: with DISPLAY set and no terminal, read_passphrase() runs
    // SSH_ASKPASS or its compiled-in default.
    for (const name of ['DISPLAY', 'XAUTHORITY', 'WAYLAND_DISPLAY']) expect(env[name], name).toBeUndefined();
  });

  it('passes the display to a child that must prompt, when asked (displayEnv as extra)', () => {
    const prompting = childEnv('/home/ada/hfgd', POSIX_PARENT, displayEnv(POSIX_PARENT, 'linux'), 'linux');
    expect(prompting).toMatchObject({
      DISPLAY: ':0',
      XAUTHORITY: '/run/user/1000/gdm/Xauthority',
      WAYLAND_DISPLAY: 'wayland-0',
    });
    expect(displayEnv(POSIX_PARENT, 'darwin')).toEqual({});
    expect(displayEnv(POSIX_PARENT, 'win32')).toEqual({});
  });

  it('passes PATH, the agent and the user, with HOME at the settings’ home', () => {
    expect(env).toMatchObject({
      PATH: '/usr/bin:/bin',
      TMPDIR: '/tmp/ada',
      USER: 'ada',
      SSH_AUTH_SOCK: '/run/user/1000/ssh-agent.sock',
      HOME: '/home/ada/hfgd',
    });
    expect(env.USERPROFILE).toBeUndefined();
  });

  it('never passes HF_TOKEN, GIT_*, XDG_CONFIG_HOME or Windows variables', () => {
    expect(env.HF_TOKEN).toBeUndefined();
    expect(env.GIT_DIR).toBeUndefined();
    expect(env.XDG_CONFIG_HOME).toBeUndefined();
    expect(env.ProgramData).toBeUndefined();
  });

  it('matches names exactly (Path is not PATH on Linux)', () => {
    expect(childEnv('/h', { Path: '/nowhere' }, {}, 'linux').PATH).toBeUndefined();
    expect(readEnv({ Path: '/x' }, 'PATH', 'linux')).toBeUndefined();
    expect(readEnv({ Path: '/x' }, 'PATH', 'win32')).toBe('/x');
  });
});

describe('childEnv on macOS', () => {
  it('passes the common variables and no Windows or freedesktop ones', () => {
    const env = childEnv('/Users/ada/hfgd', POSIX_PARENT, {}, 'darwin');
    expect(env).toMatchObject({ PATH: '/usr/bin:/bin', TMPDIR: '/tmp/ada', HOME: '/Users/ada/hfgd' });
    expect(env.SSH_AUTH_SOCK).toBe('/run/user/1000/ssh-agent.sock');
    for (const name of [
      'DBUS_SESSION_BUS_ADDRESS',
      'XDG_RUNTIME_DIR',
      'DISPLAY',
      'ProgramData',
      'HF_TOKEN',
      'GIT_DIR',
    ])
      expect(env[name], name).toBeUndefined();
  });
});

describe('treeKill', () => {
  it('on Windows builds taskkill /T /F /PID from SystemRoot, never from PATH', () => {
    // Microsoft's taskkill reference: /T ends the process and any child processes started by it,
    // /F forcefully. Node's kill() on Windows ends only the one process (Git for Windows'
    // cmd\git.exe launcher), leaving mingw64\bin\git.exe and its git-lfs running.
    const plan = treeKill('win32', { SYSTEMROOT: 'D:\\Win' });
    expect(plan.kind).toBe('command');
    if (plan.kind !== 'command') return;
    expect(plan.detached).toBe(false);
    expect(plan.command).toBe('D:\\Win\\System32\\taskkill.exe');
    expect(plan.args(4242)).toEqual(['/T', '/F', '/PID', '4242']);
    const fallback = treeKill('win32', {});
    expect(fallback.kind === 'command' && fallback.command).toBe('C:\\Windows\\System32\\taskkill.exe');
  });

  it.each(['linux', 'darwin'] as const)('on %s signals the child’s own process group', (platform) => {
    expect(treeKill(platform, {})).toEqual({ kind: 'group', detached: true });
  });

  it('stops a grandchild on cancel, on whichever OS runs the test (the CI matrix runs all three)', async () => {
    // A Node parent that starts a Node grandchild and prints its pid, as git starts git-lfs.
    const parent = [
      "const c = require('node:child_process').spawn(process.execPath,",
      "['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });",
      'console.log(c.pid); setTimeout(() => {}, 30000);',
    ].join(' ');
    const controller = new AbortController();
    let grandchild = 0;
    const outcome = run(process.execPath, ['-e', parent], {
      env: childEnv(process.cwd(), process.env),
      timeoutMs: 20_000,
      signal: controller.signal,
      killTree: true,
      onOutput: (stream, text) => {
        if (stream !== 'stdout' || grandchild) return;
        grandchild = Number(text.trim());
        controller.abort();
      },
    });
    expect((await outcome).cancelled).toBe(true);
    expect(grandchild).toBeGreaterThan(0);
    const alive = (): boolean => {
      try {
        process.kill(grandchild, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 5_000 }).toBe(false);
  });
});
