// The project's Kushki simulator sending real webhooks to a real relay, and a stream client receiving them:
// approvals, a decline followed by an approved retry, Kushki-style duplicate deliveries, and RSA-signed
// webhooks verified at ingress with the simulator's public key. (The app's own relay client, part 2 of issue 4,
// is exercised against the relay by its own tests.)
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../simulator/index';
import type { Simulator } from '../../../simulator/index';
import type { NewStoreCredentials, RelayHandle } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import { addStore, cleanupDirs, startRelay } from './support/relay-fixture';

let sim: Simulator;
let relay: RelayHandle;
let store: NewStoreCredentials;
let client: StreamClient;

async function push(ref: string, amount: number): Promise<void> {
  const res = await fetch(sim.url + '/v2/push-notifications', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bp-auth': sim.token },
    body: JSON.stringify({ serialNumber: 'TERM123', amount, identifier: ref, uniqueReference: ref }),
  });
  expect(res.status).toBe(201);
}

beforeEach(async () => {
  sim = await createSimulator({
    behaviour: 'auto-approve',
    approveDelayMs: 10,
    webhooks: { sign: true, keyIndex: '1', retryScheduleMs: [50, 50, 50] },
  });
  relay = await startRelay({
    bpPublicKeys: { '1': sim.webhooks.publicKeyPem() },
    heartbeatIntervalMs: 200,
    heartbeatTimeoutMs: 60_000,
  });
  store = await addStore(relay);
  expect(sim.setWebhookUrl(relay.url + store.ingressPath).ok).toBe(true);
  client = await StreamClient.open(relay.url, { token: store.streamToken, signingKey: store.signingKey });
});

afterEach(async () => {
  client.ws.terminate();
  await sim.close();
  await relay.close();
});
afterAll(cleanupDirs);

describe('simulator → relay → stream', () => {
  it('delivers an approval with its Kushki signature verified at ingress', async () => {
    await push('sale-1', 150);
    await client.waitForEvents(1);
    const [event] = client.events;
    expect(event?.payload).toMatchObject({
      uniqueReference: 'sale-1',
      result: 'aprobada',
      transactionType: 'venta',
    });
    const listed = await relay.admin.listEvents(store.storeId);
    expect(listed.ok && listed.value[0]?.bpSignature).toBe('verified');
    expect(client.badSignatures).toBe(0);
  });

  it('keeps a decline and the approved retry of the same reference as two events (magic amount .31)', async () => {
    await push('sale-31', 100.31);
    await client.waitForEvents(2);
    expect(client.events.map((e) => e.payload['result'])).toEqual(['rechazada', 'aprobada']);
  });

  it("stores Kushki's duplicate delivery once (magic amount .62)", async () => {
    await push('sale-62', 100.62);
    await sim.webhooks.waitFor(
      (a) => a.uniqueReference === 'sale-62' && a.tag === 'duplicate' && a.outcome === 'delivered',
    );
    await client.waitForEvents(1);
    // Both copies were answered 200 by the relay, yet the store's log holds one event.
    const delivered = sim.webhooks.attempts('sale-62').filter((a) => a.outcome === 'delivered');
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    const [summary] = await relay.admin.listStores();
    expect(summary?.lastSeq).toBe(1);
    expect(await relay.metricsText()).toMatch(/^relay_events_duplicate_total [1-9]/m);
    // And a heartbeat later, still exactly one event reached the client.
    await client.until(() => client.bodies.some((b) => b.type === 'heartbeat'), 'heartbeat');
    expect(client.events).toHaveLength(1);
  });
});
