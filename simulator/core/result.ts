/** Result envelope for expected failures (house style, principle 4): bugs throw, outcomes are data. */
// The optional `never` members let callers write `result.error?.code` without narrowing first.
export type Result<T, E = SimError> =
  { ok: true; value: T; error?: undefined } | { ok: false; error: E; value?: undefined };

/** Closed set of control-side error codes returned by the programmatic and `/_sim/` surfaces. */
export type SimErrorCode =
  | 'not_found'
  | 'not_pending'
  | 'not_on_screen'
  | 'tip_not_allowed'
  | 'not_approved'
  | 'invalid_input'
  | 'terminal_exists'
  | 'unknown_terminal'
  | 'forbidden_target';

/** An expected failure of a control action, with a human-readable message for logs and the page. */
export interface SimError {
  code: SimErrorCode;
  message: string;
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Builds a failed Result from a code and message. */
export function fail(code: SimErrorCode, message: string): Result<never, SimError> {
  return { ok: false, error: { code, message } };
}
