// Composition root of the relay: storage, group commit, HTTP routes, the stream server, timers, and an orderly
// shutdown. [Note: graceful shutdown] Nothing answered 200 is ever lost, and nothing is answered 200 unstored:
// 1. stop accepting (new ingress gets 503 — Kushki retries — and new streams 503); 2. wait for ingress requests
// already past that check; 3. drain the group commit, so each of them is stored and answered; 4. close streams
// with 1001 and persist acks; 5. close HTTP; 6. checkpoint and close the database.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relayOptionsSchema } from './config';
import type { RelayOptionsInput } from './config';
import { openSqliteStorage } from './storage/sqlite-storage';
import type { RelayStorage } from './storage/storage';
import { GroupCommitter } from './ingress/group-commit';
import { StoreCache } from './ingress/store-cache';
import { loadBpKeyring } from './ingress/bp-signature';
import { createRouter } from './http/router';
import { createStreamServer } from './stream/stream-server';
import { SessionRegistry } from './stream/session-registry';
import { RelayMetrics } from './ops/metrics';
import { createLogger, errorFields } from './ops/logger';
import type { Logger } from './ops/logger';
import { startRetention } from './ops/retention';
import { createStoreAdmin } from './stores/store-admin';
import type { StoreAdmin } from './stores/store-admin';
import { CloseCode } from './protocol/messages';

/** A running relay. */
export interface RelayHandle {
  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  url: string;
  port: number;
  /** Store administration on the relay's own storage; rotations take effect on live streams at once. */
  admin: StoreAdmin;
  /** Current Prometheus exposition text (what GET /metrics returns). */
  metricsText: () => string;
  /** Runs one retention pass now; returns how many events were pruned. */
  pruneNow: () => Promise<number>;
  /** Graceful shutdown; see [Note: graceful shutdown]. Idempotent. */
  close: () => Promise<void>;
}

/** Extra wiring that is not plain configuration. */
export interface RelayWiring {
  /** Storage to use instead of SQLite in `dataDir` (e.g. a future PostgreSQL adapter). */
  storage?: RelayStorage;
  logger?: Logger;
}

/** Starts a relay on `host:port` (127.0.0.1 and an OS-chosen port by default). */
export async function createRelay(
  options: RelayOptionsInput,
  wiring: RelayWiring = {},
): Promise<RelayHandle> {
  const config = relayOptionsSchema.parse(options);
  const logger = wiring.logger ?? createLogger({ level: config.logLevel });
  const storage = wiring.storage ?? openSqliteStorage(config.dataDir);
  const metrics = new RelayMetrics();
  const bpKeys = loadBpKeyring(config.bpPublicKeys);
  let stopping = false;
  const isStopping = (): boolean => stopping;

  const committer = new GroupCommitter(storage, {
    maxBatch: config.maxBatch,
    deadlineMs: config.ingressDeadlineMs,
    onError: (err) => logger.error('append failed; batch answered 503', errorFields(err)),
  });
  const registry = new SessionRegistry(storage, metrics, logger, config);
  const metricsText = (): string =>
    metrics.render({ ...registry.gauges(), ingressQueue: committer.depth, storage: storage.writeStats?.() });
  const stores = new StoreCache(storage);
  const router = createRouter({
    storage,
    stores,
    committer,
    metrics,
    logger,
    bpKeys,
    maxBodyBytes: config.maxBodyBytes,
    requireBpSignature: config.requireBpSignature,
    isStopping,
    metricsText,
    health: async () => {
      try {
        await storage.ping();
        return { ok: !stopping, detail: { stopping, connectedStores: registry.gauges().connectedStores } };
      } catch {
        return { ok: false, detail: { stopping, storage: 'unavailable' } };
      }
    },
  });
  const stream = createStreamServer({ storage, registry, metrics, logger, isStopping });
  const retention = startRetention(
    storage,
    { retentionDays: config.retentionDays, intervalMs: config.pruneIntervalMs },
    logger,
  );

  const server = createServer(router.handle);
  // Slow-loris guard: a webhook must arrive whole in a few seconds (Kushki itself gives up after 2 s).
  server.headersTimeout = 5000;
  server.requestTimeout = 10_000;
  server.on('upgrade', stream.handleUpgrade);
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  logger.info('relay listening', { host: config.host, port, retentionDays: config.retentionDays });

  const admin = createStoreAdmin(storage, (storeId) => {
    stores.invalidate(storeId);
    void registry.recheck(storeId);
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopping = true;
      logger.info('relay stopping');
      const serverClosed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const waitUntil = Date.now() + config.ingressDeadlineMs + 1000;
      while (router.inFlight() > 0 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 10));
      await committer.drain();
      await retention.stop();
      await registry.shutdown(CloseCode.shuttingDown, 'shutting_down');
      stream.close();
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 2000);
      await serverClosed;
      clearTimeout(force);
      await storage.close();
      logger.info('relay stopped', { eventsIn: metrics.eventsIn });
    })();
    return closing;
  };

  return { url, port, admin, metricsText, pruneNow: retention.runOnce, close };
}
