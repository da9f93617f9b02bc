import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import { abortLabel, countOf } from '../workspace/workspace-text';
import { ConflictRow } from './conflict-row';

/**
 * The files both you and the Hub changed, first in the list: each with what to keep, and the way
 * back ("Abort the pull"). The failure table's "Resolve the conflicts" brings the focus here.
 */
export function ConflictList({ state }: { readonly state: RepoState }) {
  const { abort, focus } = useAppStore(
    useShallow((store) => ({ abort: store.abortRepoOperation, focus: store.conflictsFocus })),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus > 0) heading.current?.focus();
  }, [focus]);
  const conflicts = state.changes.filter((change) => change.conflict);
  if (conflicts.length === 0 && !state.inProgress) return null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h2 className="subheading" id="conflicts-title" tabIndex={-1} ref={heading}>
        {conflicts.length > 0 ? `${countOf(conflicts.length, 'conflict')} to resolve` : 'Conflicts resolved'}
      </h2>
      <p className="muted">
        {conflicts.length > 0
          ? 'You and the Hub changed the same files. Choose what to keep in each, or fix it in your editor.'
          : 'Commit to finish.'}
      </p>
      {conflicts.length > 0 ? (
        <ul className="plain-list conflicts__list">
          {conflicts.map((change) => (
            <ConflictRow key={change.path} change={change} />
          ))}
        </ul>
      ) : null}
      {state.inProgress ? (
        <button type="button" className="button button--small" onClick={() => void abort()}>
          {abortLabel(state.inProgress)}
        </button>
      ) : null}
    </section>
  );
}
