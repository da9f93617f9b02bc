import type { SpaceRuntimeView, SpaceStage } from '../../../preload/contract';
import type { SpaceRuntime } from '../../hub/hub-api';

// A Space's stage after a push, in plain words, and whether the screen may stop asking. The stages
// are huggingface_hub `_space_api.py` SpaceStage's; the logs are the Space page's own tabs
// (`?logs=build` while building, `?logs=container` for the running app, as the Hub links them).

const WORDS: Readonly<Record<SpaceStage, { readonly settled: boolean; readonly message: string }>> = {
  NO_APP_FILE: {
    settled: true,
    message:
      'The Space has no app file yet: add app.py (Gradio or Streamlit), index.html (Static) or a Dockerfile (Docker), or name it as app_file in the README’s front matter, then push.',
  },
  CONFIG_ERROR: {
    settled: true,
    message:
      'The Space’s settings (the front matter at the top of README.md) have an error: open the Space’s page for the Hub’s words, fix README.md and push again.',
  },
  BUILDING: { settled: false, message: 'The Hub is building the Space.' },
  BUILD_ERROR: {
    settled: true,
    message: 'The Space’s build failed: open the build logs to see why, fix it, then push again.',
  },
  APP_STARTING: { settled: false, message: 'The Space is built; its app is starting.' },
  RUNNING: { settled: true, message: 'The Space is running.' },
  RUNNING_BUILDING: {
    settled: false,
    message: 'The Space runs its previous version while the Hub builds the new one.',
  },
  RUNTIME_ERROR: {
    settled: true,
    message: 'The Space’s app stopped with an error: open the logs to see why, fix it, then push again.',
  },
  PAUSED: { settled: true, message: 'The Space is paused: its owner can restart it from its settings.' },
  STOPPED: { settled: true, message: 'The Space is stopped: restart it from its page on the Hub.' },
  SLEEPING: {
    settled: true,
    message: 'The Space is asleep after a while without visitors: the next visit to its page wakes it.',
  },
  UNKNOWN: {
    settled: true,
    message: 'The Hub reports a stage this app does not know yet: its page on the Hub shows what it means.',
  },
};

/** Stages whose logs are the build's; the others show the running container's. */
const BUILD_LOGS: ReadonlySet<SpaceStage> = new Set(['BUILDING', 'BUILD_ERROR', 'RUNNING_BUILDING']);

/** Why: the screen shows the stage in words, with links to the Space and its logs. */
export function spaceRuntimeView(endpoint: string, space: string, runtime: SpaceRuntime): SpaceRuntimeView {
  const words = WORDS[runtime.stage];
  const url = `${endpoint}/spaces/${space}`;
  const error = runtime.errorMessage && !words.settled ? null : runtime.errorMessage;
  return {
    space,
    stage: runtime.stage,
    settled: words.settled,
    message: error ? `${words.message} The Hub says: “${error.slice(0, 500)}”` : words.message,
    hardware: runtime.hardware,
    errorMessage: runtime.errorMessage,
    url,
    logsUrl: `${url}?logs=${BUILD_LOGS.has(runtime.stage) ? 'build' : 'container'}`,
  };
}
