// Await-an-event helpers: tests wait for the simulator to reach a state instead of sleeping.
import type { EventBus } from './core/event-bus';
import type { SimEvent } from './types';

/** Default real-time limit of a wait, in ms. */
export const DEFAULT_WAIT_MS = 5_000;

/**
 * Resolves with `check()`'s first non-undefined value, testing now and after every event; rejects after
 * `timeoutMs` of real time with `what` in the message.
 */
export function waitUntil<T>(
  bus: EventBus,
  check: (event: SimEvent | null) => T | undefined,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<T> {
  const now = check(null);
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = bus.on((event) => {
      const value = check(event);
      if (value === undefined) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}
