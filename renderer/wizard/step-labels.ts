import type { StepId } from '../store/wizard-slice';

/** What the step indicator calls each step; a Record, so a new step without a label fails to compile. */
export const STEP_LABELS: Readonly<Record<StepId, string>> = {
  welcome: 'Welcome',
  check: 'Check this computer',
};
