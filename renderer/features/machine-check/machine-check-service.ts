import type { CheckItem, MachineReport, Result } from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

/**
 * Runs "Check this computer", handing each probe to `onItem` as it finishes so the screen fills
 * in live; the listener is removed when the call settles, whatever the outcome.
 */
export async function checkMachine(onItem: (item: CheckItem) => void): Promise<Result<MachineReport>> {
  const bridge = getBridge();
  const unsubscribe = bridge.onMachineCheckItem(onItem);
  try {
    return await settle(() => bridge.checkMachine(null));
  } finally {
    unsubscribe();
  }
}

/** Sets git's global user.name and user.email (the Check screen's own fix for a missing identity). */
export function setGitIdentity(name: string, email: string): Promise<Result<null>> {
  return settle(() => getBridge().setIdentity({ name, email }));
}
