import type { Timers } from '../ports/timers.port';

/** Timers on Node's event loop; unref'd, so a pending idle lock never keeps a process alive. */
export const nodeTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
