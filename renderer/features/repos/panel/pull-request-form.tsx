import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/app-store';

/**
 * "Open a pull request": a title (the last commit's subject to start with) and a description;
 * the app creates it on the Hub and pushes this branch to its refs/pr/N.
 */
export function PullRequestForm() {
  const { suggested, running, open } = useAppStore(
    useShallow((store) => ({
      suggested: store.prTitle,
      running: store.repoRuns.repo !== null,
      open: store.openPullRequest,
    })),
  );
  // The suggestion arrives after the form opens; it shows until the person types a title.
  const [typed, setTitle] = useState<string | null>(null);
  const title = typed ?? suggested;
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="token-form"
      aria-label="Open a pull request"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim() === '') {
          setProblem('Give the pull request a title.');
          return;
        }
        setProblem(null);
        void open(title.trim(), description.trim());
      }}
    >
      <p>
        The Hub keeps your commits in the pull request until someone who can write to the repository merges
        them.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="pr-title">
          Title
        </label>
        <input
          id="pr-title"
          className="input"
          value={title}
          maxLength={300}
          aria-invalid={problem !== null}
          onChange={(event) => setTitle(event.target.value)}
        />
        {problem ? (
          <p className="inline-error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="pr-description">
          Description (optional)
        </label>
        <textarea
          id="pr-description"
          className="input"
          rows={3}
          maxLength={20_000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" aria-disabled={running}>
        Open the pull request
      </button>
    </form>
  );
}
