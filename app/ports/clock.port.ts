/** Time source, injected so tests control it. */
export interface Clock {
  /** Milliseconds since the Unix epoch (UTC). */
  now(): number;
}
