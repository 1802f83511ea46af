import BetterSqlite3 from 'better-sqlite3';
import { createSign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayStatus } from '../../../app/domain/relay-status';
import { createCore, type Core } from '../../../app/host/create-core';
import { RelayClient } from '../../../app/infra/relay-client/relay-client';
import { createRelay, silentLogger, type NewStoreCredentials, type RelayHandle } from '../../../relay';
import { recordingLogger } from '../../support/recording-logger';
import { startFreezableProxy, type FreezableProxy } from '../../support/tcp-proxy';
import { freshDataDir } from '../../support/web-shell';
import { BP_KEY_INDEX, bpSigningKey } from '../../support/bp-signing-key';

let relay: RelayHandle;
let relayDir: string;
let store: NewStoreCredentials;
let core: Core;
let client: RelayClient | undefined;
let proxy: FreezableProxy | undefined;
const statuses: RelayStatus[] = [];

async function setUp(relayOptions: { heartbeatIntervalMs?: number } = {}) {
  relayDir = freshDataDir('caja-relay-');
  relay = await createRelay(
    // 1,000 webhooks to one store at once: a bucket that holds them (the rate limit has its own test).
    {
      dataDir: relayDir,
      heartbeatIntervalMs: relayOptions.heartbeatIntervalMs ?? 200,
      ingressBurst: 10_000,
      bpPublicKeys: { [BP_KEY_INDEX]: bpSigningKey().publicKeyPem },
    },
    { logger: silentLogger },
  );
  const added = await relay.admin.addStore({ name: 'Tienda' });
  if (!added.ok) throw new Error('store');
  store = added.value;
  core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
  statuses.length = 0;
}

function startClient(overrides: Partial<ConstructorParameters<typeof RelayClient>[0]> = {}) {
  client = new RelayClient({
    url: relay.url,
    storeId: store.storeId,
    streamToken: store.streamToken,
    signingKey: store.signingKey,
    inbox: core.relayInbox,
    logger: recordingLogger().logger,
    onStatus: (s) => statuses.push(s),
    backoff: { baseMs: 20, maxMs: 200, stableMs: 5_000, refusedMs: 300 },
    ...overrides,
  });
  client.start();
  return client;
}

/**
 * Posts webhooks signed as Billpocket signs them: they match no payment here, and only verified
 * ones are all kept in full (unverified unmatched ones are capped: see inbound-webhooks.service.ts).
 */
async function postWebhooks(count: number, from = 0) {
  for (let i = from; i < from + count; i++) {
    const body = JSON.stringify({
      result: 'aprobada',
      amount: '10.00',
      uniqueReference: `ref${i}`,
      transactionid: String(900_000 + i),
      transactionType: 'venta',
    });
    const response = await fetch(`${relay.url}${store.ingressPath}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-BP-Signature': createSign('sha256').update(body).sign(bpSigningKey().privateKeyPem, 'base64'),
        'X-BP-SignatureKey': BP_KEY_INDEX,
      },
      body,
    });
    expect(response.status).toBe(200);
  }
}

/** Webhook rows the app stored, in insertion order, read straight from its SQLite file. */
function storedWebhooks(): { external_id: string; unique_reference: string; bp_signature: string }[] {
  const db = new BetterSqlite3(core.databaseFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT external_id, unique_reference, bp_signature FROM payment_events
         WHERE kind = 'webhook' ORDER BY id`,
      )
      .all() as { external_id: string; unique_reference: string; bp_signature: string }[];
  } finally {
    db.close();
  }
}

afterEach(async () => {
  client?.stop();
  client = undefined;
  await proxy?.close();
  proxy = undefined;
  core?.close();
  await relay?.close();
});

