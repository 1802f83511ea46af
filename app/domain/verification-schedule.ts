/**
 * When to ask Kushki's get-status about a payment no event has settled. Fast at first (most
 * payments end within a minute), then backing off, up to the request's ttl plus a grace period;
 * past that the payment is **unknown** and is still checked, slowly, until it resolves.
 */

/** Timings of the schedule, in the engine's clock's milliseconds (tests drive that clock). */
export interface VerificationTimings {
  /** Delays after sending, in order; the last one repeats until the deadline. */
  delaysMs: readonly number[];
  /** Added to the ttl before a still-open payment is declared unknown. */
  graceMs: number;
  /** Interval of the slow checks of unknown payments. */
  slowIntervalMs: number;
}

/** Production timings: the Kushki demo polls every 30 s; we start faster and back off to that. */
export const DEFAULT_TIMINGS: VerificationTimings = {
  delaysMs: [3_000, 5_000, 10_000, 15_000, 30_000],
  graceMs: 60_000,
  slowIntervalMs: 120_000,
};

/** The delay before check number `checkCount` (0-based). */
export function delayBeforeCheck(checkCount: number, timings: VerificationTimings): number {
  const { delaysMs } = timings;
  return delaysMs[Math.min(checkCount, delaysMs.length - 1)] ?? timings.slowIntervalMs;
}

/** When a still-open payment stops being "pending" and becomes unknown. */
export function verificationDeadline(
  createdAt: number,
  ttlSeconds: number,
  timings: VerificationTimings,
): number {
  return createdAt + ttlSeconds * 1000 + timings.graceMs;
}
