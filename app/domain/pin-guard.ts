/**
 * [Note: PIN failures per target]
 * Wrong PINs are counted per TARGET user — the user whose PIN was tried — and only that user's own
 * correct PIN resets the count (issue 11: a cashier alternating two guesses at the manager's PIN
 * with her own correct sign-in found 9999 in 54 s, because any success reset one register-wide
 * counter; and one guesser slowed every user down). The counts live in SQLite (`pin_attempts`), so
 * a restart does not reset them. After FREE_ATTEMPTS wrong PINs in a row each further one waits
 * longer; after LOCK_AFTER_FAILURES the user is locked until a manager unlocks them (or, for the
 * last manager, the recovery command in the README). A manager-approval prompt (a PIN typed
 * without naming the manager) counts a wrong PIN against every manager it was tried against.
 */

/** Wrong PINs in a row that cost nothing; then each one doubles the wait (1 s, 2 s, 4 s … 60 s). */
export const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 60_000;

/**
 * Wrong PINs in a row after which the user is locked. Ten: with the waits before it a guesser gets
 * ten tries in about two minutes (a 0.1 % chance at a 4-digit PIN), while a user who mistypes has
 * seven chances after the first slow-down before needing a manager.
 */
export const LOCK_AFTER_FAILURES = 10;

/** One user's run of wrong PINs. */
export interface PinFailures {
  /** Wrong PINs in a row (0: none since the last correct one or unlock). */
  failures: number;
  /** When the last wrong PIN was typed (epoch ms); 0 when there is none. */
  lastFailureAt: number;
  /** When the user was locked (epoch ms), or null. */
  lockedAt: number | null;
}

/** No wrong PINs: the state after a correct PIN or an unlock. */
export const NO_FAILURES: PinFailures = { failures: 0, lastFailureAt: 0, lockedAt: null };

/** The wait imposed after `failures` wrong PINs in a row. */
export function pinDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1_000 * 2 ** (failures - FREE_ATTEMPTS));
}

/** Whether a PIN may be tried for this user now. */
export type PinGate = { kind: 'open' } | { kind: 'wait'; retryAfterMs: number } | { kind: 'locked' };

/** May a PIN be checked against a user in this state at `now`? */
export function pinGate(state: PinFailures, now: number): PinGate {
  if (state.lockedAt !== null) return { kind: 'locked' };
  const until = state.lastFailureAt + pinDelayMs(state.failures);
  return now < until ? { kind: 'wait', retryAfterMs: until - now } : { kind: 'open' };
}

/** The state after one more wrong PIN at `now`; it locks the user at LOCK_AFTER_FAILURES. */
export function afterWrongPin(state: PinFailures, now: number): PinFailures {
  const failures = state.failures + 1;
  const lockedAt = state.lockedAt ?? (failures >= LOCK_AFTER_FAILURES ? now : null);
  return { failures, lastFailureAt: now, lockedAt };
}
