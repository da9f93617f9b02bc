import type { FailureRule } from './rule';
import { ACCESS_RULES, notHubRemote } from './rules-access';
import {
  binaryFiles,
  invalidMetadata,
  lfsMissingObjects,
  lfsMissingOnHub,
  lfsNotInstalled,
  lfsOver5gb,
  lfsPointerFiles,
  quota,
  rateLimited,
  tooLarge,
} from './rules-files';
import { concurrentPush, connectionLost, gitLock, localPermission, stalled } from './rules-faults';
import { localChangesBlock, mergeConflict, network, nonFastForward, pushTooBig } from './rules-local';
import { cancelled, diskFull, gitMissing, sshMissing, succeeded, unrecognised } from './rules-machine';
import {
  anonymous,
  greeted,
  hostKeyChanged,
  hostKeyUnknown,
  sshDns,
  sshRefused,
  sshTimeout,
} from './rules-ssh';

/**
 * The failure table, in the order it is read; the first row that matches answers. Why this order:
 * - the run's own facts first (the app stopping a silent run, a cancel, a missing program), then
 *   the Hub's SSH greeting, which settles who the key belongs to whatever else was printed;
 * - a changed host key before an unknown one (OpenSSH prints both lines);
 * - access on a host that is not the Hub, before any Hub-specific explanation of it;
 * - this computer's faults (a full disk, a lock file in the way, a folder Git may not write) next:
 *   they explain a failure whatever the Hub said before it, and their words name the system's
 *   errors, never the Hub's (`remote:` lines are not read for them);
 * - a branch update refused because another push was making one, before access (it ends with
 *   "[remote rejected]" too);
 * - files, LFS and limits before access: the Hub's file refusals end with the same
 *   "pre-receive hook declined" as a read token's, and only their own words identify them, while
 *   "git-lfs: not found" is followed by git's "remote end hung up";
 * - rate limits before quotas (the limit's message says "quota of 1000 api requests");
 * - access rows in ACCESS_RULES' order (gated and LFS-over-SSH before the password row whose
 *   words they share; whoami-explained refusals before the general one);
 * - a connection dropped mid-transfer before ssh's connection rows and the network row (a drop
 *   often ends in "Connection reset by peer" or a failed reconnect), except a 408/413;
 * - ssh's connection rows before the HTTPS network row ("Could not resolve hostname" contains
 *   curl's "Could not resolve host"), and the network before a bare "hung up" on a push;
 * - a clean exit only when no row recognised a failure; unknown last.
 */
export const FAILURE_RULES: readonly FailureRule[] = [
  stalled,
  cancelled,
  sshMissing,
  gitMissing,
  greeted,
  anonymous,
  hostKeyChanged,
  hostKeyUnknown,
  notHubRemote,
  diskFull,
  gitLock,
  localPermission,
  concurrentPush,
  lfsNotInstalled,
  lfsPointerFiles,
  lfsOver5gb,
  lfsMissingObjects,
  lfsMissingOnHub,
  binaryFiles,
  tooLarge,
  invalidMetadata,
  rateLimited,
  quota,
  ...ACCESS_RULES,
  mergeConflict,
  localChangesBlock,
  nonFastForward,
  connectionLost,
  sshDns,
  sshTimeout,
  sshRefused,
  pushTooBig,
  network,
  succeeded,
  unrecognised,
];
