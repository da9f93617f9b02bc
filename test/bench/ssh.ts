import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createSession } from '../../main/core/session';
import { childEnv, run } from '../../main/core/run';
import { resolveSettings } from '../../main/core/settings';
import { connectionTestArgs, testConnection } from '../../main/features/ssh/connection-test';
import { generateKey } from '../../main/features/ssh/generate-key';
import { pinHostKeys } from '../../main/features/ssh/known-hosts';
import { configureSsh } from '../../main/features/ssh/ssh-config';
import { startFakeHub } from '../fake-hub';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The service's `ssh -T` check (streaming, verdict) against a raw `ssh -T` with the same
 * arguments minus -v, same home, same fake hub, alternating; medians of `rounds` each.
 */
export async function benchSshT(rounds = 15): Promise<{ ratio: number; serviceMs: number; rawMs: number }> {
  const hub = await startFakeHub();
  const home = mkdtempSync(join(tmpdir(), 'hfgd-bench-ssh-'));
  try {
    const pinned = join(home, 'pinned');
    writeFileSync(pinned, `${hub.hostKey}\n`);
    const settings = resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_SSH_HOST: `127.0.0.1:${hub.sshPort}`,
      HFGD_HOST_KEYS: pinned,
    });
    const key = await generateKey(home, { name: 'id_ed25519', comment: 'bench', passphrase: null });
    hub.addKey('alice', key.publicKey ?? '');
    await pinHostKeys(settings, false);
    await configureSsh(settings, 'id_ed25519');
    const session = createSession({});
    const rawArgs = connectionTestArgs(settings, 10).filter((arg) => arg !== '-v');
    // The very environment testConnection builds: no agent (the session has none), HOME = temp.
    const env = childEnv(settings.home, process.env, { SSH_AUTH_SOCK: session.sshAuthSock });
    const service: number[] = [];
    const raw: number[] = [];
    const timeService = async (): Promise<number> => {
      const started = performance.now();
      const verdict = await testConnection(settings, session);
      if (verdict.kind !== 'authenticated') throw new Error(`bench setup failed: ${verdict.kind}`);
      return performance.now() - started;
    };
    const timeRaw = async (): Promise<number> => {
      const started = performance.now();
      const plain = await run('ssh', rawArgs, { env, timeoutMs: 30_000 });
      if (!plain.stdout.includes('Hi alice')) throw new Error(`raw ssh failed: ${plain.stderr}`);
      return performance.now() - started;
    };
    await timeService();
    await timeRaw();
    // Alternate which goes first, so neither always runs on a warmer machine.
    for (let round = 0; round < rounds; round += 1) {
      if (round % 2 === 0) {
        service.push(await timeService());
        raw.push(await timeRaw());
      } else {
        raw.push(await timeRaw());
        service.push(await timeService());
      }
    }
    return { ratio: median(service) / median(raw), serviceMs: median(service), rawMs: median(raw) };
  } finally {
    await hub.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

/** The main event loop's longest stall (ms) while a passphrase-protected key is generated. */
export async function keygenStallMs(): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'hfgd-bench-keygen-'));
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  try {
    histogram.enable();
    await generateKey(home, { name: 'id_ed25519', comment: 'bench', passphrase: 'a long bench passphrase' });
    histogram.disable();
    return histogram.max / 1e6;
  } finally {
    histogram.disable();
    rmSync(home, { recursive: true, force: true });
  }
}
