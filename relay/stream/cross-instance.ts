// [Note: one stream across instances] With several relay instances on one PostgreSQL database, a store's stream
// lives on exactly one of them, and the newest connection wins, wherever it lands:
// 1. Before upgrading, the instance claims the store's advisory lock on its coordination connection. If another
//    instance holds it, the claimer NOTIFYs a takeover (store id only); the holder closes its session with 4009,
//    as a local replacement would, and unlocks; the claimer then gets the lock (or answers 503 after a timeout).
// 2. A SIGKILLed holder's connection ends with it, so its locks are free at once: the client reconnects anywhere
//    and resumes from its own cursor.
// 3. If this instance loses its coordination connection, its locks are gone, so it closes every session (1011)
//    rather than risk two streams for one store; clients reconnect.
// 4. Events stored by another instance arrive as NOTIFY (store id and last seq); a poll of the live stores' last
//    seqs every `pollIntervalMs` covers a notification lost while the connection was being re-established.
import type { RelayCoordination } from '../storage/storage';
import type { Logger } from '../ops/logger';
import { errorFields } from '../ops/logger';

/** What the link needs from the session registry. */
export interface CrossInstanceHost {
  advance(storeId: string, lastSeq: number): void;
  takeover(storeId: string): void;
  closeAllLost(): void;
  liveStoreIds(): string[];
}

/** Subscribes the registry to the coordination's signals and starts the fallback poll; returns an unlink. */
export function linkCoordination(
  host: CrossInstanceHost,
  coordination: RelayCoordination,
  options: { pollIntervalMs: number; logger: Logger },
): () => void {
  const offs = [
    coordination.onAdvanced((storeId, lastSeq) => host.advance(storeId, lastSeq)),
    coordination.onTakeover((storeId) => host.takeover(storeId)),
    coordination.onLost(() => host.closeAllLost()),
  ];
  let polling = false;
  const timer = setInterval(() => {
    const ids = host.liveStoreIds();
    if (polling || ids.length === 0) return;
    polling = true;
    coordination
      .lastSeqs(ids)
      .then((seqs) => {
        for (const [id, seq] of seqs) host.advance(id, seq);
      })
      .catch((err: unknown) => options.logger.warn('stream poll failed', errorFields(err)))
      .finally(() => (polling = false));
  }, options.pollIntervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const off of offs) off();
  };
}
