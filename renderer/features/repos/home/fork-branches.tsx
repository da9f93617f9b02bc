import { useEffect, useState } from 'react';
import type { AppError, GitTransport } from '../../../../preload/contract';
import { hubBranches } from '../repos-service';

/**
 * The branches of the original repository as checkboxes, the default one ticked, asked of the
 * Hub a moment after the address stops changing. `onChange` gets the ticked ones (null until the
 * Hub has answered: the fork then carries the default branch).
 */
export function ForkBranches({
  upstream,
  transport,
  picked,
  onChange,
}: {
  readonly upstream: string;
  readonly transport: GitTransport;
  readonly picked: readonly string[] | null;
  readonly onChange: (branches: readonly string[] | null) => void;
}) {
  const [found, setFound] = useState<{
    readonly input: string;
    readonly branches: readonly string[];
    readonly defaultBranch: string;
  } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const input = upstream.trim();

  useEffect(() => {
    if (input === '') return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      void hubBranches(input, transport).then((result) => {
        if (!live) return;
        if (result.ok) {
          setFound({ input, ...result.value });
          setError(null);
          onChange([result.value.defaultBranch]);
        } else {
          setFound(null);
          setError(result.error);
          onChange(null);
        }
      });
    }, 400);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [input, transport, onChange]);

  if (input === '') return null;
  if (error)
    return (
      <p className="inline-error">
        {error.message} {error.hint}
      </p>
    );
  if (!found || found.input !== input)
    return (
      <p className="muted" role="status">
        Asking the Hub for its branches…
      </p>
    );
  const ticked = new Set(picked ?? [found.defaultBranch]);
  return (
    <fieldset className="field">
      <legend className="field__label">Branches to carry</legend>
      {found.branches.map((branch) => (
        <label key={branch} className="choice">
          <input
            type="checkbox"
            checked={ticked.has(branch)}
            onChange={(event) => {
              const next = new Set(ticked);
              if (event.target.checked) next.add(branch);
              else next.delete(branch);
              onChange(found.branches.filter((name) => next.has(name)));
            }}
          />{' '}
          {branch}
          {branch === found.defaultBranch ? <span className="muted"> (default)</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
