/**
 * Issue 11 finding 3: the database refuses an event inside the relay client's commit. With a real
 * relay over WebSocket and the app's real SQLite file, a write lock held past busy_timeout and a full
 * disk (a low max_page_count on the app's own connection) leave the host running, the event
 * unacknowledged and the status saying so; once the database takes writes again the relay's
 * redelivery is stored, once.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayStatus } from '../../../app/domain/relay-status';
import { createCore, type Core } from '../../../app/host/create-core';
import { RelayClient } from '../../../app/infra/relay-client/relay-client';
import { createRelay, silentLogger, type NewStoreCredentials, type RelayHandle } from '../../../relay';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

let relay: RelayHandle;
let store: NewStoreCredentials;
let core: Core;
let appDb: Database | undefined;
let client: RelayClient | undefined;
let blocker: Database | undefined;
const statuses: RelayStatus[] = [];
let log: ReturnType<typeof recordingLogger>;

async function setUp() {
  relay = await createRelay(
    { dataDir: freshDataDir('caja-relay-'), heartbeatIntervalMs: 200, ackFlushIntervalMs: 20 },
    { logger: silentLogger },
  );
  const added = await relay.admin.addStore({ name: 'Tienda' });
  if (!added.ok) throw new Error('store');
  store = added.value;
  core = createCore({
    dataDir: freshDataDir(),
    shell: 'web',
    logger: recordingLogger().logger,
    onDatabaseOpen: (db) => {
      appDb = db;
    },
  });
  statuses.length = 0;
  log = recordingLogger();
  client = new RelayClient({
    url: relay.url,
    storeId: store.storeId,
    streamToken: store.streamToken,
    signingKey: store.signingKey,
    inbox: core.relayInbox,
    logger: log.logger,
    onStatus: (s) => statuses.push(s),
    backoff: { baseMs: 20, maxMs: 200, stableMs: 60_000, refusedMs: 300 },
  });
  client.start();
  await expect.poll(() => statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
}

/** Posts one webhook; `padding` makes its row need fresh database pages. */
async function postWebhook(reference: string, padding = 0): Promise<void> {
  const response = await fetch(`${relay.url}${store.ingressPath}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      result: 'aprobada',
      amount: '10.00',
      uniqueReference: reference,
      transactionType: 'venta',
      ...(padding > 0 ? { padding: 'x'.repeat(padding) } : {}),
    }),
  });
  expect(response.status).toBe(200);
}

/** Webhook rows stored for `reference`, read from the app's file on a connection of our own. */
function rowsFor(reference: string): { kind: string; external_id: string | null }[] {
  const db = new BetterSqlite3(core.databaseFile, { readonly: true });
  try {
    return db
      .prepare(`SELECT kind, external_id FROM payment_events WHERE unique_reference = ? ORDER BY id`)
      .all(reference) as { kind: string; external_id: string | null }[];
  } finally {
    db.close();
  }
}

async function ackedSeq(): Promise<number> {
  const stores = await relay.admin.listStores();
  return stores.find((s) => s.storeId === store.storeId)?.ackedSeq ?? -1;
}

afterEach(async () => {
  client?.stop();
  client = undefined;
  if (blocker?.inTransaction) blocker.exec('ROLLBACK');
  blocker?.close();
  blocker = undefined;
  core?.close();
  appDb = undefined;
  await relay?.close();
});

describe('relay client: the database refuses an event', () => {
  it('a write lock held past busy_timeout: no crash, no ack, the status says so; delivered once after', async () => {
    await setUp();
    blocker = new BetterSqlite3(core.databaseFile);
    blocker.exec('BEGIN EXCLUSIVE');
    await postWebhook('locked-1');

    // Each attempt waits out the app's busy_timeout (5 s) before SQLite gives up.
    await expect
      .poll(() => statuses.some((s) => s.problem === 'storage_error'), { timeout: 15_000 })
      .toBe(true);
    expect(core.relayInbox.cursor()).toBe(0);
    expect(log.entries.some((e) => e.message.startsWith('relay event not stored'))).toBe(true);
    expect(JSON.stringify(log.entries)).not.toContain(store.streamToken);
    expect(JSON.stringify(log.entries)).not.toContain(store.signingKey);
    const busy = log.entries.find((e) => e.message.startsWith('relay event not stored'));
    expect(busy?.fields).toMatchObject({ seq: 1, code: 'SQLITE_BUSY' });

    blocker.exec('COMMIT');
    await expect.poll(() => core.relayInbox.cursor(), { timeout: 20_000 }).toBe(1);
    expect(rowsFor('locked-1')).toEqual([{ kind: 'webhook', external_id: expect.any(String) }]);
    await expect
      .poll(() => statuses.at(-1), { timeout: 5_000 })
      .toMatchObject({
        state: 'connected',
        problem: null,
        cursor: 1,
      });
    // Only acknowledged once stored: the relay's acked cursor reaches the event only now.
    await expect.poll(ackedSeq, { timeout: 10_000 }).toBe(1);
  });

  it('a full disk (max_page_count on the app connection): no crash, no ack; stored once the limit is lifted', async () => {
    await setUp();
    const db = appDb!;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    await postWebhook('full-1', 30_000);

    await expect
      .poll(() => statuses.some((s) => s.problem === 'storage_error'), { timeout: 10_000 })
      .toBe(true);
    const full = log.entries.find((e) => e.message.startsWith('relay event not stored'));
    expect(full?.fields).toMatchObject({ seq: 1, code: 'SQLITE_FULL' });
    expect(core.relayInbox.cursor()).toBe(0);
    expect(rowsFor('full-1')).toEqual([]);
    // Still refused on the retries (the relay sends it again after each reconnect), never acked.
    await expect
      .poll(() => log.entries.filter((e) => e.message.startsWith('relay event not stored')).length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(2);
    expect(await ackedSeq()).toBe(0);

    db.pragma('max_page_count = 1073741823');
    await expect.poll(() => core.relayInbox.cursor(), { timeout: 10_000 }).toBe(1);
    expect(rowsFor('full-1')).toEqual([{ kind: 'webhook', external_id: expect.any(String) }]);
    await expect.poll(() => statuses.at(-1)?.problem, { timeout: 5_000 }).toBe(null);
    await expect.poll(ackedSeq, { timeout: 10_000 }).toBe(1);
  });
});
