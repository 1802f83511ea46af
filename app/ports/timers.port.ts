/** A one-shot timer, injected so tests fire it by advancing their clock instead of waiting. */
export interface Timers {
  /** Runs `run` once, `ms` from now; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}
