import { useEffect, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ExternalLink } from '../components/external-link';
import { StepHeading } from '../components/step-heading';
import { preloadCheckStep } from '../features/machine-check';
import { useAppStore } from '../store/app-store';
import type { AuthMethod } from './wizard-slice';

interface Choice {
  readonly method: AuthMethod;
  readonly title: string;
  readonly text: string;
}

const CHOICES: readonly Choice[] = [
  {
    method: 'ssh',
    title: 'Use SSH keys (recommended)',
    text: 'A key on this computer proves who you are; you add its public half to your Hub account once.',
  },
  {
    method: 'https',
    title: 'Use an access token (HTTPS)',
    text: 'You create a token on the Hub and Git keeps it for you; handy when your network blocks SSH.',
  },
];

/** The first screen: what the app does, and the one decision the rest of the setup depends on. */
export function WelcomeStep() {
  const { method, chooseMethod, next } = useAppStore(
    useShallow((state) => ({ method: state.method, chooseMethod: state.chooseMethod, next: state.next })),
  );

  // Continue leads to the check on either route: fetch its code once this screen is up, so the
  // click finds it loaded and the first screen never waits for it.
  useEffect(preloadCheckStep, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    next();
  };

  return (
    <form className="step" onSubmit={submit}>
      <StepHeading>Welcome to HF Git Desktop</StepHeading>
      <p className="lead">
        Set up Git access to the Hugging Face Hub on this computer, then clone and push your models, datasets
        and Spaces.
      </p>
      <fieldset className="choices">
        <legend className="choices__legend">How should Git sign in to the Hub?</legend>
        {CHOICES.map((choice) => (
          <label key={choice.method} className="choice">
            <input
              type="radio"
              name="method"
              value={choice.method}
              checked={method === choice.method}
              onChange={() => chooseMethod(choice.method)}
            />
            <span className="choice__body">
              <span className="choice__title">{choice.title}</span>
              <span className="choice__text">{choice.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="muted">
        Not sure? The Hub explains{' '}
        <ExternalLink href="https://huggingface.co/docs/hub/security-git-ssh">SSH keys</ExternalLink> and{' '}
        <ExternalLink href="https://huggingface.co/docs/hub/security-tokens">access tokens</ExternalLink>.
      </p>
      <div className="step-actions">
        <button type="submit" className="button button--primary">
          Continue
        </button>
      </div>
    </form>
  );
}
