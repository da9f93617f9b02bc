import { useShallow } from 'zustand/react/shallow';
import { plural } from '../../../lib/plural';
import { useAppStore } from '../../../store/app-store';

/**
 * A clone kept with large files still placeholders: the download stopped part-way (or git-lfs
 * could not run). "Download the rest" runs git lfs pull, which keeps what already arrived.
 */
export function KeptClone() {
  const { kept, running, download, open } = useAppStore(
    useShallow((state) => ({
      kept: state.keptClone,
      running: state.repoRuns.clone !== null,
      download: state.downloadKeptClone,
      open: state.openKeptClone,
    })),
  );
  if (!kept) return null;
  return (
    <div className="warning-note" role="status">
      <p>
        The repository is cloned into {kept.path}, but {plural(kept.pointers, 'large file')}{' '}
        {kept.pointers === 1
          ? 'is still a placeholder: its download did not finish.'
          : 'are still placeholders: their download did not finish.'}{' '}
        Nothing was deleted; downloading the rest keeps what already arrived.
      </p>
      {kept.why ? <p>{kept.why}</p> : null}
      <div className="input-row">
        <button
          type="button"
          className="button button--primary"
          disabled={running}
          onClick={() => void download()}
        >
          Download the rest
        </button>
        <button type="button" className="button" disabled={running} onClick={open}>
          Open it as it is
        </button>
      </div>
    </div>
  );
}
