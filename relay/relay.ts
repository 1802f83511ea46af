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
import { openPgStorage } from './storage/pg-storage';
import { chooseSqliteWriter, measureFsyncMs, type SqliteWriterMode } from './storage/writer-choice';
import type { RelayStorage } from './storage/storage';
import { GroupCommitter } from './ingress/group-commit';
import { StoreCache } from './ingress/store-cache';
import { StoreRateLimiter } from './ingress/rate-limit';
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
  metricsText: () => Promise<string>;
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
  /**
   * Time source of the ingress rate limit and of the streams' liveness rule (heartbeat timeout), so
   * tests refill the buckets and step over timeouts without waiting; `Date` by default.
   */
  clock?: { now(): number };
  /** The relay's metrics (a fresh set by default); the relay stops their monitors when it closes. */
  metrics?: RelayMetrics;
}

/** The raw answer to a request Node's parser refused or timed out (the statuses Node itself would send). */
function clientErrorAnswer(code: string | undefined): string {
  const status =
    code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? '408 Request Timeout'
      : code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
  return `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
}

/** The SQLite storage with the writer `mode` selects (see [Note: which thread writes]), the choice logged. */
function openChosenSqlite(dataDir: string, mode: SqliteWriterMode, logger: Logger): RelayStorage {
  const choice = chooseSqliteWriter(mode, () => measureFsyncMs(dataDir));
  logger.info('sqlite writer', {
    writer: choice.writer,
    mode,
    ...(choice.fsyncMedianMs !== undefined && { fsyncMedianMs: Number(choice.fsyncMedianMs.toFixed(3)) }),
  });
  return openSqliteStorage(dataDir, { writer: choice.writer });
}

/** Starts a relay on `host:port` (127.0.0.1 and an OS-chosen port by default). */
export async function createRelay(
  options: RelayOptionsInput,
  wiring: RelayWiring = {},
): Promise<RelayHandle> {
  const config = relayOptionsSchema.parse(options);
  const logger = wiring.logger ?? createLogger({ level: config.logLevel });
  const storage =
    wiring.storage ??
    (config.databaseUrl !== undefined
      ? await openPgStorage({ databaseUrl: config.databaseUrl, logger })
      : openChosenSqlite(config.dataDir ?? '', config.sqliteWriter, logger));
  const metrics = wiring.metrics ?? new RelayMetrics();
  const bpKeys = loadBpKeyring(config.bpPublicKeys);
  let stopping = false;
  const isStopping = (): boolean => stopping;

  // [Note: PostgreSQL answers late rather than 503] On a shared database a store's appends from every instance
  // queue on its row lock, each transaction a few network round trips long; on a loaded machine the queue for a busy
  // store passed 1.5 s and ingress answered 503 (14 of 300 at load 26, issue 18). A 200 after Kushki's 2 s is
  // worth more than a 503: the event is stored and streamed now, and Kushki's retry is a duplicate answered 200. So
  // PostgreSQL waits up to 8 s (well under the socket's idle timeout) before giving a webhook up unstored.
  const ingressDeadlineMs = config.ingressDeadlineMs ?? (storage.coordination ? 8000 : 1500);
  const committer = new GroupCommitter(storage, {
    maxBatch: config.maxBatch,
    deadlineMs: ingressDeadlineMs,
    ...(storage.maxConcurrentAppends !== undefined && { pipeline: storage.maxConcurrentAppends }),
    onError: (err) => logger.error('append failed; batch answered 503', errorFields(err)),
  });
  const clock = wiring.clock ?? Date;
  const stores = new StoreCache(storage);
  const registry = new SessionRegistry(storage, metrics, logger, config, clock, (id) => stores.get(id));
  let openConnections = 0;
  metrics.readFrom(() => ({
    ...registry.gauges(),
    ingressQueue: committer.depth,
    openConnections,
    storage: storage.writeStats?.(),
  }));
  const metricsText = (): Promise<string> => metrics.text();
  const rateLimiter = new StoreRateLimiter(
    { burst: config.ingressBurst, refillPerSecond: config.ingressRefillPerSecond },
    () => clock.now(),
  );
  const router = createRouter({
    storage,
    stores,
    committer,
    rateLimiter,
    metrics,
    logger,
    bpKeys,
    maxBodyBytes: config.maxBodyBytes,
    requireBpSignature: config.requireBpSignature,
    isStopping,
    metricsToken: config.metricsToken,
    health: async () => {
      try {
        await storage.ping();
        return { ok: !stopping, detail: { stopping, connectedStores: registry.gauges().connectedStores } };
      } catch {
        metrics.storageError('ping');
        return { ok: false, detail: { stopping, storage: 'unavailable' } };
      }
    },
  });
  const stream = createStreamServer({ storage, registry, metrics, logger, isStopping });
  const retention = startRetention(
    storage,
    {
      retentionDays: config.retentionDays,
      intervalMs: config.pruneIntervalMs,
      onError: () => metrics.storageError('prune'),
    },
    logger,
  );

  const server = createServer(
    {
      // Slow-loris guard: a webhook must arrive whole in a few seconds (Kushki itself gives up after 2 s). Node
      // enforces both only when it sweeps its connections, every 30 s by default, so half-sent requests held
      // their file descriptors for up to 35 s; sweep often enough that the limits mean what they say.
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
    },
    router.handle,
  );
  // A socket idle this long (a client that stopped reading an answer) is destroyed; stream sockets are exempt,
  // ws clears the timeout when it takes one over.
  server.timeout = 2 * config.requestTimeoutMs;
  server.on('connection', (socket) => {
    openConnections++;
    socket.once('close', () => openConnections--);
  });
  server.on('upgrade', stream.handleUpgrade);
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    logger.debug('bad request refused', { code: err.code ?? err.name });
    // Answer, then let go of the socket once the answer is written: ending it alone left it half-open, holding a
    // descriptor for as long as the peer kept its side open.
    if (socket.writable && err.code !== 'ECONNRESET')
      socket.end(clientErrorAnswer(err.code), () => socket.destroy());
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a server error (e.g. EMFILE on accept) is logged instead of ending the relay.
  server.on('error', (err) => logger.error('http server error', errorFields(err)));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  logger.info('relay listening', {
    host: config.host,
    port,
    retentionDays: config.retentionDays,
    storage: config.databaseUrl !== undefined ? 'postgresql' : 'sqlite',
  });

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
      const waitUntil = Date.now() + ingressDeadlineMs + 1000;
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
      metrics.stop();
      logger.info('relay stopped', { eventsIn: metrics.eventsIn });
    })();
    return closing;
  };

  return { url, port, admin, metricsText, pruneNow: retention.runOnce, close };
}
