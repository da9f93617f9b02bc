import type { Outcome, Result } from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

/** Asks main for the redacted support report; the button only copies or shows what comes back. */
export function supportReport(): Promise<Result<{ readonly text: string }>> {
  return settle(() => getBridge().supportReport(null));
}

/** Asks main's failure table what a pasted error message means. */
export function explainError(text: string): Promise<Result<Outcome>> {
  return settle(() => getBridge().explainError({ text }));
}

/** Calls `onExplain` when the desktop menu's Help › Explain an Error Message… is chosen. */
export function onExplainRequested(onExplain: () => void): () => void {
  return getBridge().onShowView((request) => {
    if (request.view === 'explain') onExplain();
  });
}
