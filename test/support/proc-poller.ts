import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// Watches every process on the machine for a secret: a separate poller process (so it keeps
// polling while the test's own thread is busy) reads every /proc/PID/cmdline and
// /proc/PID/environ every 5 ms and appends each hit to a file. It gets the secret on stdin (an
// argument or variable would itself be a leak). `positiveControl` proves it sees a secret put in
// a `sleep`'s argv and environment, so a quiet poller means something.

const POLLER = `
const fs = require('node:fs');
const hitsFile = process.argv[1];
let secret = '';
let scans = 0;
const seen = new Set();
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { secret += d; });
process.stdin.on('end', () => {
  const needle = Buffer.from(secret, 'utf8');
  const scan = () => {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(pid) || Number(pid) === process.pid) continue;
      for (const part of ['cmdline', 'environ']) {
        let bytes;
        try { bytes = fs.readFileSync('/proc/' + pid + '/' + part); } catch { continue; }
        if (!bytes.includes(needle)) continue;
        const key = part + ':' + pid;
        if (seen.has(key)) continue;
        seen.add(key);
        let comm = '?';
        try { comm = fs.readFileSync('/proc/' + pid + '/comm', 'utf8').trim(); } catch {}
        fs.appendFileSync(hitsFile, JSON.stringify({ part, pid: Number(pid), comm }) + '\\n');
      }
    }
    scans += 1;
  };
  const timer = setInterval(scan, 5);
  process.on('message', (m) => {
    if (m === 'scans') process.send({ scans });
    if (m === 'stop') { clearInterval(timer); process.exit(0); }
  });
  scan();
  process.send({ scans });
});
`;

/** Why: one place a secret was seen. */
export interface Hit {
  readonly part: 'cmdline' | 'environ';
  readonly pid: number;
  readonly comm: string;
}

/** Why: a running poller and the questions a leak test asks it. */
export interface ProcPoller {
  /** Hits from anything but the positive control. */
  realHits(): Hit[];
  /** Runs one phase and reports how many scans the poller made meanwhile (plus a few after). */
  watched<T>(phase: () => Promise<T>): Promise<{ value: T; scansDuring: number }>;
  /** Starts a `sleep 2` with the secret in argv and environment and waits until both are seen. */
  positiveControl(): Promise<Array<'cmdline' | 'environ'>>;
  stop(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why: starts watching for `secret`; resolves once the first scan is done. */
export async function startProcPoller(secret: string, hitsFile: string): Promise<ProcPoller> {
  writeFileSync(hitsFile, '');
  let controlPid = -1;
  const poller: ChildProcess = spawn(process.execPath, ['-e', POLLER, hitsFile], {
    stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
    env: { PATH: process.env.PATH },
  });
  const ready = new Promise((resolve) => poller.once('message', resolve));
  poller.stdin?.end(secret);
  await ready;

  const hits = (): Hit[] =>
    existsSync(hitsFile)
      ? readFileSync(hitsFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Hit)
      : [];
  const scans = (): Promise<number> =>
    new Promise((resolve) => {
      poller.once('message', (message) => resolve((message as { scans: number }).scans));
      poller.send('scans');
    });

  return {
    realHits: () => hits().filter((hit) => hit.pid !== controlPid),
    async watched(phase) {
      const before = await scans();
      const value = await phase();
      await sleep(40);
      return { value, scansDuring: (await scans()) - before };
    },
    async positiveControl() {
      const exposed = spawn('sleep', ['2'], {
        argv0: `sleep ${secret}`,
        env: { PATH: process.env.PATH, CANARY: secret },
        stdio: 'ignore',
      });
      controlPid = exposed.pid ?? -1;
      const gone = new Promise((resolve) => exposed.once('exit', resolve));
      const deadline = Date.now() + 1500;
      const seen = () =>
        new Set(
          hits()
            .filter((hit) => hit.pid === controlPid)
            .map((hit) => hit.part),
        );
      while (seen().size < 2 && Date.now() < deadline) await sleep(5);
      exposed.kill();
      await gone;
      await sleep(30);
      return [...seen()].sort();
    },
    stop() {
      if (poller.connected) poller.send('stop');
      poller.kill();
    },
  };
}
