import { useState, type ReactNode } from 'react';
import type { AppError } from '../../preload/contract';
import { openExternal } from '../services/external';
import { LinkText } from './link-text';

/**
 * A link that opens in the user's browser rather than inside the app window. If the app may not
 * open it, the address stays on screen so the user can still get there; in browser mode it is
 * always there as text to copy (LinkText).
 */
export function ExternalLink({ href, children }: { readonly href: string; readonly children: ReactNode }) {
  const [error, setError] = useState<AppError | null>(null);

  const open = async () => {
    const result = await openExternal(href);
    setError(result.ok ? null : result.error);
  };

  return (
    <>
      <a
        href={href}
        onClick={(event) => {
          event.preventDefault();
          void open();
        }}
      >
        {children}
        <span className="visually-hidden"> (opens in your browser)</span>
      </a>
      <LinkText url={href} shown={children === href} />
      {error ? (
        <span className="inline-error" role="alert">
          {' '}
          {error.message} {error.hint} The address is {href}
        </span>
      ) : null}
    </>
  );
}
