import type { ErrorCode } from '../../preload/contract';
import { assertNever } from './assert-never';

/**
 * The headline for an error, chosen by its stable code: the message under it comes from main and
 * says what happened this time; the headline says what kind of trouble it is, in plain words.
 */
export function errorHeadline(code: ErrorCode): string {
  switch (code) {
    case 'invalid_input':
      return 'Something in the request was not accepted';
    case 'unknown_operation':
      return 'This part of the app is out of date';
    case 'untrusted_sender':
      return 'The request was blocked for your safety';
    case 'not_allowed':
      return 'The app is not allowed to do that';
    case 'timeout':
      return 'That took too long';
    case 'internal':
      return 'Something went wrong';
    case 'ssh_dir_unusable':
      return 'Your SSH folder cannot be used';
    case 'key_name_taken':
      return 'That name is already taken';
    case 'key_not_found':
      return 'That key is not there any more';
    case 'keygen_failed':
      return 'The key could not be created';
    case 'wrong_passphrase':
      return 'Wrong passphrase';
    case 'agent_unavailable':
      return 'No SSH agent is available';
    case 'agent_failed':
      return 'The key could not be loaded';
    case 'host_key_mismatch':
      return 'Warning: the Hub’s key does not match';
    case 'file_unwritable':
      return 'A file could not be saved';
    case 'ssh_config_overridden':
      return 'Other SSH settings would win';
    case 'token_invalid':
      return 'That is not an access token';
    case 'token_unknown':
      return 'The Hub doesn’t recognise this token';
    case 'token_not_checked':
      return 'Check the token again';
    case 'rate_limited':
      return 'The Hub asks the app to slow down';
    case 'offline':
      return 'The Hub could not be reached';
    case 'dns':
      return 'The Hub’s address could not be found';
    case 'tls':
      return 'The secure connection could not be verified';
    case 'hub_error':
      return 'The Hub answered with an error';
    case 'plaintext_consent_needed':
      return 'The token would be saved in plain text';
    case 'credential_helper_failed':
      return 'Git could not save the token';
    case 'repo_unusable':
      return 'That folder cannot be used';
    case 'bad_repo_address':
      return 'That is not a Hub repository address';
    case 'destination_unusable':
      return 'That folder cannot be used for the clone';
    case 'cancelled':
      return 'Cancelled';
    case 'git_failed':
      return 'Git stopped with an error';
    case 'lfs_missing':
      return 'Git LFS is not installed';
    case 'identity_needed':
      return 'Git needs your name and email first';
    case 'nothing_to_commit':
      return 'Nothing to commit';
    case 'consent_needed':
      return 'This needs your go-ahead';
    case 'conflict_markers':
      return 'Conflict markers are still in the file';
    case 'operation_in_progress':
      return 'Finish or abort the pull first';
    case 'nothing_to_undo':
      return 'There is no commit to undo';
    case 'already_pushed':
      return 'That commit is already on the Hub';
    case 'bad_branch_name':
      return 'That is not a branch name Git accepts';
    case 'branch_exists':
      return 'A branch with that name exists';
    case 'not_found':
      return 'That is not there any more';
    case 'hub_rules':
      return 'The Hub would refuse these files';
    case 'api_token_needed':
      return 'This needs an access token';
    case 'repo_name_taken':
      return 'That name is taken on the Hub';
    case 'folder_unusable':
      return 'That folder cannot be published';
    default:
      return assertNever(code);
  }
}
