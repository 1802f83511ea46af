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

/**
 * Why a refusal happened, for the person at the counter (issue 14, item 7): the error code says what
 * kind of failure it is (a conflict, a forbidden action), the reason says which one, so the screen can
 * say why and what to do — and never "try again" when trying again can never work. The renderer has
 * words for each one (a test checks both languages).
 */
export const FAILURE_REASONS = [
  // The sale has a payment: its lines are frozen until the payment ends.
  'sale_in_checkout',
  'empty_sale',
  'sale_already_paid',
  // A card payment of this sale is still being verified: charging again could charge twice.
  'card_in_verification',
  'sale_not_open',
  // The payment already ended (approved, declined…): there is nothing to cancel.
  'payment_final',
  // No Kushki key is set for dev/live: nothing can be sent.
  'kushki_key_missing',
  // No terminal is set up (or the chosen one was removed).
  'terminal_missing',
  // A PIN typed at a manager's prompt belongs to a cashier.
  'not_a_manager',
  // A manager's approval is needed (no PIN typed yet), or the PIN typed is no manager's.
  'manager_pin_required',
  'wrong_manager_pin',
  // A joined register lost its link to the store server (issue 17): nothing was done or recorded.
  'store_server_unreachable',
  // This register was revoked by the manager: it cannot sell until it is paired again.
  'register_revoked',
  // The action belongs to the store server's own screen (see [Note: store-server-only channels]).
  'store_server_only',
  // Joining a store server as a register (issue 17, `store.join`): why the pairing was refused.
  'join_bad_url',
  // The server refused the code: mistyped, expired, already used or replaced by a newer one.
  'join_code_refused',
  // Too many wrong codes: this one is burnt, the manager makes a new one.
  'join_too_many_attempts',
  'join_unreachable',
  // The other end does not know the code (not the store server), or its certificate is not the
  // one pairing saw: nothing was kept.
  'join_server_not_proven',
  'join_server_not_pinned',
  'join_bad_answer',
] as const;

/** One of {@link FAILURE_REASONS}. */
export type FailureReason = (typeof FAILURE_REASONS)[number];

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
  /** Which refusal this is, when the screen should say more than the code does. */
  reason?: FailureReason;
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
