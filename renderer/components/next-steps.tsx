import { CommandList, type Command } from './command-list';

/**
 * Where setup leads: the person's repositories on the Hub and publishing a folder, in the app, as
 * the two main buttons; the terminal's clone commands only behind a small disclosure, for those
 * who want them.
 */
export function NextSteps({
  onHub,
  onPublish,
  terminal,
}: {
  readonly onHub: () => void;
  readonly onPublish: () => void;
  readonly terminal: readonly Command[];
}) {
  return (
    <section className="next-steps" aria-label="What next">
      <div className="input-row">
        <button type="button" className="button button--primary" onClick={onHub}>
          Your repositories on the Hub
        </button>
        <button type="button" className="button button--primary" onClick={onPublish}>
          Publish a folder
        </button>
      </div>
      <p className="muted">
        Clone one of your repositories in one click, or put a folder of yours on the Hub as a new repository.
      </p>
      {terminal.length > 0 ? (
        <details className="next-steps__terminal">
          <summary>For the terminal</summary>
          <p>Git uses addresses like these (REPO is the repository’s name):</p>
          <CommandList commands={terminal} />
        </details>
      ) : null}
    </section>
  );
}
