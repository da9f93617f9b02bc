import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from '../../main/core/run';
import { approveToken } from '../../main/features/https/credentials';
import { gitContext } from '../../main/git/environment';
import { agentCommand } from '../../main/git/lfs-agent-command';
import { enableLargeFiles } from '../../main/git/lfs-multipart-config';
import { ALICE_WRITE_TOKEN, startFakeHub } from '../fake-hub';
import { lfsObjectFile, memoryOf, placeLfsObject } from './big-lfs-file';

// multipart_push_ratio: one large LFS file pushed by git through the app's multipart agent (the
// built out/main/lfs-agent.js, as browser mode runs it) to the fake hub, over the same bytes PUT
// by curl to the same hub (a basic upload) in the same run; multipart_agent_rss_mb: the agents'
// peak RSS (/proc/PID/status VmHWM, Linux). Size: HFGD_BENCH_MULTIPART_BYTES (default 6 GB). The
// file is written once, straight into the clone's LFS store, so the disk holds it three times
// (the clone's copy and the hub's two), and every file is deleted at the end.

const ROOT = join(__dirname, '..', '..');
const AGENT_SCRIPT = join(ROOT, 'out', 'main', 'lfs-agent.js');

/** Why: the two figures, or the reason they were skipped. */
export type MultipartBench =
  | {
      readonly kind: 'measured';
      readonly bytes: number;
      readonly agentMs: number;
      readonly curlMs: number;
      readonly rssMb: number;
    }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Peak RSS in MB of the agent processes seen while `during` runs (sampled every 100 ms). */
async function peakAgentRss<T>(during: Promise<T>): Promise<{ value: T; rssMb: number }> {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, memoryOf(AGENT_SCRIPT, 'VmHWM'));
  };
  const timer = setInterval(sample, 100);
  try {
    const value = await during;
    return { value, rssMb: Math.round(peak * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}

function curlPut(url: string, authorization: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-T',
      file,
      '-H',
      `Authorization: ${authorization}`,
      url,
    ]);
    let out = '';
    child.stdout.on('data', (text: Buffer) => (out += text.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(Number(out)));
  });
}

/** Why: the benchmark; skipped with a reason when the disk, curl, Linux or the built agent is missing. */
export async function benchMultipart(
  bytes = Number(process.env.HFGD_BENCH_MULTIPART_BYTES ?? 6 * 1000 ** 3),
): Promise<MultipartBench> {
  if (process.platform !== 'linux')
    return { kind: 'skipped', reason: 'peak RSS is read from /proc (Linux only)' };
  if (!existsSync(AGENT_SCRIPT))
    return { kind: 'skipped', reason: `${AGENT_SCRIPT} is missing: run npx electron-vite build` };
  const { bavail, bsize } = statfsSync(tmpdir());
  const needed = 3 * bytes + 512 * 1024 * 1024;
  if (bavail * bsize < needed)
    return {
      kind: 'skipped',
      reason: `needs ${(needed / 1e9).toFixed(1)} GB free in ${tmpdir()}, has ${((bavail * bsize) / 1e9).toFixed(1)} GB`,
    };
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-multipart-'));
  const hub = await startFakeHub({ lfsMaxBytes: Math.floor(bytes / 2) });
  try {
    const home = join(root, 'home');
    mkdirSync(home);
    const env = { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
    const git = async (cwd: string, args: readonly string[]) => {
      const out = await run('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], {
        cwd,
        env,
        timeoutMs: 3_600_000,
      });
      if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
    };
    writeFileSync(join(home, '.gitconfig'), '[credential]\n\thelper = store\n');
    await git(home, ['lfs', 'install']);
    await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN, {
      PATH: process.env.PATH,
    });
    hub.createRepo('alice/big');
    hub.createRepo('alice/big-curl');
    const work = join(root, 'work');
    await git(root, ['clone', '--quiet', `${hub.httpUrl}/alice/big`, work]);
    // The object goes straight into the clone's LFS store and a pointer is committed: no second copy.
    await git(work, ['lfs', 'track', '*.bin']);
    const oid = placeLfsObject(work, 'model.bin', bytes);
    await git(work, ['add', '.']);
    await git(work, ['commit', '--quiet', '-m', 'big']);
    await enableLargeFiles(
      gitContext({ home }, env),
      work,
      agentCommand('linux', process.execPath, false, ROOT),
    );

    const started = performance.now();
    const { rssMb } = await peakAgentRss(git(work, ['push', '--quiet', 'origin', 'HEAD:main']));
    const agentMs = performance.now() - started;
    if (!hub.lfsObject('alice/big', oid)) throw new Error('the hub does not hold the object after the push');

    // curl: a basic upload action for the same bytes (an offer of "xet" alone is served over basic).
    const batch = await fetch(`${hub.httpUrl}/alice/big-curl.git/info/lfs/objects/batch`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`alice:${ALICE_WRITE_TOKEN}`).toString('base64')}` },
      body: JSON.stringify({
        operation: 'upload',
        transfers: ['basic', 'xet'],
        objects: [{ oid, size: bytes }],
      }),
    });
    const action = (
      (await batch.json()) as {
        objects: { actions: { upload: { href: string; header: { Authorization: string } } } }[];
      }
    ).objects[0]!.actions.upload;
    const curlStarted = performance.now();
    const status = await curlPut(action.href, action.header.Authorization, lfsObjectFile(work, oid));
    const curlMs = performance.now() - curlStarted;
    if (status !== 200) throw new Error(`curl's PUT answered ${status}`);
    return { kind: 'measured', bytes, agentMs, curlMs, rssMb };
  } finally {
    await hub.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Why: the two rows of the bench table (or one line saying why not). */
export async function multipartFigures(): Promise<
  Record<string, { value: number; unit: string; goal: string }>
> {
  const result = await benchMultipart();
  if (result.kind === 'skipped') {
    console.log(`multipart_push_ratio, multipart_agent_rss_mb: skipped: ${result.reason}`);
    return {};
  }
  const size = `${(result.bytes / 1e9).toFixed(2)} GB`;
  return {
    multipart_push_ratio: {
      value: Math.round((result.agentMs / result.curlMs) * 100) / 100,
      unit: `ratio (git push through the multipart agent ${(result.agentMs / 1000).toFixed(1)} s / curl PUT ${(result.curlMs / 1000).toFixed(1)} s, ${size}, same fake hub)`,
      goal: '<= 1.15',
    },
    multipart_agent_rss_mb: {
      value: result.rssMb,
      unit: `MB (peak RSS of the agent processes, ${size})`,
      goal: '<= 150',
    },
  };
}

if (process.argv[1]?.endsWith('multipart.ts'))
  void multipartFigures().then((figures) => console.log(figures));
