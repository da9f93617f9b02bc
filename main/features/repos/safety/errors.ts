import type { ErrorCode } from '../../../../preload/contract';

/** A refusal of a safety operation with its stable code, plain words and what to do next. */
export class SafetyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
