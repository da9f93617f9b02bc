import { useShallow } from 'zustand/react/shallow';
import { ExternalLink } from '../../components/external-link';
import { NextSteps } from '../../components/next-steps';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { selectHubUser } from './connection-slice';
import { cloneExamples } from './clone-examples';

/** "Done": what the person can do now in the app (their repositories, publishing a folder); the terminal's commands, with their own name, only on request. */
export function DoneStep() {
  const { host, user, keyName, goTo, startOver, showView } = useAppStore(
    useShallow((state) => ({
      host: state.appInfo?.sshHost ?? 'hf.co',
      user: selectHubUser(state),
      keyName: state.keyName,
      goTo: state.goTo,
      startOver: state.startOver,
      showView: state.showView,
    })),
  );
  const examples = cloneExamples(host, user);
  return (
    <div className="step">
      <StepHeading>You’re set up{user ? `, ${user}` : ''}</StepHeading>
      <p className="lead">
        Git on this computer can now reach your Hub repositories over SSH, using {keyName ?? 'your key'}.
      </p>
      <NextSteps onHub={() => showView('hub')} onPublish={() => showView('publish')} terminal={examples} />
      <p className="muted">
        The Hub’s guides explain{' '}
        <ExternalLink href="https://huggingface.co/docs/hub/repositories-getting-started">
          working with repositories
        </ExternalLink>{' '}
        and <ExternalLink href="https://huggingface.co/docs/hub/security-git-ssh">Git over SSH</ExternalLink>.
      </p>
      <div className="step-actions">
        <button type="button" className="button" onClick={() => goTo('test')}>
          Back
        </button>
        <button type="button" className="button" onClick={startOver}>
          Start over
        </button>
      </div>
    </div>
  );
}
