import type { Result } from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

/** Asks main for the redacted support report; the button only copies or shows what comes back. */
export function supportReport(): Promise<Result<{ readonly text: string }>> {
  return settle(() => getBridge().supportReport(null));
}
