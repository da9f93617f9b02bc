import type { CheckStatus } from '../../preload/contract';
import { assertNever } from '../lib/assert-never';

/** A probe's state as the screen shows it: its answer, still waiting for one, or optional (nothing wrong without it). */
export type BadgeStatus = CheckStatus | 'pending' | 'optional';

function label(status: BadgeStatus): string {
  switch (status) {
    case 'ok':
      return 'OK';
    case 'warn':
      return 'Needs attention';
    case 'error':
      return 'Problem';
    case 'pending':
      return 'Checking…';
    case 'optional':
      return 'Optional';
    default:
      return assertNever(status);
  }
}

function Icon({ status }: { readonly status: BadgeStatus }) {
  switch (status) {
    case 'ok':
      return <path d="M4.5 8.5l2.5 2.5 4.5-5.5" />;
    case 'warn':
      return (
        <>
          <path d="M8 4.5v4.5" />
          <path d="M8 11.5v.01" />
        </>
      );
    case 'error':
      return <path d="M5.5 5.5l5 5m0-5l-5 5" />;
    case 'pending':
      return null;
    case 'optional':
      return <path d="M5 8h6" />;
    default:
      return assertNever(status);
  }
}

/**
 * Status as an icon and a word, never colour alone, so it reads the same to everyone. The icon is
 * decorative; the word is the accessible text.
 */
export function StatusBadge({ status }: { readonly status: BadgeStatus }) {
  return (
    <span className={`badge badge--${status}`}>
      <svg className="badge__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" />
        <Icon status={status} />
      </svg>
      {label(status)}
    </span>
  );
}
