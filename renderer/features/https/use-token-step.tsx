import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NextSteps } from '../../components/next-steps';
import { StepHeading } from '../../components/step-heading';
import { useAppStore } from '../../store/app-store';
import { RepoCheckSection } from './repo-check-section';
import { SavedToken } from './saved-token';

function cloneCommands(endpoint: string, user: string): { what: string; command: string }[] {
  return [
    { what: 'A model', command: `git clone ${endpoint}/${user}/REPO` },
    { what: 'A dataset', command: `git clone ${endpoint}/datasets/${user}/REPO` },
    { what: 'A Space', command: `git clone ${endpoint}/spaces/${user}/REPO` },
  ];
}

/** "Use it": on to the person's repositories or publishing a folder (clone commands on request), and a repository check that finds leaked tokens and explains refusals. */
export function UseTokenStep() {
  const { endpoint, user, load, showView } = useAppStore(
    useShallow((state) => ({
      endpoint: state.appInfo?.hubEndpoint ?? 'https://huggingface.co',
      user:
        state.storedToken?.username ??
        state.credentialSetup?.storedUser ??
        state.tokenReport?.account ??
        null,
      load: state.loadCredentialSetup,
      showView: state.showView,
    })),
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="step">
      <StepHeading>Use it with your repositories</StepHeading>
      <p className="lead">
        {user
          ? `Git on this computer signs in to the Hub as ${user} with your token; it will not ask for a password.`
          : 'Git has no token for the Hub yet: go back and save one.'}
      </p>
      {user ? (
        <NextSteps
          onHub={() => showView('hub')}
          onPublish={() => showView('publish')}
          terminal={cloneCommands(endpoint, user)}
        />
      ) : null}
      <RepoCheckSection />
      <SavedToken />
    </div>
  );
}
