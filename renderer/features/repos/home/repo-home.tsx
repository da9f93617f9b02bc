import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { StepHeading } from '../../../components/step-heading';
import { useAppStore } from '../../../store/app-store';
import { CloneForm } from './clone-form';
import { ForkForm } from './fork-form';
import { OpenForm } from './open-form';
import { RecentRepos } from './recent-repos';

/** The repositories screen with none open: what Git can sign in with, and the ways to get a repository. */
export function RepoHome() {
  const { access, enter, leave, showView } = useAppStore(
    useShallow((state) => ({
      access: state.repoAccess,
      enter: state.enterRepoHome,
      leave: state.leaveRepoHome,
      showView: state.showView,
    })),
  );
  useEffect(() => {
    void enter();
    return leave;
  }, [enter, leave]);

  return (
    <div className="step">
      <StepHeading>Your repositories</StepHeading>
      <p className="lead">Clone a model, dataset or Space from the Hub, or open one you already have.</p>
      {access && !access.ssh && !access.httpsUser ? (
        <p className="warning-note">
          Git cannot sign in to the Hub from this computer yet.{' '}
          <button type="button" className="button button--small" onClick={() => showView('setup')}>
            Set up access
          </button>
        </p>
      ) : null}
      {access && !access.lfs.installed ? (
        <p className="warning-note">
          Git LFS is not installed, so large files would arrive as small placeholder files.{' '}
          {access.lfs.howToInstall}
        </p>
      ) : null}
      <CloneForm />
      <OpenForm />
      <RecentRepos />
      <ForkForm />
    </div>
  );
}
