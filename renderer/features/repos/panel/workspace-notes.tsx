import { useAppStore } from '../../../store/app-store';

/** What the app did around the last pull, switch or migration ("Your 3 uncommitted changes were set aside and put back."). */
export function WorkspaceNotes() {
  const notes = useAppStore((store) => store.workspaceNotes);
  const outcomeNotes = useAppStore((store) => store.repoOutcome?.notes);
  const all = [...notes, ...(outcomeNotes ?? [])];
  if (all.length === 0) return null;
  return (
    <div className="success-note" role="status">
      <ul className="plain-list workspace-notes" aria-label="What the app did">
        {all.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
