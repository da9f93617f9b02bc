import { useAppStore } from '../../store/app-store';
import { RepoHome } from './home/repo-home';
import { RepoPanel } from './panel/repo-panel';

/** "Your repositories": clone, open, recent, fork; or the open repository. */
export function ReposView() {
  const openRepo = useAppStore((state) => state.openRepo);
  return openRepo ? <RepoPanel path={openRepo} /> : <RepoHome />;
}
