import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckId, CheckItem } from '../../../../preload/contract';
import { spawnCounter } from '../../../../main/core/run';
import { fixFor, runMachineCheck } from '../../../../main/features/machine-check/check';
import { findExecutable } from '../../../../main/core/find-executable';
import { DEBIAN_OS_RELEASE, makeKey, spawnSpy, startAgent, tempFolders, writeScript } from './helpers';

const ORDER: readonly CheckId[] = [
  'ssh',
  'ssh-keygen',
  'ssh-add',
  'git',
  'git-lfs',
  'git-xet',
  'ssh-agent',
  'ssh-folder',
  'git-identity',
];
const REAL_PATH = process.env.PATH ?? '';
const FEDORA_OS_RELEASE =
  'NAME="Fedora Linux"\nVERSION="40 (Workstation Edition)"\nID=fedora\nVERSION_ID=40\n';

const temp = tempFolders();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  temp.cleanup();
});

function byId(items: readonly CheckItem[]): Record<CheckId, CheckItem> {
  return Object.fromEntries(items.map((item) => [item.id, item])) as Record<CheckId, CheckItem>;
}

function homeWithIdentity(): string {
  const home = temp.make('hfgd-mc-home-');
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n');
  return home;
}

/** Kills a stub's process by the pid it wrote, if it is still alive; true when it had to. */
function killIfAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

