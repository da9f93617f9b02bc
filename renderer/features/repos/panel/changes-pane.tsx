import type { RepoState } from '../../../../preload/contract';
import { ChangesTable } from './changes-table';
import { CommitForm } from './commit-form';
import { ConflictList } from './conflict-list';
import { IdentityForm } from './identity-form';
import { StagedProblems } from './staged-problems';

/** The Changes tab: conflicts first, then the changed files to tick, the Hub's rules on them, and the commit box. */
export function ChangesPane({ state }: { readonly state: RepoState }) {
  return (
    <>
      <div className="side-scroll">
        <ConflictList state={state} />
        <ChangesTable state={state} />
        <StagedProblems state={state} />
      </div>
      {state.identity === null || state.changes.length > 0 || state.inProgress !== null ? (
        <div className="side-foot">
          {state.identity === null ? <IdentityForm /> : null}
          {state.changes.length > 0 || state.inProgress !== null ? <CommitForm state={state} /> : null}
        </div>
      ) : null}
    </>
  );
}
