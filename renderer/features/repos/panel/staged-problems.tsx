import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PushProblemView, RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';

const problemKey = (problem: PushProblemView) => `${problem.rule}:${problem.path}`;

/**
 * The Hub's rules on the ticked files, before any commit exists: each problem with "Store with Git
 * LFS" for its pattern behind its own consent tick, never shared with another problem and
 * forgotten once used.
 */
export function StagedProblems({ state }: { readonly state: RepoState }) {
  const { store, running } = useAppStore(
    useShallow((s) => ({ store: s.storeRepoWithLfs, running: s.repoRuns.repo !== null })),
  );
  const [consent, setConsent] = useState<ReadonlySet<string>>(new Set());
  const problems = state.staged.problems;
  if (problems.length === 0) return null;
  const give = (key: string, given: boolean) =>
    setConsent((before) => {
      const after = new Set(before);
      if (given) after.add(key);
      else after.delete(key);
      return after;
    });
  return (
    <section className="staged-problems" aria-labelledby="staged-problems-title">
      <h2 className="subheading" id="staged-problems-title">
        The Hub’s rules on the ticked files
      </h2>
      <ul className="plain-list">
        {problems.map((problem) => {
          const key = problemKey(problem);
          const pattern = problem.trackPattern;
          return (
            <li key={key} className={problem.blocking ? 'danger' : 'note'}>
              <p>{problem.text}</p>
              {pattern ? (
                <div className="button-row">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={consent.has(key)}
                      onChange={(event) => give(key, event.target.checked)}
                    />
                    Add {pattern} to .gitattributes and store {problem.path} with Git LFS
                  </label>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={!consent.has(key) || running}
                    onClick={() => {
                      // Consent is for this one action: forgotten as soon as it is used.
                      give(key, false);
                      void store(pattern);
                    }}
                  >
                    Store with Git LFS
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
