import { useShallow } from 'zustand/react/shallow';
import { CommandList } from '../../components/command-list';
import { ExternalLink } from '../../components/external-link';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { selectHubUser } from './connection-slice';
import { cloneExamples } from './clone-examples';

/** "Done": what the person can do now, with the commands they would type, using their own name. */
export function DoneStep() {
  const { host, user, keyName, goTo, startOver } = useAppStore(
    useShallow((state) => ({
      host: state.appInfo?.sshHost ?? 'hf.co',
      user: selectHubUser(state),
      keyName: state.keyName,
      goTo: state.goTo,
      startOver: state.startOver,
    })),
  );
  const examples = cloneExamples(host, user);
  return (
    <div className="step">
      <StepHeading>You’re set up{user ? `, ${user}` : ''}</StepHeading>
      <p className="lead">
        Git on this computer can now reach your Hub repositories over SSH, using {keyName ?? 'your key'}.
      </p>
      <p>To get a copy of one of your repositories, Git uses an address like these (REPO is its name):</p>
      <CommandList commands={examples} />
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
