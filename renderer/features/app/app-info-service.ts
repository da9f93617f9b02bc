import type { AppInfo, Result } from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

/** The launch settings the screens may show (the Hub address, the OS the fixes are written for). */
export function getAppInfo(): Promise<Result<AppInfo>> {
  return settle(() => getBridge().getAppInfo(null));
}
