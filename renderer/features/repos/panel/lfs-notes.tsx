import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { countOf } from '../workspace/workspace-text';

/** What is wrong with large files here, each with its one-click fix when there is one. */
export function LfsNotes({ state }: { readonly state: RepoState }) {
  const { running, setUpLfs, runRemote } = useAppStore(
    useShallow((store) => ({
      running: store.repoRuns.repo !== null,
      setUpLfs: store.setUpRepoLfs,
      runRemote: store.runRepoRemote,
    })),
  );
  return (
    <>
      {!state.lfs.installed ? (
        <p className="warning-note">Git LFS is not installed. {state.lfs.howToInstall}</p>
      ) : null}
      {state.lfs.installed && !state.lfs.configured ? (
        <p className="warning-note">
          Git LFS is installed but not set up for your user, so large files would not be handled.{' '}
          <button type="button" className="button button--small" onClick={() => void setUpLfs()}>
            Set up Git LFS
          </button>
        </p>
      ) : null}
      {state.pointers.length > 0 ? (
        <div className="warning-note">
          <p>
            {countOf(state.pointers.length, 'large file')}{' '}
            {state.pointers.length === 1 ? 'is a placeholder' : 'are placeholders'}, not{' '}
            {state.pointers.length === 1 ? 'its' : 'their'} content (
            {state.pointers.map((p) => p.path).join(', ')}). Programs reading them fail with “You seem to have
            cloned a repository without having git-lfs installed”.
          </p>
          <button
            type="button"
            className="button"
            disabled={running}
            onClick={() => void runRemote('lfs-pull')}
          >
            Download the large files
          </button>
        </div>
      ) : null}
    </>
  );
}
