// One dedicated PostgreSQL connection per relay instance for what a pool cannot do: LISTEN, and session-level
// advisory locks (they belong to the connection that took them). See [Note: one stream across instances].
// Why locks and not a lease table: when an instance dies (SIGKILL, a lost host), the kernel closes its socket,
// PostgreSQL ends that backend and every lock it held is free at once, with no expiry to wait out.
import pg from 'pg';
import type { Notification, Pool } from 'pg';
import type { Logger } from '../ops/logger';
import { errorFields } from '../ops/logger';
import { EVENTS_CHANNEL, TAKEOVER_CHANNEL, streamLockKey } from './pg-keys';
import type { RelayCoordination } from './storage';

/** Timings of the coordination connection. */
export interface CoordinationOptions {
  /** How long a claim asks the holder to let go before the new connection is refused with 503. */
  claimTimeoutMs?: number;
  /** Between two tries of the lock while the holder lets go. */
  claimRetryMs?: number;
}

const EVENT_PAYLOAD = /^(.{1,200}):(\d{1,16})$/s;
const STORE_ID = /^.{1,200}$/s;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Connects, LISTENs, and keeps reconnecting after failures until closed. */
export async function openPgCoordination(
  databaseUrl: string,
  pool: Pool,
  logger: Logger,
  options: CoordinationOptions = {},
): Promise<RelayCoordination> {
  const claimTimeoutMs = options.claimTimeoutMs ?? 5000;
  const claimRetryMs = options.claimRetryMs ?? 20;
  const advanced = new Set<(storeId: string, lastSeq: number) => void>();
  const takeovers = new Set<(storeId: string) => void>();
  const lostListeners = new Set<() => void>();
  /** Claims in flight or held on the current connection, by store. */
  const held = new Map<string, Promise<boolean>>();
  let client: pg.Client | undefined;
  // Claims of many stores run at once, but one pg.Client runs one query at a time: queue them explicitly (pg 8
  // queues implicitly and deprecates it).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <R extends pg.QueryResultRow>(
    c: pg.Client,
    sql: string,
    params: unknown[],
  ): Promise<pg.QueryResult<R>> => {
    const run = queue.then(() => c.query<R>(sql, params));
    queue = run.catch(() => undefined);
    return run;
  };
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let backoffMs = 100;

  const emit = <A extends unknown[]>(set: Set<(...a: A) => void>, ...args: A): void => {
    for (const l of set) {
      try {
        l(...args);
      } catch (err) {
        logger.error('coordination listener failed', errorFields(err));
      }
    }
  };

  // Payloads come from the database, but anyone with a connection can NOTIFY: parse, never trust.
  const onNotification = (n: Notification): void => {
    const payload = n.payload ?? '';
    if (n.channel === EVENTS_CHANNEL) {
      const m = EVENT_PAYLOAD.exec(payload);
      if (m?.[1] && m[2]) emit(advanced, m[1], Number(m[2]));
    } else if (n.channel === TAKEOVER_CHANNEL && STORE_ID.test(payload)) {
      emit(takeovers, payload);
    }
  };

  const lost = (c: pg.Client, err?: Error): void => {
    if (client !== c) return;
    client = undefined;
    held.clear();
    if (closed) return;
    logger.warn('postgres coordination connection lost; reconnecting', err ? errorFields(err) : {});
    emit(lostListeners);
    scheduleReconnect();
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'caja-relay-coordination' });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    c.on('notification', onNotification);
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      await c.query(`LISTEN ${TAKEOVER_CHANNEL}`);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
      throw err;
    }
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    backoffMs = 100;
  };

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().then(
        () => logger.info('postgres coordination connection restored'),
        () => {
          backoffMs = Math.min(backoffMs * 2, 2000);
          scheduleReconnect();
        },
      );
    }, backoffMs);
    reconnectTimer.unref();
  }

  await connect();

  const claimOn = async (storeId: string): Promise<boolean> => {
    const key = streamLockKey(storeId);
    const deadline = Date.now() + claimTimeoutMs;
    let askedAt = 0;
    for (;;) {
      const c = client;
      if (!c) return false;
      const r = await serial<{ ok: boolean }>(c, 'SELECT pg_try_advisory_lock($1::bigint) AS ok', [key]);
      if (r.rows[0]?.ok) return client === c;
      // Ask again now and then: a holder that was mid-claim when the first request came may have ignored it.
      if (Date.now() - askedAt >= 1000) {
        await serial(c, 'SELECT pg_notify($1, $2)', [TAKEOVER_CHANNEL, storeId]);
        askedAt = Date.now();
      }
      if (Date.now() > deadline) return false;
      await sleep(claimRetryMs);
    }
  };

  return {
    onAdvanced: (l) => (advanced.add(l), () => advanced.delete(l)),
    onTakeover: (l) => (takeovers.add(l), () => takeovers.delete(l)),
    onLost: (l) => (lostListeners.add(l), () => lostListeners.delete(l)),
    claimStream(storeId) {
      const existing = held.get(storeId);
      if (existing) return existing;
      const p: Promise<boolean> = claimOn(storeId).then(
        (ok) => {
          if (!ok && held.get(storeId) === p) held.delete(storeId);
          return ok;
        },
        (err: unknown) => {
          logger.warn('stream claim failed', { storeId, ...errorFields(err) });
          if (held.get(storeId) === p) held.delete(storeId);
          return false;
        },
      );
      held.set(storeId, p);
      return p;
    },
    releaseStream(storeId) {
      const p = held.get(storeId);
      if (!p) return;
      held.delete(storeId);
      const c = client;
      // Each successful try_lock is matched by exactly one unlock (the locks are re-entrant, counted).
      void p
        .then((ok) =>
          ok && c && client === c
            ? serial(c, 'SELECT pg_advisory_unlock($1::bigint)', [streamLockKey(storeId)])
            : undefined,
        )
        .catch((err: unknown) => logger.warn('stream unlock failed', { storeId, ...errorFields(err) }));
    },
    async lastSeqs(storeIds) {
      const r = await pool.query<{ id: string; last_seq: number }>(
        'SELECT id, last_seq FROM stores WHERE id = ANY($1::text[])',
        [storeIds],
      );
      return new Map(r.rows.map((row) => [row.id, row.last_seq]));
    },
    healthy: () => client !== undefined,
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      const c = client;
      client = undefined;
      held.clear();
      await c?.end().catch(() => undefined);
    },
  };
}
