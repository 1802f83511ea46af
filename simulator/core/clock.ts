// [Note: simulated time]
// Every duration the simulator models (approve delay, ttl, webhook retry schedule, delay faults, slow push
// responses) is a *simulated* duration that goes through a Clock. `createScaledClock(0.001)` runs simulated time
// 1000× faster than the wall clock, so a 60 s ttl expires after 60 ms and `now()` still reports dates 60 s apart.
// Network timeouts (the 2 s webhook reply limit) are real time and never scaled.

/** Cancels a scheduled timer; calling it twice is harmless. */
export type CancelTimer = () => void;

/** Source of simulated time and timers. */
export interface Clock {
  /** Simulated epoch milliseconds. */
  now(): number;
  /** Runs `fn` after `ms` of simulated time. */
  setTimer(ms: number, fn: () => void): CancelTimer;
}

/** Wall clock whose simulated time runs `1 / timeScale` times faster (timeScale 1 = real time). */
export function createScaledClock(timeScale = 1, start = Date.now()): Clock {
  if (!(timeScale > 0)) throw new RangeError('timeScale must be > 0');
  const realStart = Date.now();
  const now = () => Math.round(start + (Date.now() - realStart) / timeScale);
  return {
    now,
    setTimer(ms, fn) {
      // Node's timers run on a monotonic clock and may fire a millisecond before Date.now() shows the
      // delay passed; scaled up, that is a retry "100 ms early". Re-arm for the rest, so a timer never
      // runs before its simulated due time (a loaded machine only ever makes it late).
      const dueAt = now() + Math.max(0, ms);
      let handle: ReturnType<typeof setTimeout>;
      const arm = (delay: number) => {
        handle = setTimeout(() => (now() < dueAt ? arm(1) : fn()), Math.max(0, delay));
      };
      arm(ms * timeScale);
      return () => clearTimeout(handle);
    },
  };
}

interface ManualTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that only moves when told to: for unit tests that must not wait at all. */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private timers = new Set<ManualTimer>();

  constructor(start = Date.UTC(2025, 0, 15, 19, 45, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): CancelTimer {
    const timer: ManualTimer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Moves time forward by `ms`, firing due timers in order (timers scheduled by timers fire too). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = [...this.timers]
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers.delete(due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }

  /** Number of timers still waiting. */
  pending(): number {
    return this.timers.size;
  }
}

/** Wraps a clock so every timer it hands out can be cancelled at once on shutdown. */
export class TimerSet {
  private cancels = new Set<CancelTimer>();

  constructor(private readonly clock: Clock) {}

  /** Schedules `fn` after `ms` of simulated time; returns its cancel function. */
  set(ms: number, fn: () => void): CancelTimer {
    const cancel = this.clock.setTimer(ms, () => {
      this.cancels.delete(cancel);
      fn();
    });
    this.cancels.add(cancel);
    return () => {
      this.cancels.delete(cancel);
      cancel();
    };
  }

  /** A promise resolved after `ms` of simulated time (or never, if `clear()` runs first). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.set(ms, resolve));
  }

  /** Cancels every outstanding timer. */
  clear(): void {
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}
