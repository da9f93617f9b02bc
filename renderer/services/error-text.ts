import type { ErrorCode } from '../../preload/contract';
import { assertNever } from '../lib/assert-never';

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
    default:
      return assertNever(code);
  }
}
