// Ingress → durable store → signed stream delivery, offline replay, dedupe of Kushki redeliveries, and store
// isolation, against a real relay on 127.0.0.1 and real `ws` clients.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewStoreCredentials, RelayHandle } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import { independentVerify } from './support/independent-verifier';
import { addStore, cleanupDirs, pool, post, startRelay, webhook } from './support/relay-fixture';

let relay: RelayHandle;
let store: NewStoreCredentials;
const clients: StreamClient[] = [];

async function open(creds: NewStoreCredentials, after: number | null = 0): Promise<StreamClient> {
  const c = await StreamClient.open(relay.url, {
    token: creds.streamToken,
    signingKey: creds.signingKey,
    after,
  });
  clients.push(c);
  return c;
}

beforeEach(async () => {
  relay = await startRelay({ heartbeatIntervalMs: 200, heartbeatTimeoutMs: 2000 });
  store = await addStore(relay);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await relay.close();
});

afterAll(cleanupDirs);

describe('ingress to stream', () => {
  it('delivers a webhook answered 200 to the connected store, signed, with the payload intact', async () => {
    const client = await open(store);
    const ready = await client.first('ready');
    expect(ready).toMatchObject({ storeId: store.storeId, after: 0, lastSeq: 0, protocol: 1 });

    const res = await post(relay.url, store.ingressPath, webhook(1, { extraField: { nested: true } }));
    expect(res).toMatchObject({ status: 200, relayStatus: 'stored', seq: 1, body: '' });

    await client.waitForEvents(1);
    const [event] = client.events;
    expect(event).toMatchObject({ seq: 1, storeId: store.storeId, replay: false });
    // Unknown fields are kept verbatim (lenient validation).
    expect(event?.payload).toEqual(webhook(1, { extraField: { nested: true } }));
    expect(client.badSignatures).toBe(0);
  });

  it('holds acks to the same rules whether spelled as JSON.stringify writes them or otherwise', async () => {
    // The usual spelling skips JSON.parse and zod (issue 18); both spellings must count and refuse alike.
    const early = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
      sendHello: false,
    });
    clients.push(early);
    early.send('{"type":"ack","seq":0}');
    expect(await early.closed).toBe(4000);
    expect(early.closeReason).toBe('ack_before_hello');

    const client = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
      autoAck: false,
    });
    clients.push(client);
    await client.first('ready');
    for (let i = 1; i <= 2; i++)
      expect((await post(relay.url, store.ingressPath, webhook(i))).status).toBe(200);
    await client.waitForEvents(2);
    client.send('{ "type": "ack", "seq": 1 }');
    client.send('{"type":"ack","seq":2}');
    await client.until(
      () => client.bodies.some((b) => b.type === 'heartbeat' && b['ackedSeq'] === 2),
      'a heartbeat that counts both acks',
    );
    client.send('{"type":"ack","seq":3}');
    expect(await client.closed).toBe(4005);
    expect(client.closeReason).toBe('ack_out_of_range');
  });

  it('replays 1,000 events that arrived while the client was offline, in order, each once', async () => {
    const statuses = await pool(1000, 32, (i) => post(relay.url, store.ingressPath, webhook(i)));
    expect(statuses.filter((s) => s.status === 200 && s.relayStatus === 'stored')).toHaveLength(1000);

    const client = await open(store, 0);
    await client.waitForEvents(1000);
    expect(client.events.map((e) => e.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(client.events.map((e) => e.id)).size).toBe(1000);
    expect(new Set(client.events.map((e) => e.payload['uniqueReference'])).size).toBe(1000);
    expect(client.events.every((e) => e.replay)).toBe(true);
    // "once": after the backlog, a heartbeat reports everything sent and acknowledged, and nothing more came.
    await client.until(
      () => client.bodies.some((b) => b.type === 'heartbeat' && b['ackedSeq'] === 1000),
      'heartbeat acknowledging 1000',
    );
    expect(client.events).toHaveLength(1000);
    expect(client.badSignatures).toBe(0);
    const metrics = await relay.metricsText();
    for (const line of [
      'relay_events_in_total 1000',
      'relay_events_delivered_total 1000',
      'relay_events_replayed_total 1000',
      'relay_events_acked_total 1000',
      'relay_connected_stores 1',
      'relay_unacked_events 0',
      'relay_delivery_lag_seconds_count 1000',
    ]) {
      expect(metrics).toContain(`\n${line}\n`);
    }
  });

  it('resumes from the cursor the client gives and then streams live', async () => {
    await pool(10, 5, (i) => post(relay.url, store.ingressPath, webhook(i)));
    const client = await open(store, 7);
    expect(await client.first('ready')).toMatchObject({ after: 7, lastSeq: 10, pruned: false });
    await client.waitForEvents(3);
    expect(client.events.map((e) => e.seq)).toEqual([8, 9, 10]);
    await post(relay.url, store.ingressPath, webhook(11));
    await client.waitForEvents(4);
    expect(client.events.map((e) => [e.seq, e.replay])).toEqual([
      [8, true],
      [9, true],
      [10, true],
      [11, false],
    ]);
  });

  it('interleaves live ingress with a running replay without gaps or repeats', async () => {
    await pool(300, 16, (i) => post(relay.url, store.ingressPath, webhook(i)));
    const client = await open(store, 0);
    // More webhooks arrive while the 300-event backlog is being replayed.
    await pool(300, 16, (i) => post(relay.url, store.ingressPath, webhook(1000 + i)));
    await client.waitForEvents(600);
    expect(client.events.map((e) => e.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  });

  it('stores a Kushki redelivery once and answers it 200 as a duplicate', async () => {
    const first = await post(relay.url, store.ingressPath, webhook(5));
    // Same transaction, keys in another order and different whitespace, as another Kushki server might send it.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(webhook(5)).reverse()), null, 2);
    const again = await post(relay.url, store.ingressPath, reordered);
    const third = await post(relay.url, store.ingressPath, webhook(5));
    expect(first).toMatchObject({ status: 200, relayStatus: 'stored', seq: 1 });
    expect(again).toMatchObject({ status: 200, relayStatus: 'duplicate', seq: 1 });
    expect(third).toMatchObject({ status: 200, relayStatus: 'duplicate', seq: 1 });
    // A decline and the approved retry share uniqueReference but are different news: both are kept.
    const decline = await post(relay.url, store.ingressPath, {
      result: 'rechazada',
      uniqueReference: 'ref-9',
    });
    const approval = await post(relay.url, store.ingressPath, webhook(9));
    expect([decline.seq, approval.seq]).toEqual([2, 3]);

    const listed = await relay.admin.listEvents(store.storeId);
    expect(listed.ok && listed.value.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('keeps two stores apart: each stream sees only its own events, and one store secret cannot post to another', async () => {
    const other = await addStore(relay, 'Otra tienda');
    const a = await open(store);
    const b = await open(other);
    await post(relay.url, store.ingressPath, webhook(1, { uniqueReference: 'only-a' }));
    await post(relay.url, other.ingressPath, webhook(2, { uniqueReference: 'only-b' }));
    await a.waitForEvents(1);
    await b.waitForEvents(1);
    // Store B's secret on store A's id is refused.
    const otherSecret = other.ingressPath.split('/').pop() ?? '';
    const crossed = await post(relay.url, `/v1/kushki/${store.storeId}/${otherSecret}`, webhook(3));
    expect(crossed.status).toBe(401);
    // Heartbeats carry each store's own lastSeq; wait for one after the crossed post to know nothing else came.
    await a.until(() => a.bodies.filter((x) => x.type === 'heartbeat').length >= 2, 'heartbeats');
    expect(a.events.map((e) => e.payload['uniqueReference'])).toEqual(['only-a']);
    expect(b.events.map((e) => e.payload['uniqueReference'])).toEqual(['only-b']);
    expect(a.events[0]?.storeId).toBe(store.storeId);
    // Each store's frames verify with its own key only.
    expect(b.badSignatures + a.badSignatures).toBe(0);
    const f = a.frames.find((x) => x.id === a.events[0]?.id);
    expect(f && independentVerify(store.signingKey, f.id, f.timestamp, f.body, f.signature)).toBe(true);
    expect(f && independentVerify(other.signingKey, f.id, f.timestamp, f.body, f.signature)).toBe(false);
  });
});
