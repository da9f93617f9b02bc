import type { StepId } from './wizard-slice';

/** What the step indicator calls each step; a Record, so a new step without a label fails to compile. */
export const STEP_LABELS: Readonly<Record<StepId, string>> = {
  welcome: 'Welcome',
  check: 'Check this computer',
  keys: 'Your keys',
  'create-key': 'Create a key',
  agent: 'Add to the agent',
  copy: 'Copy to the Hub',
  test: 'Test the connection',
  done: 'Done',
  token: 'Your access token',
  'store-token': 'Save it for Git',
  'use-token': 'Use it',
};
