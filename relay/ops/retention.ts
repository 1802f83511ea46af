// Retention: events older than the retention period are deleted in small chunks, yielding between chunks so
// pruning a large backlog never blocks ingress for long. Pruning ignores acks on purpose: a store offline for
// longer than the retention period must reconcile through get-status anyway, and the `ready` frame tells it so.
import type { RelayStorage } from '../storage/storage';
import type { Logger } from './logger';
import { errorFields } from './logger';

const CHUNK = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Prunes once now and then every `intervalMs`; returns a stop function that waits for a running prune. */
export function startRetention(
  storage: RelayStorage,
  options: { retentionDays: number; intervalMs: number; now?: () => number; onError?: () => void },
  logger: Logger,
): { stop: () => Promise<void>; runOnce: () => Promise<number> } {
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  const now = options.now ?? Date.now;

  const prune = async (): Promise<number> => {
    const cutoff = now() - options.retentionDays * DAY_MS;
    let total = 0;
    try {
      for (;;) {
        const n = await storage.pruneBefore(cutoff, CHUNK);
        total += n;
        if (n < CHUNK || stopped) break;
        await new Promise<void>((r) => setImmediate(r));
      }
      if (total > 0)
        logger.info('retention pruned events', { pruned: total, retentionDays: options.retentionDays });
    } catch (err) {
      options.onError?.();
      logger.error('retention prune failed', errorFields(err));
    }
    return total;
  };

  const runOnce = (): Promise<number> => {
    running = running.then(prune);
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
