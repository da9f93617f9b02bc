import type { Result } from '../../preload/contract';
import { getBridge } from './bridge';
import { settle } from './call';

/**
 * Opens a link in the user's browser. Main decides which links are allowed; following an <a>
 * inside the app window would navigate away from the app instead.
 */
export function openExternal(url: string): Promise<Result<null>> {
  return settle(() => getBridge().openExternal({ url }));
}
