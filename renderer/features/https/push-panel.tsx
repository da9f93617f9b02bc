import type { PushCheck } from '../../../preload/contract';
import { OutcomePanel } from '../../components/outcome-panel';

/** A push check to explain, and what its fix buttons do. */
export interface PushPanelProps {
  readonly check: PushCheck;
  readonly onForget: () => void;
  readonly onFixUsername: () => void;
}

/** The outcome of a push, with the one-click fix when there is one (links open on the Hub). */
export function PushPanel({ check, onForget, onFixUsername }: PushPanelProps) {
  return (
    <OutcomePanel
      outcome={check}
      output={check.output}
      okTitle={check.dryRun ? 'The Hub would accept this push.' : 'Pushed.'}
      okText={check.dryRun ? 'Git signed in with your token; nothing was sent yet.' : check.message}
      actions={{ forget_and_reenter: onForget, fix_username: onFixUsername }}
    />
  );
}
