import { useAppStore } from '../store/app-store';
import { assertNever } from '../lib/assert-never';
import { AgentStep } from './steps/agent-step';
import { CheckStep } from './steps/check-step';
import { CopyStep } from './steps/copy-step';
import { CreateKeyStep } from './steps/create-key-step';
import { DoneStep } from './steps/done-step';
import { KeysStep } from './steps/keys-step';
import { TestStep } from './steps/test-step';
import { WelcomeStep } from './steps/welcome-step';

/** Shows the current step's screen; a step added to STEP_ORDER fails to compile here until it has one. */
export function Wizard() {
  const step = useAppStore((state) => state.step);
  switch (step) {
    case 'welcome':
      return <WelcomeStep />;
    case 'check':
      return <CheckStep />;
    case 'keys':
      return <KeysStep />;
    case 'create-key':
      return <CreateKeyStep />;
    case 'agent':
      return <AgentStep />;
    case 'copy':
      return <CopyStep />;
    case 'test':
      return <TestStep />;
    case 'done':
      return <DoneStep />;
    default:
      return assertNever(step);
  }
}
