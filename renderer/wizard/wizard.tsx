import { Suspense } from 'react';
import { StoreTokenStep, TokenStep, UseTokenStep } from '../features/https';
import { CheckStep } from '../features/machine-check';
import { AgentStep, CopyStep, CreateKeyStep, DoneStep, KeysStep, TestStep } from '../features/ssh';
import { assertNever } from '../lib/assert-never';
import { useAppStore } from '../store/app-store';
import type { StepId } from './wizard-slice';
import { WelcomeStep } from './welcome-step';

// Only Welcome is in the initial bundle; every other step loads when first needed (the features'
// index.ts files hand them out lazily, and Welcome preloads the check, the next screen of both
// routes), which keeps the first screen as quick to appear as a bare React page.

/** Shows the current step's screen; a step added to STEP_ORDER fails to compile here until it has one. */
export function Wizard() {
  // Welcome shows at once (the first screen must be quick); saved progress, read a few
  // milliseconds later, moves a returning person on to where they were, unless they already moved.
  const step = useAppStore((state) => state.step);
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <StepScreen step={step} />
    </Suspense>
  );
}

function StepScreen({ step }: { readonly step: StepId }) {
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
    case 'token':
      return <TokenStep />;
    case 'store-token':
      return <StoreTokenStep />;
    case 'use-token':
      return <UseTokenStep />;
    default:
      return assertNever(step);
  }
}
