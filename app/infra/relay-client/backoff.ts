/** Reconnect timings; tests shrink them. */
export interface BackoffTimings {
  baseMs: number;
  maxMs: number;
  /** A connection `ready` this long resets the attempt count. */
  stableMs: number;
  /** How long to wait after a refusal that needs a person (bad token, another device). */
  refusedMs: number;
}

/** PROTOCOL.md §5.3: 1 s doubling to 30 s, reset after 60 s of a good connection; 10 min after a refusal. */
export const DEFAULT_BACKOFF: BackoffTimings = {
  baseMs: 1_000,
  maxMs: 30_000,
  stableMs: 60_000,
  refusedMs: 600_000,
};

/** Delay before attempt `n` (0-based): d/2 + random(0, d/2), d = min(max, base·2ⁿ). Jitter spreads a store fleet. */
export function backoffDelay(
  attempt: number,
  timings: BackoffTimings,
  random: () => number = Math.random,
): number {
  const d = Math.min(timings.maxMs, timings.baseMs * 2 ** Math.min(attempt, 30));
  return d / 2 + random() * (d / 2);
}
