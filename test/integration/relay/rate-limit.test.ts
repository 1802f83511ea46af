// Issue 11 finding 6, relay side: a token bucket per store at ingress. Past the bucket a store's webhooks get 429
// with Retry-After before anything is read or stored; other stores are unaffected; the bucket refills with time.
// The relay's clock is injected, so "time passes" is a line of the test, not a wait.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger, createRelay } from '../../../relay/index';
import type { NewStoreCredentials, RelayHandle } from '../../../relay/index';
import { addStore, cleanupDirs, post, tempDir, webhook } from './support/relay-fixture';
import { runCli, startServe, type ServeProcess } from './support/relay-process';

const relays: RelayHandle[] = [];
const procs: ServeProcess[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close();
  for (const p of procs.splice(0)) {
    p.child.kill('SIGTERM');
    await p.exited;
  }
});
afterAll(cleanupDirs);

/** A clock the test moves by hand. */
const manualClock = (start = Date.UTC(2025, 0, 15, 12)) => ({
  t: start,
  now(): number {
    return this.t;
  },
  advance(ms: number): void {
    this.t += ms;
  },
});

async function lastSeq(relay: RelayHandle, store: NewStoreCredentials): Promise<number> {
  const found = (await relay.admin.listStores()).find((s) => s.storeId === store.storeId);
  return found?.lastSeq ?? -1;
}

/** POSTs webhook `n` and returns what a rate-limit test needs from the answer. */
async function send(relay: RelayHandle, store: NewStoreCredentials, n: number, path = store.ingressPath) {
  const res = await fetch(relay.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(webhook(n)),
  });
  const body = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    connection: res.headers.get('connection'),
    error: body === '' ? undefined : (JSON.parse(body) as { error: string }).error,
  };
}

describe('per-store ingress rate limit', () => {
  it('answers 429 with Retry-After past the bucket, stores nothing, spares other stores, and refills', async () => {
    const clock = manualClock();
    const lines: string[] = [];
    const relay = await createRelay(
      { dataDir: tempDir(), ingressBurst: 3, ingressRefillPerSecond: 1 },
      { clock, logger: createLogger({ sink: (line) => lines.push(line) }) },
    );
    relays.push(relay);
    const flooded = await addStore(relay, 'Flooded');
    const other = await addStore(relay, 'Other');

    for (let n = 1; n <= 3; n++) expect((await send(relay, flooded, n)).status).toBe(200);
    const refused = [await send(relay, flooded, 4), await send(relay, flooded, 5)];
    for (const r of refused) {
      expect(r).toEqual({ status: 429, retryAfter: '1', connection: 'close', error: 'rate_limited' });
    }
    expect(await lastSeq(relay, flooded)).toBe(3);
    // A flood is one log line, not one per refusal; the metrics count every 429.
    expect(lines.filter((l) => l.includes('ingress rate limited'))).toHaveLength(1);
    expect(await relay.metricsText()).toContain('relay_ingress_rejected_total{reason="rate_limited"} 2');

    // Another store's bucket is its own.
    for (let n = 1; n <= 3; n++) expect((await send(relay, other, n)).status).toBe(200);

    // Not quite one token yet; then one second refills exactly one.
    clock.advance(999);
    expect((await send(relay, flooded, 6)).status).toBe(429);
    clock.advance(1);
    expect((await send(relay, flooded, 7)).status).toBe(200);
    expect((await send(relay, flooded, 8)).status).toBe(429);
    // Long quiet refills to the burst, never beyond it.
    clock.advance(3_600_000);
    for (let n = 9; n <= 11; n++) expect((await send(relay, flooded, n)).status).toBe(200);
    expect((await send(relay, flooded, 12)).status).toBe(429);
    expect(await lastSeq(relay, flooded)).toBe(7);
  });

  it('says how long to wait when the refill is slower than one per second', async () => {
    const clock = manualClock();
    const relay = await createRelay(
      { dataDir: tempDir(), ingressBurst: 1, ingressRefillPerSecond: 0.25 },
      { clock, logger: createLogger({ sink: () => undefined }) },
    );
    relays.push(relay);
    const store = await addStore(relay);
    expect((await send(relay, store, 1)).status).toBe(200);
    expect((await send(relay, store, 2)).retryAfter).toBe('4');
    clock.advance(3_000);
    expect((await send(relay, store, 3)).retryAfter).toBe('1');
  });

  it('does not let a stranger who knows the store id spend its bucket', async () => {
    const relay = await createRelay(
      { dataDir: tempDir(), ingressBurst: 2, ingressRefillPerSecond: 1 },
      { clock: manualClock(), logger: createLogger({ sink: () => undefined }) },
    );
    relays.push(relay);
    const store = await addStore(relay);
    const forged = `/v1/kushki/${store.storeId}/not-the-secret`;
    for (let n = 1; n <= 5; n++) expect((await send(relay, store, n, forged)).status).toBe(401);
    expect((await post(relay.url, store.ingressPath, webhook(6))).status).toBe(200);
    expect((await post(relay.url, store.ingressPath, webhook(7))).status).toBe(200);
  });

  it('takes its size from the serve command line', async () => {
    const dataDir = tempDir();
    const added = await runCli(['store', 'add', '--name', 'Tienda', '--data-dir', dataDir]);
    const store = JSON.parse(added.stdout) as NewStoreCredentials;
    const serve = await startServe(dataDir, ['--ingress-burst', '2', '--ingress-refill-per-second', '0.001']);
    procs.push(serve);
    const statuses = [];
    for (let n = 1; n <= 3; n++) statuses.push((await post(serve.url, store.ingressPath, webhook(n))).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(await (await fetch(serve.url + '/metrics')).text()).toMatch(
      /^relay_ingress_rejected_total\{reason="rate_limited"\} 1$/m,
    );
  });
});
