/**
 * Errors are data at the process boundary (house style, principle 4): expected failures travel as
 * `{ ok: false, error }` with a code from this closed set; bugs are thrown and become `internal`.
 */

/** Every error code a caller can receive. The renderer picks its user-facing text from these. */
export const ERROR_CODES = [
  'validation_failed',
  'unknown_channel',
  'not_found',
  'conflict',
  'forbidden',
  'unavailable',
  'session_required',
  'rate_limited',
  // A user locked after too many wrong PINs in a row, until a manager unlocks them (issue 11).
  'user_locked',
  'internal',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one field of a request, as reported by validation. */
export interface FieldIssue {
  path: string;
  /** In English, for logs and scripts; a screen words the problem from `code` when it knows it. */
  message: string;
  /** A stable machine code for the problem (see [Note: product problems]), with its params. */
  code?: string;
  params?: Record<string, string | number>;
}

/** An expected failure, safe to show: it never carries a stack, a secret or a raw library error. */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** Set on `internal` errors: the id under which the stack was logged in the trusted process. */
  correlationId?: string;
  issues?: FieldIssue[];
  /** For `rate_limited` (and a wrong PIN): how long until the next attempt is accepted. */
  retryAfterMs?: number;
}

/** Success or an expected failure. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds an expected failure. */
export function fail<T = never>(code: ErrorCode, message: string, extra?: Partial<AppError>): Result<T> {
  return { ok: false, error: { ...extra, code, message } };
}
