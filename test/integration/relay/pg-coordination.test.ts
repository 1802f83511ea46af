// The PostgreSQL coordination pieces that the multi-instance tests do not force: the fallback poll delivers an
// event whose NOTIFY never came, and retention prunes nothing while another instance holds the retention lock.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createRelay, openPgStorage, silentLogger } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import { addStore, post, UNLIMITED_INGRESS, webhook } from './support/relay-fixture';
import { pgClusterForFile } from './support/pg';
import { RETENTION_LOCK_KEY } from '../../../relay/storage/pg-keys';

const cluster = await pgClusterForFile('pg-coordination');

describe.skipIf(!cluster)('relay coordination on PostgreSQL', () => {
  it('the fallback poll delivers an event whose notification was lost', async () => {
    const databaseUrl = await cluster!.createDatabase();
    const relay = await createRelay(
      { databaseUrl, port: 0, pollIntervalMs: 50, ...UNLIMITED_INGRESS },
      { logger: silentLogger },
    );
    const store = await addStore(relay);
    const client = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    await client.first('ready');
    expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(200);
    await client.waitForEvents(1);
    // Another writer stores seq 2 without any NOTIFY (as if the notification fell into a reconnection gap).
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(
      `INSERT INTO events (store_id, seq, id, received_at, dedupe_key, bp_signature, payload)
       VALUES ($1, 2, 'evt_polled', 1, 'k-polled', 'absent', '{"uniqueReference":"polled"}')`,
      [store.storeId],
    );
    await c.query('UPDATE stores SET last_seq = 2 WHERE id = $1', [store.storeId]);
    await c.end();
    await client.waitForEvents(2);
    expect(client.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(client.events[1]?.payload['uniqueReference']).toBe('polled');
    await client.close();
    await relay.close();
  });

  it('retention prunes nothing while another instance holds the retention lock', async () => {
    const databaseUrl = await cluster!.createDatabase();
    const s = await openPgStorage({ databaseUrl, logger: silentLogger, coordinate: false });
    await s.createStore({
      id: 'a',
      name: 'a',
      createdAt: 0,
      secretHash: 'a'.repeat(64),
      prevSecretHash: null,
      prevSecretExpiresAt: null,
      tokenHash: 'b'.repeat(64),
      signingKey: 'whsec_' + Buffer.alloc(32, 1).toString('base64'),
    });
    const ev = (k: string) => ({
      storeId: 'a',
      id: `evt_${k}`,
      receivedAt: 10,
      dedupeKey: k,
      bpSignature: 'absent' as const,
      payload: '{}',
    });
    await s.appendEvents([ev('1'), ev('2')]);
    const other = new pg.Client({ connectionString: databaseUrl });
    await other.connect();
    await other.query('SELECT pg_advisory_lock($1::bigint)', [RETENTION_LOCK_KEY]);
    expect(await s.pruneBefore(100, 10)).toBe(0);
    await other.query('SELECT pg_advisory_unlock($1::bigint)', [RETENTION_LOCK_KEY]);
    await other.end();
    expect(await s.pruneBefore(100, 10)).toBe(2);
    await s.close();
  });
});
