import type { HubAccountView } from '../../../preload/contract';

// PLACEHOLDER-ISSUE-14 (p14-ui-hub): the props are fixed; other features use this dialog.

export interface ApiTokenDialogProps {
  /** One sentence: why this action needs a token ("Creating a repository uses the Hub's API, which SSH keys cannot call."). */
  readonly reason: string;
  /** The account now usable for API actions. */
  readonly onDone: (account: HubAccountView) => void;
  readonly onCancel: () => void;
}

/** Asks for a token in place, with the token screen's checks, then uses it for the Hub's API. */
export function ApiTokenDialog(props: ApiTokenDialogProps) {
  return (
    <div role="dialog" aria-label="An access token is needed">
      <p>{props.reason}</p>
      <button type="button" className="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
