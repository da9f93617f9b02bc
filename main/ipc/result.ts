import type { AppError, ErrorCode, Result } from '../../preload/contract';

/** Builds a success result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure result with a stable code, a plain message and what to do next. */
export function fail<T = never>(code: ErrorCode, message: string, hint: string, details?: string): Result<T> {
  const error: AppError = details === undefined ? { code, message, hint } : { code, message, hint, details };
  return { ok: false, error };
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
