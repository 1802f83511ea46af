// Liveness: the relay closes a connection whose client went silent (the "looks connected, receives nothing"
// failure), a client that reconnects displaces its stale session at once, and replay picks up where it left off.
// The liveness rule reads the relay's clock, which these tests move by hand: a client is silent for as long as
// the test says, never because a loaded machine stalled the event loop past a real-time timeout (issue 12).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRelay, silentLogger } from '../../../relay/index';
import type { NewStoreCredentials, RelayHandle, RelayOptionsInput } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import { addStore, cleanupDirs, post, tempDir, UNLIMITED_INGRESS, webhook } from './support/relay-fixture';

let relay: RelayHandle;
let store: NewStoreCredentials;
const clients: StreamClient[] = [];

/** The relay's clock: heartbeats still go out on real intervals, but silence is measured on this. */
const clock = {
  t: Date.UTC(2026, 0, 15, 12),
  now(): number {
    return this.t;
  },
  advance(ms: number): void {
    this.t += ms;
  },
};
const HEARTBEAT_TIMEOUT_MS = 250;

async function open(opts: Partial<Parameters<typeof StreamClient.open>[1]> = {}): Promise<StreamClient> {
  const c = await StreamClient.open(relay.url, {
    token: store.streamToken,
    signingKey: store.signingKey,
    ...opts,
  });
  clients.push(c);
  return c;
}

async function setup(options: Partial<RelayOptionsInput> = {}): Promise<void> {
  relay = await createRelay(
    {
      dataDir: tempDir(),
      port: 0,
      ...UNLIMITED_INGRESS,
      heartbeatIntervalMs: 50,
      heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
      ...options,
    },
    { logger: silentLogger, clock },
  );
  store = await addStore(relay);
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await relay.close();
});
afterAll(cleanupDirs);

