import type { Result, SavedProgress } from '../../preload/contract';
import { getBridge } from '../services/bridge';
import { settle } from '../services/call';

/** Where the user was when the app last closed (main keeps it in the app's data folder). */
export function loadProgress(): Promise<Result<SavedProgress | null>> {
  return settle(() => getBridge().loadProgress(null));
}

/** Remembers the step, method and chosen key; a failure only means starting over next time. */
export async function saveProgress(progress: SavedProgress): Promise<void> {
  await settle(() => getBridge().saveProgress(progress));
}
