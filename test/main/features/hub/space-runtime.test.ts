import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpaceStage } from '../../../../preload/contract';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';
import { hubWorld, type HubWorld } from './hub-world';

// A Space after a push, as the screen asks it again and again until it settles: created through
// the API (only the Hub's .gitattributes and README: no app file yet), then an app file pushed
// with real git, building, running; and a failure with the Hub's words and the logs' link.

let hub: FakeHub;
let w: HubWorld;

beforeAll(async () => {
  hub = await startFakeHub();
  w = hubWorld(hub, { HF_TOKEN: ALICE_WRITE_TOKEN });
  await w.saveForGit('alice', ALICE_WRITE_TOKEN);
});
afterAll(async () => {
  w.dispose();
  await hub.stop();
});

/** Asks as the screen does until the stage settles (at most `max` times); the stages seen, in order. */
async function stagesUntilSettled(space: string, max = 10): Promise<SpaceStage[]> {
  const seen: SpaceStage[] = [];
  for (let asked = 0; asked < max; asked += 1) {
    const runtime = await w.call('spaceRuntime', { space });
    if (!runtime.ok) throw new Error(runtime.error.message);
    seen.push(runtime.value.stage);
    if (runtime.value.settled) break;
  }
  return seen;
}

describe('spaceRuntime', () => {
  it('follows a new Space from no app file through its build to running', async () => {
    const made = await w.call('createHubRepo', {
      kind: 'space',
      namespace: 'alice',
      name: 'demo',
      private: false,
      sdk: 'gradio',
    });
    expect(made.ok).toBe(true);
    const first = await w.call('spaceRuntime', { space: 'alice/demo' });
    expect(first.ok && first.value).toMatchObject({
      space: 'alice/demo',
      stage: 'NO_APP_FILE',
      settled: true,
      url: `${hub.httpUrl}/spaces/alice/demo`,
      logsUrl: `${hub.httpUrl}/spaces/alice/demo?logs=container`,
    });
    expect(first.ok && first.value.message).toMatch(/app\.py/);

    const work = join(w.home, 'demo');
    expect((await w.git(w.home, ['clone', '--quiet', `${hub.httpUrl}/spaces/alice/demo`, work])).status).toBe(
      0,
    );
    writeFileSync(join(work, 'app.py'), 'import gradio as gr\n');
    await w.git(work, ['add', '-A']);
    await w.git(work, ['commit', '--quiet', '-m', 'Add the app']);
    const pushed = await w.git(work, ['push', '--quiet', 'origin', 'HEAD:main']);
    expect(pushed.status, pushed.out).toBe(0);

    const stages = await stagesUntilSettled('spaces/alice/demo');
    expect(stages.at(-1)).toBe('RUNNING');
    expect(stages[0]).toBe('BUILDING');
    expect(stages.slice(0, -1).every((stage) => stage === 'BUILDING')).toBe(true);
  });

  it('stops at a failure, with the Hub’s words and the logs', async () => {
    hub.setSpaceStage('spaces/alice/demo', 'RUNTIME_ERROR', 'Exit code: 1. Reason: ModuleNotFoundError');
    const failed = await w.call('spaceRuntime', { space: 'alice/demo' });
    expect(failed.ok && failed.value).toMatchObject({
      stage: 'RUNTIME_ERROR',
      settled: true,
      errorMessage: 'Exit code: 1. Reason: ModuleNotFoundError',
      logsUrl: `${hub.httpUrl}/spaces/alice/demo?logs=container`,
    });
    expect(failed.ok && failed.value.message).toContain('ModuleNotFoundError');
    hub.setSpaceStage('spaces/alice/demo', 'BUILD_ERROR');
    const build = await w.call('spaceRuntime', { space: 'alice/demo' });
    expect(build.ok && build.value.logsUrl).toBe(`${hub.httpUrl}/spaces/alice/demo?logs=build`);
    expect(JSON.stringify([failed, build])).not.toContain(ALICE_WRITE_TOKEN);
  });

  it('says a name that is not a Space’s, and a Space that is not there', async () => {
    const bad = await w.call('spaceRuntime', { space: 'not a space' });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const missing = await w.call('spaceRuntime', { space: 'alice/no-such-space' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });
});
