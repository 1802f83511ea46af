// GET /metrics (prom-client, issue 18 item 5): the operator's figures after real ingress and a real stream, the
// bearer token that protects the endpoint when configured, and storage failures counted by operation.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRelay, openSqliteStorage, silentLogger } from '../../../relay/index';
import { RelayMetrics } from '../../../relay/ops/metrics';
import type { RelayHandle } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import {
  addStore,
  cleanupDirs,
  post,
  startRelay,
  tempDir,
  UNLIMITED_INGRESS,
  webhook,
} from './support/relay-fixture';

const relays: RelayHandle[] = [];
const clients: StreamClient[] = [];
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  for (const r of relays.splice(0)) await r.close();
});
afterAll(cleanupDirs);

function sample(text: string, series: string): number {
  const escaped = series.replace(/[{}"=]/g, (c) => `\\${c}`);
  return Number(new RegExp(`^${escaped} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
}

async function scrape(url: string, token?: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('GET /metrics', () => {
  it('reports ingress, deliveries, streams, queue depth and the event loop in Prometheus text', async () => {
    const relay = await startRelay({ heartbeatIntervalMs: 200, heartbeatTimeoutMs: 2000 });
    relays.push(relay);
    const store = await addStore(relay);
    const client = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
      after: 0,
    });
    clients.push(client);
    await client.first('ready');
    for (let i = 1; i <= 3; i++)
      expect((await post(relay.url, store.ingressPath, webhook(i))).status).toBe(200);
    await post(relay.url, store.ingressPath, webhook(1)); // a redelivery
    await client.waitForEvents(3);

    const { status, type, text } = await scrape(relay.url);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(sample(text, 'relay_events_in_total')).toBe(3);
    expect(sample(text, 'relay_events_duplicate_total')).toBe(1);
    expect(sample(text, 'relay_ingress_duration_seconds_count')).toBe(4);
    expect(sample(text, 'relay_events_delivered_total')).toBe(3);
    expect(sample(text, 'relay_stream_connections_total')).toBe(1);
    expect(sample(text, 'relay_connected_stores')).toBe(1);
    expect(sample(text, 'relay_ingress_queue_depth')).toBe(0);
    expect(sample(text, 'relay_storage_transaction_events_total')).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/^# TYPE relay_storage_transactions_total counter$/m);
    expect(sample(text, 'relay_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'relay_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('needs the bearer token when one is configured, and compares it without leaking it', async () => {
    const relay = await startRelay({ metricsToken: METRICS_TOKEN });
    relays.push(relay);
    const none = await scrape(relay.url);
    expect(none.status).toBe(401);
    expect(none.text).not.toContain(METRICS_TOKEN);
    expect((await scrape(relay.url, 'wrong-token-0123456789abcdef')).status).toBe(401);
    const ok = await scrape(relay.url, METRICS_TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('relay_ingress_rejected_total');
    // /healthz stays open: the compose file's and the image's health checks call it without credentials.
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });

  it('counts a failed append under relay_storage_errors_total and answers 503, storing nothing', async () => {
    const storage = openSqliteStorage(tempDir());
    const failing = Object.assign(Object.create(storage) as typeof storage, {
      appendEvents: () => Promise.reject(new Error('disk full')),
    });
    const relay = await createRelay(
      { dataDir: tempDir(), port: 0, ...UNLIMITED_INGRESS },
      { storage: failing, logger: silentLogger },
    );
    relays.push(relay);
    const store = await addStore(relay);
    expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(503);
    const { text } = await scrape(relay.url);
    expect(sample(text, 'relay_storage_errors_total{operation="append"}')).toBe(1);
    expect(sample(text, 'relay_ingress_rejected_total{reason="storage_unavailable"}')).toBe(1);
    expect(sample(text, 'relay_events_in_total')).toBe(0);
  });

  it('answers 503 (never 500) when the store lookup fails, and counts it under get_store', async () => {
    const storage = openSqliteStorage(tempDir());
    let lookupsFail = false;
    // Every way ingress reads stores fails: the row, and the change counter and full list the store cache reads.
    const failing = <T>(read: () => Promise<T>): Promise<T> =>
      lookupsFail ? Promise.reject(new Error('connection terminated')) : read();
    const flaky = Object.assign(Object.create(storage) as typeof storage, {
      getStore: (id: string) => failing(() => storage.getStore(id)),
      listStores: () => failing(() => storage.listStores()),
      storesVersion: () => failing(() => storage.storesVersion!()),
    });
    const relay = await createRelay(
      { dataDir: tempDir(), port: 0, ...UNLIMITED_INGRESS },
      { storage: flaky, logger: silentLogger },
    );
    relays.push(relay);
    const store = await addStore(relay);
    lookupsFail = true;
    expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(503);
    const { text } = await scrape(relay.url);
    expect(sample(text, 'relay_storage_errors_total{operation="get_store"}')).toBe(1);
    expect(sample(text, 'relay_ingress_rejected_total{reason="storage_unavailable"}')).toBe(1);
  });

  it('close() stops the event-loop monitor (no timer left behind by a closed relay)', async () => {
    const metrics = new RelayMetrics();
    const reference = new RelayMetrics();
    const relay = await createRelay(
      { dataDir: tempDir(), port: 0, ...UNLIMITED_INGRESS },
      { logger: silentLogger, metrics },
    );
    await relay.close();
    const frozen = metrics.loopSamples();
    const target = reference.loopSamples() + 3;
    while (reference.loopSamples() < target) await new Promise((r) => setTimeout(r, 5));
    reference.stop();
    expect(metrics.loopSamples()).toBe(frozen);
  });
});
