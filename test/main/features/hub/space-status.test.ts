import { describe, expect, it } from 'vitest';
import { spaceRuntimeView } from '../../../../main/features/hub/space-status';
import type { SpaceStage } from '../../../../preload/contract';

// Every stage of huggingface_hub's SpaceStage in words, whether the screen stops asking, and the
// Space page's own log tabs (`?logs=build` while building, `?logs=container` otherwise).

const endpoint = 'https://huggingface.co';
const view = (stage: SpaceStage, errorMessage: string | null = null) =>
  spaceRuntimeView(endpoint, 'alice/demo', { stage, hardware: 'cpu-basic', errorMessage });

describe('spaceRuntimeView', () => {
  it('keeps asking while the Space builds or starts, and stops once it runs or fails', () => {
    const moving: SpaceStage[] = ['BUILDING', 'APP_STARTING', 'RUNNING_BUILDING'];
    const settled: SpaceStage[] = [
      'NO_APP_FILE',
      'CONFIG_ERROR',
      'BUILD_ERROR',
      'RUNNING',
      'RUNTIME_ERROR',
      'PAUSED',
      'STOPPED',
      'SLEEPING',
      'UNKNOWN',
    ];
    for (const stage of moving) expect(view(stage).settled, stage).toBe(false);
    for (const stage of settled) expect(view(stage).settled, stage).toBe(true);
    const messages = new Set([...moving, ...settled].map((stage) => view(stage).message));
    expect(messages.size).toBe(moving.length + settled.length);
  });

  it('links the Space, its build logs while building and its container logs otherwise', () => {
    expect(view('BUILDING')).toMatchObject({
      url: 'https://huggingface.co/spaces/alice/demo',
      logsUrl: 'https://huggingface.co/spaces/alice/demo?logs=build',
    });
    expect(view('BUILD_ERROR').logsUrl).toBe('https://huggingface.co/spaces/alice/demo?logs=build');
    expect(view('RUNTIME_ERROR').logsUrl).toBe('https://huggingface.co/spaces/alice/demo?logs=container');
  });

  it('quotes the Hub’s error once the Space has failed', () => {
    const failed = view('RUNTIME_ERROR', 'Exit code: 1. Reason: ModuleNotFoundError: gradio');
    expect(failed.message).toContain('“Exit code: 1. Reason: ModuleNotFoundError: gradio”');
    expect(failed.errorMessage).toBe('Exit code: 1. Reason: ModuleNotFoundError: gradio');
  });
});