describe('heartbeats', () => {
  it('sends signed heartbeats that report the store position, and answers pings with pongs', async () => {
    await setup();
    const c = await open();
    await post(relay.url, store.ingressPath, webhook(1));
    await c.waitForEvents(1);
    await c.until(
      () => c.bodies.some((b) => b.type === 'heartbeat' && b['ackedSeq'] === 1),
      'heartbeat after ack',
    );
    expect(c.bodies.find((b) => b.type === 'heartbeat' && b['ackedSeq'] === 1)).toMatchObject({
      storeId: store.storeId,
      lastSeq: 1,
      sentSeq: 1,
    });
    c.send({ type: 'ping', nonce: 'n-1' });
    await c.until(() => c.bodies.some((b) => b.type === 'pong' && b['nonce'] === 'n-1'), 'pong n-1');
    expect(c.badSignatures).toBe(0);
  });

  it('closes a stalled connection (client sends no heartbeats) with 4002, and a reconnect resumes', async () => {
    await setup();
    const stalled = await open({ answerHeartbeats: false, autoAck: false });
    await stalled.first('ready');
    await stalled.next('heartbeat');
    // The relay keeps heartbeating to the silent client until its timeout expires, then closes it.
    clock.advance(HEARTBEAT_TIMEOUT_MS + 1);
    expect(await stalled.closed).toBe(4002);
    expect(stalled.closeReason).toBe('heartbeat_timeout');
    expect(await relay.metricsText()).toMatch(/relay_stream_closed_total\{code="4002"\} 1/);

    // Meanwhile events arrive; the watchdog's replacement connection resumes from its cursor and gets them.
    await post(relay.url, store.ingressPath, webhook(1));
    const replacement = await open({ after: 0 });
    await replacement.waitForEvents(1);
    expect(replacement.events[0]?.seq).toBe(1);
    // A well-behaved client (it pings on every heartbeat) outlives several timeouts: each time the relay has
    // answered a ping, the relay's time moves on by less than a timeout, 12 times over.
    for (let step = 0; step < 12; step++) {
      await replacement.next('pong');
      clock.advance(HEARTBEAT_TIMEOUT_MS * 0.4);
    }
    await replacement.until(
      () => replacement.bodies.filter((b) => b.type === 'heartbeat').length >= 12,
      'heartbeats',
    );
    expect(replacement.closeCode).toBeUndefined();
  });

  it('closes a connection that never says hello with 4003', async () => {
    // The one real-time limit left here: waiting for its close is all the test does, so no stall can fail it.
    await setup({ heartbeatTimeoutMs: 60_000, helloTimeoutMs: 250 });
    const silent = await open({ sendHello: false });
    expect(await silent.closed).toBe(4003);
    expect(silent.bodies).toHaveLength(0);
  });

  it('a second connection of the same store replaces the first (4009) and streams from its own cursor', async () => {
    await setup({ heartbeatTimeoutMs: 60_000 });
    const first = await open();
    await first.first('ready');
    await post(relay.url, store.ingressPath, webhook(1));
    await first.waitForEvents(1);
    const second = await open({ after: 1 });
    expect(await first.closed).toBe(4009);
    await second.first('ready');
    await post(relay.url, store.ingressPath, webhook(2));
    await second.waitForEvents(1);
    expect(second.events.map((e) => e.seq)).toEqual([2]);
    expect(first.events).toHaveLength(1);
    expect(await relay.metricsText()).toMatch(/relay_connected_stores 1/);
  });

  it('holds back events beyond maxInFlight until the client acks, then continues', async () => {
    await setup({ maxInFlight: 5, heartbeatTimeoutMs: 60_000 });
    for (let i = 0; i < 12; i++) await post(relay.url, store.ingressPath, webhook(i));
    const c = await open({ autoAck: false });
    await c.waitForEvents(5);
    // Nothing beyond the window arrives until an ack: wait for a heartbeat that shows the stall.
    await c.until(
      () => c.bodies.some((b) => b.type === 'heartbeat' && b['sentSeq'] === 5),
      'stalled heartbeat',
    );
    expect(c.events).toHaveLength(5);
    c.send({ type: 'ack', seq: 5 });
    await c.waitForEvents(10);
    c.send({ type: 'ack', seq: 10 });
    await c.waitForEvents(12);
    expect(c.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('refuses a cursor ahead of the relay with 4006 and says where the relay is', async () => {
    await setup();
    await post(relay.url, store.ingressPath, webhook(1));
    const c = await open({ after: 5 });
    expect(await c.closed).toBe(4006);
    expect(c.closeReason).toBe('cursor_ahead lastSeq=1');
  });
});

describe('shutdown', () => {
  it('closes live streams with 1001, refuses new ones, and finishes even if a client never answers', async () => {
    await setup({ heartbeatTimeoutMs: 60_000 });
    const polite = await open();
    // Another store's client whose socket stops reading: it will not complete the close handshake by itself.
    const other = await addStore(relay, 'Otra');
    const rude = await open({ token: other.streamToken, signingKey: other.signingKey });
    await polite.first('ready');
    await rude.first('ready');
    rude.ws.pause();
    const closing = relay.close();
    expect(await polite.closed).toBe(1001);
    expect(polite.closeReason).toBe('shutting_down');
    await closing;
    const after = await StreamClient.connect(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    expect(after.ok).toBe(false);
    rude.ws.resume();
    expect(await rude.closed).toBeGreaterThan(0);
  });
});

describe('retention', () => {
  it('prunes old events, tells a client that resumes behind the retained log, and keeps sequences growing', async () => {
    // A retention of ~1 ms: everything already stored is "old" at the next prune.
    await setup({ retentionDays: 1 / 86_400_000, heartbeatTimeoutMs: 60_000 });
    for (let i = 0; i < 3; i++) await post(relay.url, store.ingressPath, webhook(i));
    await new Promise((r) => setTimeout(r, 5));
    expect(await relay.pruneNow()).toBe(3);
    const c = await open({ after: 0 });
    expect(await c.first('ready')).toMatchObject({ after: 0, lastSeq: 3, oldestSeq: 0, pruned: true });
    await post(relay.url, store.ingressPath, webhook(10));
    await c.waitForEvents(1);
    expect(c.events[0]?.seq).toBe(4);
  });
});
