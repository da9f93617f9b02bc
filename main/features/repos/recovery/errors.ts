import type { ErrorCode } from '../../../../preload/contract';

/** A refusal of a recovery operation: its code, the words for the person and what to do next. */
export class RecoveryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
