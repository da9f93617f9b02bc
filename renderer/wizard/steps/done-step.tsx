import { useShallow } from 'zustand/react/shallow';
import { ExternalLink } from '../../components/external-link';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';

/** "Done": what the person can do now, with the commands they would type. */
export function DoneStep() {
  const { host, startOver } = useAppStore(
    useShallow((state) => ({ host: state.appInfo?.sshHost ?? 'hf.co', startOver: state.startOver })),
  );
  return (
    <div className="step">
      <StepHeading>You’re set up</StepHeading>
      <p className="lead">Git on this computer can now reach your Hub repositories over SSH.</p>
      <p>To get a copy of a model, dataset or Space, Git uses addresses like these:</p>
      <pre className="code-block">{`git clone git@${host}:NAME/REPO
git clone git@${host}:datasets/NAME/REPO
git clone git@${host}:spaces/NAME/REPO`}</pre>
      <p className="muted">
        Large files go through Git LFS; the Hub explains{' '}
        <ExternalLink href="https://huggingface.co/docs/hub/repositories-getting-started">
          working with repositories
        </ExternalLink>
        .
      </p>
      <div className="step-actions">
        <button type="button" className="button" onClick={startOver}>
          Start over
        </button>
      </div>
    </div>
  );
}
