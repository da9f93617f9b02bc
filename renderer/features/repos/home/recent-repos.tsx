import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/app-store';

/** The repositories the app used lately, one click from opening again; nothing until there is one. */
export function RecentRepos() {
  const { recent, openRepoAt } = useAppStore(
    useShallow((state) => ({ recent: state.recentRepos, openRepoAt: state.openRepoAt })),
  );
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-title">
      <h2 className="subheading" id="recent-title">
        Recent
      </h2>
      <ul className="plain-list">
        {recent.map((item) => (
          <li key={item.path} className="recent">
            <button type="button" className="button" onClick={() => openRepoAt(item.path)}>
              {item.path}
            </button>
            <span className="muted">
              {' '}
              {item.remote || 'no remote'} · {item.lastAction} {new Date(item.at).toLocaleString()}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
