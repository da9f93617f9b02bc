import { useShallow } from 'zustand/react/shallow';
import type { HubRepoList } from '../../../preload/contract';
import { useAppStore } from '../../store/app-store';
import { HubRepoRow } from './hub-repo-row';

/** The default folder for clones (changeable, `~` understood) and the repositories, newest first. */
export function HubRepoListView({ list, search }: { readonly list: HubRepoList; readonly search: string }) {
  const { folder, setFolder } = useAppStore(
    useShallow((state) => ({ folder: state.hubCloneFolder, setFolder: state.setHubCloneFolder })),
  );
  const shown = folder ?? list.defaultFolder;
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="hub-clone-folder">
          Clone into
        </label>
        <input
          id="hub-clone-folder"
          className="input input--mono"
          value={shown}
          spellCheck={false}
          onChange={(event) => setFolder(event.target.value)}
        />
        <p className="field__hint">Each repository gets its own folder in here; ~ is your home folder.</p>
      </div>
      {list.repos.length === 0 ? (
        <p>
          {search.trim() !== ''
            ? `No repository of ${list.authors.join(', ')} matches “${search.trim()}”.`
            : `${list.authors.join(', ')} ${list.authors.length === 1 ? 'has' : 'have'} no repository on the Hub yet: publish a folder, or create a new one.`}
        </p>
      ) : (
        <ul className="plain-list hub-repos" aria-label="Your repositories">
          {list.repos.map((repo) => (
            <HubRepoRow
              key={`${repo.kind}:${repo.id}`}
              repo={repo}
              folder={shown}
              defaultFolder={list.defaultFolder}
            />
          ))}
        </ul>
      )}
      {list.truncated ? (
        <p className="field__hint">The Hub has more than the app listed: search to narrow it.</p>
      ) : null}
    </>
  );
}
