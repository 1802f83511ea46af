// Fuzzing with a seeded PRNG: malformed ingress bodies and malformed stream frames. The relay must answer every
// request with a 2xx/4xx (never 5xx, never a dropped connection), store exactly what it answered "stored", close
// misbehaving streams with a documented code, and keep serving well-behaved clients afterwards.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewStoreCredentials, RelayHandle } from '../../../relay/index';
import { CloseCode } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import { addStore, cleanupDirs, post, startRelay, webhook } from './support/relay-fixture';
import { Prng } from './support/prng';

const BP_PUBLIC_PEM = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const SEED = Number(process.env['RELAY_FUZZ_SEED'] ?? 20261123);
let relay: RelayHandle;
let store: NewStoreCredentials;

beforeEach(async () => {
  relay = await startRelay({
    maxBodyBytes: 8192,
    heartbeatIntervalMs: 100,
    heartbeatTimeoutMs: 5000,
    bpPublicKeys: { '1': BP_PUBLIC_PEM },
  });
  store = await addStore(relay);
});
afterEach(() => relay.close());
afterAll(cleanupDirs);

const KNOWN = [
  'result',
  'amount',
  'tip',
  'payments',
  'transactionid',
  'uniqueReference',
  'creditcard',
  'userID',
];

function randomJson(r: Prng, depth = 0): unknown {
  switch (r.int(depth > 3 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return r.pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER, 42]);
    case 2:
      return r.string(r.int(40));
    case 3:
      return r.next() < 0.5;
    case 4:
      return r.string(r.int(3000));
    case 5:
      return Array.from({ length: r.int(5) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(8); i > 0; i--)
        o[r.pick([...KNOWN, '__proto__', 'constructor', r.string(6)])] = randomJson(r, depth + 1);
      return o;
    }
  }
}

function malformedBody(r: Prng, i: number): string | Buffer {
  const valid = JSON.stringify(webhook(i));
  switch (r.int(9)) {
    case 0:
      return r.bytes(r.int(2000));
    case 1:
      return valid.slice(0, r.int(valid.length));
    case 2: {
      const at = r.int(valid.length);
      return valid.slice(0, at) + r.string(1 + r.int(4)) + valid.slice(at + 1);
    }
    case 3:
      return JSON.stringify(randomJson(r));
    case 4:
      return JSON.stringify({ ...webhook(i), [r.pick(KNOWN)]: randomJson(r) });
    case 5:
      return '['.repeat(1 + r.int(5000)) + ']'.repeat(r.int(5000));
    case 6:
      return JSON.stringify({ result: 'aprobada', uniqueReference: `fz-${i}`, nest: randomJson(r) });
    case 7:
      return '{"result":"aprobada","transactionid":"1","result":' + r.pick(['1', '"x"', 'null', '{}']) + '}';
    default:
      return r.string(r.int(9000));
  }
}

describe('fuzz', () => {
  it(`ingress survives malformed bodies and headers (seed ${SEED})`, async () => {
    const r = new Prng(SEED);
    let storedAnswers = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const headers: Record<string, string> = {};
      // Header values must be legal HTTP tokens, so the garbage is base64 of random bytes or a few odd forms.
      if (r.next() < 0.2)
        headers['x-bp-signature'] = r.pick([r.bytes(r.int(300)).toString('base64'), '!!', '=']);
      if (r.next() < 0.15) headers['x-bp-signaturekey'] = r.pick(['1', '2', '', '../1']);
      if (r.next() < 0.1)
        headers['content-type'] = r.pick(['text/plain', 'application/x-www-form-urlencoded']);
      const res = await post(relay.url, store.ingressPath, malformedBody(r, i), headers);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.relayStatus === 'stored') storedAnswers++;
      expect([200, 400, 401, 413, 422], `case ${i} (seed ${SEED}) got ${res.status} ${res.body}`).toContain(
        res.status,
      );
    }
    // The mix really exercised both sides: refusals and acceptances.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(0);
    expect(storedAnswers).toBeGreaterThan(0);
    const [summary] = await relay.admin.listStores();
    expect(summary?.lastSeq).toBe(storedAnswers);
    const health = await fetch(relay.url + '/healthz');
    expect(health.status).toBe(200);
    // Everything stored is valid JSON objects that a client receives and verifies.
    const c = await StreamClient.open(relay.url, { token: store.streamToken, signingKey: store.signingKey });
    await c.waitForEvents(storedAnswers);
    expect(c.badSignatures).toBe(0);
    c.ws.terminate();
  });

  it(`stream survives malformed client frames (seed ${SEED})`, async () => {
    const r = new Prng(SEED + 1);
    const allowed = new Set<number>([
      CloseCode.badMessage,
      CloseCode.unsupportedProtocol,
      CloseCode.ackOutOfRange,
      CloseCode.cursorAhead,
      CloseCode.frameTooLarge,
    ]);
    const codes = new Map<number, number>();
    await post(relay.url, store.ingressPath, webhook(1));
    for (let i = 0; i < 120; i++) {
      const c = await StreamClient.open(relay.url, {
        token: store.streamToken,
        signingKey: store.signingKey,
        sendHello: r.next() < 0.5,
        autoAck: false,
      });
      const frames: (string | Buffer)[] = [
        r.string(r.int(100)),
        JSON.stringify(randomJson(r)),
        JSON.stringify({ type: 'hello', protocol: r.pick([0, 2, 1.5, '1']), after: 0 }),
        JSON.stringify({ type: 'hello', protocol: 1, after: r.pick([-1, 1e20, 'x', 99]) }),
        JSON.stringify({ type: 'ack', seq: r.pick([-5, 1e9, 0.5, '1', 1000]) }),
        JSON.stringify({ type: 'ping', nonce: r.string(200) }),
        JSON.stringify({ type: r.string(4) }),
        'x'.repeat(5000 + r.int(5000)),
      ];
      const frame = r.pick(frames);
      if (r.next() < 0.3) c.ws.send(r.bytes(1 + r.int(64)));
      else c.ws.send(frame);
      const code = await c.closed;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect(allowed.has(code), `frame ${i} (seed ${SEED + 1}) closed with ${code}`).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(2);
    // The relay is still healthy and serves a well-behaved client.
    expect((await fetch(relay.url + '/healthz')).status).toBe(200);
    const good = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    await post(relay.url, store.ingressPath, webhook(2));
    await good.waitForEvents(2);
    expect(good.events.map((e) => e.seq)).toEqual([1, 2]);
    good.ws.terminate();
  });
});