describe('relay client', () => {
  it('gets 1,000 events that arrived while it was offline, in order, once; a restart repeats none', async () => {
    await setUp();
    await postWebhooks(1_000);
    startClient();
    // Ceilings, not timings: a thousand signed posts take several times longer on a loaded machine (issue 12).
    await expect.poll(() => core.relayInbox.cursor(), { timeout: 90_000 }).toBe(1_000);
    const rows = storedWebhooks();
    expect(rows).toHaveLength(1_000);
    expect(rows.map((r) => r.unique_reference)).toEqual(Array.from({ length: 1_000 }, (_, i) => `ref${i}`));
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(1_000);
    // The relay's verdict on each Billpocket signature came through the frame into the ledger.
    expect(rows.every((r) => r.bp_signature === 'verified')).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ state: 'connected', problem: null, cursor: 1_000 });

    client?.stop();
    startClient();
    await postWebhooks(5, 1_000);
    await expect.poll(() => core.relayInbox.cursor(), { timeout: 30_000 }).toBe(1_005);
    expect(storedWebhooks()).toHaveLength(1_005);
  }, 180_000);

  it('refuses frames signed with another key and stores nothing', async () => {
    await setUp();
    await postWebhooks(3);
    startClient({ signingKey: `whsec_${Buffer.alloc(32, 7).toString('base64')}` });
    await expect
      .poll(() => statuses.some((s) => s.problem === 'signature_invalid'), { timeout: 5_000 })
      .toBe(true);
    expect(core.relayInbox.cursor()).toBe(0);
    expect(storedWebhooks()).toHaveLength(0);
  });

  it('reports a wrong token as unauthorized, and a rotated token the same way', async () => {
    await setUp();
    startClient({ streamToken: 'crt_wrong' });
    await expect.poll(() => statuses.at(-1)?.problem, { timeout: 5_000 }).toBe('unauthorized');
    client?.stop();
    startClient();
    await expect.poll(() => statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
    const rotated = await relay.admin.rotateToken(store.storeId);
    expect(rotated.ok).toBe(true);
    await expect.poll(() => statuses.at(-1)?.problem, { timeout: 5_000 }).toBe('unauthorized');
  });

  it('detects a stalled connection (no frames) and replaces it; nothing is lost', async () => {
    await setUp({ heartbeatIntervalMs: 100 });
    proxy = await startFreezableProxy(relay.url);
    startClient({ url: proxy.url, heartbeat: { intervalMs: 100, timeoutMs: 500 } });
    await expect.poll(() => statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
    proxy.freeze();
    await postWebhooks(3);
    // Frozen: the socket is open but silent. The watchdog must notice and reconnect.
    await expect.poll(() => statuses.some((s) => s.state === 'reconnecting'), { timeout: 5_000 }).toBe(true);
    proxy.thaw();
    await expect.poll(() => core.relayInbox.cursor(), { timeout: 15_000 }).toBe(3);
    expect(proxy.connections).toBeGreaterThanOrEqual(2);
  });

  it('keeps reconnecting with backoff while the relay is down, and catches up when it returns', async () => {
    await setUp();
    startClient();
    await expect.poll(() => statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
    await relay.close();
    // A retry is scheduled with its time (connect() itself reports 'reconnecting' without one).
    await expect
      .poll(() => statuses.some((s) => s.state === 'reconnecting' && s.nextAttemptAt !== null), {
        timeout: 5_000,
      })
      .toBe(true);
    const scheduled = statuses.filter((s) => s.state === 'reconnecting' && s.nextAttemptAt !== null);
    expect(scheduled.at(-1)?.nextAttemptAt).toBeGreaterThan(Date.now() - 5_000);
    // The relay comes back on the same port and data; webhooks it takes are streamed to the client.
    relay = await createRelay(
      {
        dataDir: relayDir,
        port: relay.port,
        heartbeatIntervalMs: 200,
        bpPublicKeys: { [BP_KEY_INDEX]: bpSigningKey().publicKeyPem },
      },
      { logger: silentLogger },
    );
    await postWebhooks(2);
    await expect.poll(() => core.relayInbox.cursor(), { timeout: 5_000 }).toBe(2);
    expect(statuses.at(-1)?.state).toBe('connected');
  });
});
