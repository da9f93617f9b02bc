import type { FailureAction, Outcome } from '../../preload/contract';

/** The button (or link) text for each one-click action the failure table can offer. */
export const ACTION_LABELS: Readonly<Record<FailureAction, string>> = {
  forget_and_reenter: 'Forget the saved token and paste a new one',
  new_write_token: 'Create a write token on the Hub',
  fix_username: 'Remove the username from the address',
  pull_first: 'Pull',
  track_with_lfs: 'Store these files with Git LFS',
  lfs_pull: 'Download the large files',
  install_lfs: 'Set up Git LFS',
  open_keys_page: 'Open your SSH keys on the Hub',
  pin_host_keys: 'Record the Hub’s published host keys',
  request_access: 'Ask for access on the Hub',
  use_https: 'Use an access token (HTTPS) instead',
  open_pull_request: 'Open a pull request instead',
  resolve_conflicts: 'Choose what to keep',
  stash_and_retry: 'Set my changes aside and try again',
  enable_large_files: 'Set up very large files',
  test_ssh_connection: 'Test the SSH connection',
  remove_stale_lock: 'Remove the stale lock',
  unlock_key: 'Unlock your SSH key',
};

/** Actions whose words read right as a link to the Hub page the outcome names. */
const LINK_ACTIONS: ReadonlySet<FailureAction> = new Set([
  'new_write_token',
  'open_keys_page',
  'request_access',
  'open_pull_request',
  'enable_large_files',
]);

/** The words of the link to `outcome.link` when the screen cannot carry the action out itself. */
export function linkLabel(action: FailureAction): string {
  return LINK_ACTIONS.has(action) ? ACTION_LABELS[action] : 'Open the page on the Hub';
}

/** The headline of an outcome box: success is said in the screen's own words, a failure in the table's. */
export function outcomeTitle(outcome: Outcome, okTitle?: string): string {
  return outcome.kind === 'ok' && okTitle ? okTitle : outcome.message;
}
