import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as RunModule from '../../../../main/core/run';
import { startFakeHub, type FakeHub } from '../../../fake-hub';
import { startProcPoller, type ProcPoller } from '../../../support/proc-poller';
import { httpsWorld, type HttpsWorld } from './hub-fixture';
import { PROCFS } from '../../../support/platform';

// The token must reach nothing but whoami's Authorization header and the one
// `git credential approve` stdin: no command line or environment of any process (the /proc
// poller watches them all), no reply to the renderer beyond its masked form, nothing printed.
//
// `run` is wrapped, not replaced: every child still runs for real; the wrapper only records what
// each was given, so the test can say which call carried the token on stdin.
const runCalls = vi.hoisted(
  () => [] as Array<{ command: string; args: readonly string[]; input?: string; env: NodeJS.ProcessEnv }>,
);
vi.mock('../../../../main/core/run', async (importOriginal) => {
  const actual = await importOriginal<typeof RunModule>();
  return {
    ...actual,
    run: (command: string, args: readonly string[], options: Parameters<typeof actual.run>[2]) => {
      runCalls.push({ command, args, env: options.env, ...(options.input ? { input: options.input } : {}) });
      return actual.run(command, args, options);
    },
  };
});

// A real-length token, new each run, so a hit can only come from this test.
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = `hf_${[...randomBytes(34)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
let hub: FakeHub;
let w: HttpsWorld;
let poller: ProcPoller;
let printed = '';
const originalWrite = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  if (!PROCFS) return;
  hub = await startFakeHub({
    users: [{ name: 'leaky', tokens: [{ value: token, displayName: 'leak-test', role: 'write' }] }],
    webUser: 'leaky',
  });
  hub.createRepo('leaky/model');
  w = httpsWorld(hub);
  poller = await startProcPoller(token, join(w.home, '..', `${w.home.split('/').pop()}-hits.jsonl`));
  // Everything the app prints while the test runs is kept and searched.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    printed += String(chunk);
    return originalWrite.out(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    printed += String(chunk);
    return originalWrite.err(chunk, ...rest);
  }) as typeof process.stderr.write;
});

afterAll(async () => {
  process.stdout.write = originalWrite.out;
  process.stderr.write = originalWrite.err;
  poller?.stop();
  w?.dispose();
  await hub?.stop();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
}

// Linux only: the poller reads every process's cmdline and environ in /proc (PROCFS).
describe.skipIf(!PROCFS)('the access token does not leak (Linux: /proc)', () => {
  it('positive control: the poller sees the token in a `sleep 2` argv and environment', async () => {
    expect(await poller.positiveControl()).toEqual(['cmdline', 'environ']);
    expect(poller.realHits()).toEqual([]);
  });

  it('checking it: the reply carries the masked form only', async () => {
    const { value, scansDuring } = await poller.watched(() => w.call('checkToken', { token: `${token}\n` }));
    expect(value).toMatchObject({ ok: true, value: { account: 'leaky', masked: `hf_…${token.slice(-4)}` } });
    expect(JSON.stringify(value)).not.toContain(token);
    expect(JSON.stringify(value)).not.toContain(token.slice(3, 20));
    expect(scansDuring).toBeGreaterThanOrEqual(3);
    expect(poller.realHits()).toEqual([]);
  });

  it('saving it: one `git credential approve` stdin carries it, nothing else', async () => {
    const checked = await w.call('checkToken', { token });
    if (!checked.ok) throw new Error('check failed');
    runCalls.length = 0;
    const { value, scansDuring } = await poller.watched(() =>
      w.call('storeToken', { ref: checked.value.ref, allowPlaintext: true }),
    );
    expect(value.ok).toBe(true);
    expect(JSON.stringify(value)).not.toContain(token);
    expect(scansDuring).toBeGreaterThanOrEqual(3);
    const carrying = runCalls.filter((call) => call.input?.includes(token));
    expect(carrying.map((call) => [call.command, ...call.args])).toEqual([['git', 'credential', 'approve']]);
    for (const call of runCalls) {
      expect(call.args.join(' ')).not.toContain(token);
      expect(JSON.stringify(call.env)).not.toContain(token);
    }
    expect(poller.realHits()).toEqual([]);
  });

  it('using it: a push, a repo check with the token pasted in a remote, and the cleanup stay clean', async () => {
    const host = new URL(hub.httpUrl).host;
    const work = join(w.home, 'model');
    expect((await w.git(w.home, ['clone', '--quiet', `${hub.httpUrl}/leaky/model`, work])).status).toBe(0);
    await w.git(work, ['commit', '--quiet', '--allow-empty', '-m', 'x']);
    // The user's leak, written straight into the config (any git command would put it on a command line).
    const config = join(work, '.git', 'config');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(`url = ${hub.httpUrl}/`, `url = http://leaky:${token}@${host}/`),
    );
    runCalls.length = 0;
    const { value, scansDuring } = await poller.watched(async () => [
      await w.call('checkRepo', { path: work }),
      // Refused: pushing through that address would put the token on git-remote-http's command line.
      await w.call('tryPush', { path: work, remote: 'origin', dryRun: false }),
      await w.call('cleanRemote', { path: work, remote: 'origin' }),
      await w.call('tryPush', { path: work, remote: 'origin', dryRun: false }),
    ]);
    expect(value.map((result) => result.ok)).toEqual([true, false, true, true]);
    expect(value[1]).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(value[3]).toMatchObject({ ok: true, value: { kind: 'ok' } });
    expect(JSON.stringify(value)).not.toContain(token);
    expect(JSON.stringify(value)).toContain(`http://leaky:***@${host}/leaky/model`);
    expect(scansDuring).toBeGreaterThanOrEqual(3);
    expect(runCalls.filter((call) => call.input?.includes(token))).toEqual([]);
    expect(runCalls.some((call) => call.args.includes('push'))).toBe(true);
    expect(poller.realHits()).toEqual([]);
  });

  it('forgetting it: gone from the helper, and from every file the app or git wrote', async () => {
    expect(readFileSync(join(w.home, '.git-credentials'), 'utf8')).toContain(token);
    expect(await w.call('forgetToken', null)).toEqual({ ok: true, value: { forgotten: true } });
    for (const file of filesUnder(w.home)) {
      if (file.endsWith('-hits.jsonl')) continue;
      expect(readFileSync(file).includes(Buffer.from(token)), file).toBe(false);
    }
    expect(existsSync(join(w.home, 'data'))).toBe(false);
    expect(poller.realHits()).toEqual([]);
  });

  it('nothing the app printed meanwhile contains it', () => {
    expect(printed).not.toContain(token);
  });
});
