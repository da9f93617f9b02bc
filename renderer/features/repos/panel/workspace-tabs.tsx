import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RepoState } from '../../../../preload/contract';
import { useAppStore } from '../../../store/app-store';
import type { WorkspaceTab } from '../workspace-slice';
import { ChangesPane } from './changes-pane';
import { HistoryPane } from './history-pane';

const TABS: readonly { readonly tab: WorkspaceTab; readonly label: string }[] = [
  { tab: 'changes', label: 'Changes' },
  { tab: 'history', label: 'History' },
];

/** The side of the workspace: Changes and History as tabs (Left and Right move between them). */
export function WorkspaceTabs({ state }: { readonly state: RepoState }) {
  const { tab, setTab } = useAppStore(
    useShallow((store) => ({ tab: store.workspaceTab, setTab: store.setWorkspaceTab })),
  );
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = tab === 'changes' ? 'history' : 'changes';
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const count = state.changes.length + state.moreChanges;
  return (
    <section className="workspace__side" aria-label="Changes and history">
      <div className="tabs" role="tablist" aria-label="Lists" onKeyDown={onKey}>
        {TABS.map((entry) => (
          <button
            key={entry.tab}
            type="button"
            role="tab"
            id={`tab-${entry.tab}`}
            className="tabs__tab"
            aria-selected={tab === entry.tab}
            aria-controls={`panel-${entry.tab}`}
            tabIndex={tab === entry.tab ? 0 : -1}
            onClick={() => setTab(entry.tab)}
          >
            {entry.label}
            {entry.tab === 'changes' && count > 0 ? <span className="tabs__count">{count}</span> : null}
          </button>
        ))}
      </div>
      <div className="workspace__list" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'changes' ? <ChangesPane state={state} /> : <HistoryPane />}
      </div>
    </section>
  );
}
