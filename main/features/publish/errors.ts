import type { ErrorCode, Outcome } from '../../../preload/contract';

/** Why: a publish that cannot go on, with the contract's code, plain words and a way forward. */
export class PublishError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
    readonly details?: string,
    readonly outcome?: Outcome,
  ) {
    super(message);
  }
}
