import type { GitTransport } from '../../../preload/contract';
import type { HandlerContext } from '../../ipc/dispatch';
import { checkHostKeys, listKeys } from '../ssh';

/**
 * Why: "whichever works" for a publish, decided as the repository screen's repoAccess does: SSH
 * when a usable key and the Hub's pinned host keys are there (the route the connection test
 * proved), else HTTPS (its address carries no userinfo; git finds the saved token).
 */
export async function workingTransport(context: HandlerContext): Promise<GitTransport> {
  const { settings } = context;
  const [keys, hostKeys] = await Promise.all([
    listKeys(settings.home).catch(() => undefined),
    checkHostKeys(settings).catch(() => undefined),
  ]);
  const ssh =
    (keys?.keys.some((key) => key.problems.every((problem) => problem.code === 'missing_public')) ?? false) &&
    (hostKeys?.pinned.some((key) => key.present) ?? false) &&
    (hostKeys?.mismatches.length ?? 0) === 0;
  // Without SSH, HTTPS: with the saved token, or, when none is saved yet, the push says what is missing.
  return ssh ? 'ssh' : 'https';
}
