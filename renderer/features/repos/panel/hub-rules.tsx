import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { countOf } from '../workspace/workspace-text';
import { LargeFilesLine } from './large-files-line';

/** "Before pushing: the Hub's rules", each broken rule with its fix: track from now on, or move into LFS. */
export function HubRules({ state }: { readonly state: RepoState }) {
  const { migrate, track } = useAppStore(
    useShallow((store) => ({ migrate: store.migrateRepoLfs, track: store.trackRepoLfs })),
  );
  // The consent to rewrite history: one tick, right beside the button it unlocks.
  const [migrateOk, setMigrateOk] = useState(false);
  // Mid-merge nothing can be pushed, so there is nothing to say unless a rule is broken.
  if (state.inProgress !== null && state.prePush.problems.length === 0) return null;
  return (
    <section aria-labelledby="rules-title">
      <h2 className="subheading" id="rules-title">
        Before pushing: the Hub’s rules
      </h2>
      {state.inProgress === null && state.prePush.problems.every((problem) => !problem.blocking) ? (
        <p className="success-note">
          {state.prePush.commits > 0
            ? `Ready to push ${countOf(state.prePush.commits, 'commit')}: the files follow the Hub’s rules for large and binary files.`
            : 'Nothing to push yet.'}
        </p>
      ) : null}
      {state.prePush.problems.length > 0 ? (
        <ul className="plain-list">
          {state.prePush.problems.map((problem) => (
            <li key={`${problem.rule}-${problem.path}`} className={problem.blocking ? 'danger' : 'note'}>
              <p>{problem.text}</p>
              {problem.trackPattern ? (
                <div className="button-row">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={migrateOk}
                      onChange={(event) => setMigrateOk(event.target.checked)}
                    />
                    Rewrite my unpushed commits to move {problem.trackPattern} into Git LFS (the old ones are
                    kept on a backup branch)
                  </label>
                  <button
                    type="button"
                    className="button"
                    disabled={!migrateOk}
                    onClick={() => void migrate(problem.trackPattern ?? '')}
                  >
                    Move into Git LFS
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => void track(problem.trackPattern ?? '')}
                  >
                    Track {problem.trackPattern} from now on
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <LargeFilesLine state={state} />
    </section>
  );
}