describe('runMachineCheck on this machine', () => {
  it('finds ssh, git and git-lfs with the versions they report themselves', async () => {
    const home = homeWithIdentity();
    const spy = spawnSpy();
    cleanups.push(spy.restore);
    const before = spawnCounter.count;
    const report = await runMachineCheck({
      home,
      env: { PATH: REAL_PATH, HOME: home },
      osRelease: DEBIAN_OS_RELEASE,
    });
    const spawned = spawnCounter.count - before;
    spy.restore();

    const sshBanner = spawnSync('ssh', ['-V'], { encoding: 'utf8' }).stderr;
    const sshVersion = /OpenSSH_([^\s,]+)/.exec(sshBanner)?.[1];
    const gitVersion = /git version (\d+\.\d+\.\d+)/.exec(
      execFileSync('git', ['--version'], { encoding: 'utf8' }),
    )?.[1];
    const lfsVersion = /git-lfs\/(\S+)/.exec(
      execFileSync('git', ['lfs', 'version'], { encoding: 'utf8' }),
    )?.[1];
    expect(sshVersion).toBeDefined();
    expect(gitVersion).toBeDefined();
    expect(lfsVersion).toBeDefined();
    expect(await findExecutable('git-xet', process.env)).toBeUndefined();

    expect(report.os).toBe('debian');
    expect(report.items.map((item) => item.id)).toEqual(ORDER);
    const items = byId(report.items);
    expect(items.ssh).toMatchObject({ status: 'ok', summary: `SSH (OpenSSH ${sshVersion}) is installed.` });
    expect(items.ssh.detail).toContain(await findExecutable('ssh', process.env));
    expect(items['ssh-keygen']).toMatchObject({
      status: 'ok',
      summary: `ssh-keygen, the tool that makes and reads SSH keys, is installed (OpenSSH ${sshVersion}).`,
      detail: await findExecutable('ssh-keygen', process.env),
    });
    expect(items['ssh-add']).toMatchObject({
      status: 'ok',
      detail: await findExecutable('ssh-add', process.env),
    });
    expect(items.git).toEqual(
      expect.objectContaining({
        status: 'ok',
        summary: `Git ${gitVersion} is installed.`,
        detail: await findExecutable('git', process.env),
      }),
    );
    expect(items['git-lfs']).toMatchObject({ status: 'ok', summary: `Git LFS ${lfsVersion} is installed.` });
    expect(items['git-xet']).toMatchObject({
      status: 'ok',
      optional: true,
      summary:
        'Optional: Git Xet makes uploads and downloads of large files faster. Without it, Git LFS does the same work.',
      fix: fixFor('git-xet-missing', 'debian'),
    });
    expect(items['ssh-agent']).toMatchObject({ status: 'ok' });
    expect(items['ssh-agent']?.fix).toBeUndefined();
    expect(items['ssh-folder']).toMatchObject({ status: 'ok', detail: join(home, '.ssh') });
    expect(items['git-identity']).toEqual(
      expect.objectContaining({
        status: 'ok',
        summary: 'Your commits will be made as Ada Lovelace <ada@example.com>.',
      }),
    );
    expect(items['git-identity'].fix).toBeUndefined();
    for (const item of report.items) {
      expect(item.durationMs).toBeGreaterThanOrEqual(0);
      expect(item.durationMs).toBeLessThanOrEqual(report.durationMs);
    }
    expect(Number.isNaN(Date.parse(report.startedAt))).toBe(false);

    // ssh -V, git --version, git lfs version, git config; no agent, no git-xet: four.
    expect(spawned).toBe(4);
    expect(spy.calls).toHaveLength(4);
  });

  it('says git is not installed, with the Debian or Fedora fix, when PATH holds only a stub folder', async () => {
    const stubs = temp.make('hfgd-mc-stubs-');
    writeScript(stubs, 'unrelated-tool', 'exit 0');
    const home = temp.make();
    const before = spawnCounter.count;
    const debian = byId(
      (await runMachineCheck({ home, env: { PATH: stubs }, osRelease: DEBIAN_OS_RELEASE })).items,
    );
    expect(spawnCounter.count - before).toBe(0);
    expect(debian.git).toMatchObject({
      status: 'error',
      summary: 'Git is not installed, so the app cannot download or upload your repositories.',
      fix: 'Open a terminal and run:\nsudo apt install git',
    });
    expect(debian['git-lfs']).toMatchObject({
      status: 'error',
      fix: 'Open a terminal and run:\nsudo apt install git-lfs\ngit lfs install',
    });
    expect(debian.ssh).toMatchObject({
      status: 'error',
      fix: 'Open a terminal and run:\nsudo apt install openssh-client',
    });
    expect(debian['ssh-keygen'].status).toBe('error');
    expect(debian['ssh-add'].status).toBe('warn');

    const fedora = byId(
      (await runMachineCheck({ home, env: { PATH: stubs }, osRelease: FEDORA_OS_RELEASE })).items,
    );
    expect(fedora.git.fix).toBe('Open a terminal and run:\nsudo dnf install git');
    expect(fedora['git-lfs'].fix).toBe('Open a terminal and run:\nsudo dnf install git-lfs\ngit lfs install');
  });

  it('reports a git-lfs that hangs as not answering, while the rest of the report comes back', async () => {
    const stubs = temp.make('hfgd-mc-stubs-');
    const pidFile = join(stubs, 'git-lfs.pid');
    writeScript(stubs, 'git-lfs', `echo $$ > ${pidFile}\nexec /bin/sleep 600`);
    cleanups.push(() => void killIfAlive(pidFile));
    const home = homeWithIdentity();
    const emitted: { readonly id: CheckId; readonly at: number }[] = [];
    const started = performance.now();
    const report = await runMachineCheck({
      home,
      env: { PATH: `${stubs}${delimiter}${REAL_PATH}` },
      osRelease: DEBIAN_OS_RELEASE,
      timeoutMs: 1500,
      onItem: (item) => emitted.push({ id: item.id, at: performance.now() - started }),
    });
    const elapsed = performance.now() - started;
    const items = byId(report.items);

    expect(items['git-lfs']).toEqual({
      id: 'git-lfs',
      title: 'Git LFS (large files)',
      status: 'error',
      summary: 'Git LFS did not answer within 1.5 seconds.',
      fix: fixFor('probe-timeout', 'debian'),
      durationMs: expect.any(Number),
    });
    // run()'s own timeout ended it, not the runner's backstop two seconds later.
    expect(items['git-lfs'].durationMs).toBeGreaterThanOrEqual(1400);
    expect(items['git-lfs'].durationMs).toBeLessThan(3000);
    expect(elapsed).toBeLessThan(3000);
    for (const id of ORDER.filter((other) => other !== 'git-lfs' && other !== 'ssh-agent')) {
      expect(items[id].status, id).toBe('ok');
    }
    // Live: everything else was announced long before the hung probe gave up.
    expect(emitted.at(-1)?.id).toBe('git-lfs');
    for (const event of emitted.slice(0, -1)) expect(event.at).toBeLessThan(1400);
    // run() killed git, and git took its git-lfs child with it.
    expect(report.items.map((item) => item.id)).toEqual(ORDER);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(killIfAlive(pidFile)).toBe(false);
  });

  it('still answers when a hung program leaves a child holding its output open', async () => {
    // git is killed on time, but the orphaned sleep keeps the pipes open, so run() never sees
    // them close: the runner's deadline (timeout + 2 s) is what ends this probe.
    const stubs = temp.make('hfgd-mc-stubs-');
    const pidFile = join(stubs, 'orphan.pid');
    writeScript(stubs, 'git-lfs', `/bin/sleep 600 &\necho $! > ${pidFile}\nwait`);
    cleanups.push(() => void killIfAlive(pidFile));
    const started = performance.now();
    const report = await runMachineCheck({
      home: homeWithIdentity(),
      env: { PATH: `${stubs}${delimiter}${REAL_PATH}` },
      osRelease: DEBIAN_OS_RELEASE,
      timeoutMs: 1000,
    });
    const elapsed = performance.now() - started;
    expect(byId(report.items)['git-lfs']).toMatchObject({
      status: 'error',
      summary: 'Git LFS did not answer within 1 second.',
    });
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(5000);
    expect(byId(report.items).git.status).toBe('ok');
  });

  it('stops when cancelled, and says so', async () => {
    const stubs = temp.make('hfgd-mc-stubs-');
    const pidFile = join(stubs, 'git-lfs.pid');
    writeScript(stubs, 'git-lfs', `echo $$ > ${pidFile}\nexec /bin/sleep 600`);
    cleanups.push(() => void killIfAlive(pidFile));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const report = await runMachineCheck({
      home: temp.make(),
      env: { PATH: `${stubs}${delimiter}${REAL_PATH}` },
      osRelease: DEBIAN_OS_RELEASE,
      signal: controller.signal,
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(byId(report.items)['git-lfs']).toMatchObject({
      status: 'error',
      summary: 'The check was stopped before this finished.',
    });
    expect(byId(report.items).git.status).toBe('ok');
  });

  it('calls onItem once per item, with the items the report holds', async () => {
    const seen: CheckItem[] = [];
    const report = await runMachineCheck({
      home: homeWithIdentity(),
      env: { PATH: REAL_PATH },
      osRelease: DEBIAN_OS_RELEASE,
      onItem: (item) => seen.push(item),
    });
    expect(seen).toHaveLength(ORDER.length);
    expect([...seen.map((item) => item.id)].sort()).toEqual([...ORDER].sort());
    for (const item of seen) expect(report.items).toContainEqual(item);
  });

  it('keeps the report when an onItem listener throws', async () => {
    const report = await runMachineCheck({
      home: temp.make(),
      env: { PATH: REAL_PATH },
      osRelease: DEBIAN_OS_RELEASE,
      onItem: () => {
        throw new Error('window closed');
      },
    });
    expect(report.items.map((item) => item.id)).toEqual(ORDER);
  });

  it('spawns six processes at most, counted by spawnCounter and by child_process itself', async () => {
    const folder = temp.make('hfgd-mc-agent-');
    const agent = await startAgent(folder);
    cleanups.push(agent.stop);
    const key = makeKey(folder, 'budget@example.org');
    execFileSync('ssh-add', [key], {
      env: { PATH: REAL_PATH, SSH_AUTH_SOCK: agent.socket },
      stdio: 'ignore',
    });
    const stubs = temp.make('hfgd-mc-stubs-');
    writeScript(stubs, 'git-xet', 'echo "git-xet 0.2.0"');

    const spy = spawnSpy();
    cleanups.push(spy.restore);
    const before = spawnCounter.count;
    const report = await runMachineCheck({
      home: homeWithIdentity(),
      env: { PATH: `${stubs}${delimiter}${REAL_PATH}`, SSH_AUTH_SOCK: agent.socket },
      osRelease: DEBIAN_OS_RELEASE,
    });
    const counted = spawnCounter.count - before;
    spy.restore();

    const items = byId(report.items);
    expect(items['git-xet']).toMatchObject({ status: 'ok', summary: 'Git Xet 0.2.0 is installed.' });
    expect(items['ssh-agent']).toMatchObject({
      status: 'ok',
      summary: 'The SSH agent is running with 1 key loaded.',
    });
    expect(items['git-identity'].status).toBe('ok');
    expect(counted).toBe(6);
    expect(spy.calls).toHaveLength(6);
    expect(spy.calls.map((call) => call.split(' ').slice(1).join(' ')).sort()).toEqual(
      [
        '--version',
        '--version',
        '-V',
        '-l',
        'config --list --show-origin --null --global',
        'lfs version',
      ].sort(),
    );
  });
});
