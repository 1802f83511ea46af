import type { Clock } from '../../app/ports/clock.port';
import type { Timers } from '../../app/ports/timers.port';

/** A clock and one-shot timers that move only when the test says so. */
export interface ManualTime {
  clock: Clock;
  timers: Timers;
  /** Timers not yet fired or cancelled. */
  pending(): number;
  /** Moves the clock forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void;
}

/** Manual time starting at `start` (epoch ms). */
export function manualTime(start = Date.UTC(2026, 0, 15, 16)): ManualTime {
  let now = start;
  let nextId = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    clock: { now: () => now },
    timers: {
      after(ms, run) {
        const id = nextId++;
        due.set(id, { at: now + Math.max(0, ms), run });
        return () => due.delete(id);
      },
    },
    pending: () => due.size,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const [id, next] = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
        if (id === undefined || !next || next.at > end) break;
        due.delete(id);
        now = next.at;
        next.run();
      }
      now = end;
    },
  };
}
