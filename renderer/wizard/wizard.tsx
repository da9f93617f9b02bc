import { useAppStore } from '../store/app-store';
import { assertNever } from '../lib/assert-never';
import { CheckStep } from './steps/check-step';
import { WelcomeStep } from './steps/welcome-step';

/** Shows the current step's screen; a step added to STEP_ORDER fails to compile here until it has one. */
export function Wizard() {
  const step = useAppStore((state) => state.step);
  switch (step) {
    case 'welcome':
      return <WelcomeStep />;
    case 'check':
      return <CheckStep />;
    default:
      return assertNever(step);
  }
}
