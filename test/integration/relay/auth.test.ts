// Who may post and who may read: wrong, absent and rotated secrets and tokens are refused, with a reason and
// without storing anything; no credential ever reaches a log line.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRelay } from '../../../relay/index';
import type { NewStoreCredentials, RelayHandle } from '../../../relay/index';
import { StreamClient } from './support/stream-client';
import { addStore, cleanupDirs, post, startRelay, tempDir, webhook } from './support/relay-fixture';

const relays: RelayHandle[] = [];
const clients: StreamClient[] = [];

async function setup(
  options: Parameters<typeof startRelay>[0] = {},
): Promise<{ relay: RelayHandle; store: NewStoreCredentials }> {
  const relay = await startRelay({ heartbeatIntervalMs: 100, heartbeatTimeoutMs: 5000, ...options });
  relays.push(relay);
  return { relay, store: await addStore(relay) };
}

function secretOf(s: NewStoreCredentials): string {
  return s.ingressPath.split('/').pop() ?? '';
}

async function lastSeq(relay: RelayHandle, storeId: string): Promise<number> {
  const [s] = (await relay.admin.listStores()).filter((x) => x.storeId === storeId);
  return s?.lastSeq ?? -1;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  for (const r of relays.splice(0)) await r.close();
});
afterAll(cleanupDirs);

describe('ingress authentication and validation', () => {
  it('refuses wrong, absent and foreign secrets and unknown stores with 401, storing nothing', async () => {
    const { relay, store } = await setup();
    const base = `/v1/kushki/${store.storeId}`;
    const cases = [
      await post(relay.url, `${base}/not-the-secret`, webhook(1)),
      await post(relay.url, `${base}/`, webhook(1)),
      await post(relay.url, base, webhook(1)),
      await post(relay.url, `/v1/kushki/st_unknown/${secretOf(store)}`, webhook(1)),
      await post(relay.url, `${base}/${secretOf(store).slice(0, -1)}`, webhook(1)),
    ];
    expect(cases.map((c) => c.status)).toEqual([401, 401, 401, 401, 401]);
    expect(JSON.parse(cases[0]?.body ?? '{}')).toMatchObject({ error: 'unauthorized' });
    expect(cases.map((c) => c.body).join('')).not.toContain(secretOf(store));
    expect(await lastSeq(relay, store.storeId)).toBe(0);
  });

  it('answers bad bodies with a 4xx and a reason, stores nothing, and treats an empty POST as a probe', async () => {
    const { relay, store } = await setup({ maxBodyBytes: 2048 });
    const p = store.ingressPath;
    const bad = {
      notJson: await post(relay.url, p, '{"result": "aprobada"'),
      array: await post(relay.url, p, '[1,2]'),
      scalar: await post(relay.url, p, '"aprobada"'),
      wrongType: await post(relay.url, p, { result: 'aprobada', payments: 'many' }),
      noIdentity: await post(relay.url, p, { amount: '10.00' }),
      tooLarge: await post(relay.url, p, webhook(1, { filler: 'x'.repeat(4096) })),
      tooDeep: await post(relay.url, p, { result: 'x', deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) }),
    };
    expect(Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, v.status]))).toEqual({
      notJson: 400,
      array: 422,
      scalar: 422,
      wrongType: 422,
      noIdentity: 422,
      tooLarge: 413,
      tooDeep: 422,
    });
    expect(JSON.parse(bad.wrongType.body)).toMatchObject({ error: 'invalid_webhook' });
    expect(JSON.parse(bad.wrongType.body).reason).toContain('payments');
    const get = await fetch(relay.url + p);
    expect(get.status).toBe(405);
    const probe = await post(relay.url, p, '');
    expect(probe).toMatchObject({ status: 200, relayStatus: 'probe' });
    expect(await lastSeq(relay, store.storeId)).toBe(0);
    // Lenient: quirky but recognisable types are accepted (amount as number, userID as string).
    const quirky = await post(relay.url, p, {
      result: 'aprobada',
      amount: 150,
      userID: '1234',
      transactionid: 7,
    });
    expect(quirky.status).toBe(200);
    const metrics = await relay.metricsText();
    expect(metrics).toMatch(/relay_ingress_rejected_total\{reason="invalid_json"\} 1/);
    expect(metrics).toMatch(/relay_ingress_probes_total 1/);
  });

  it('keeps only the last four digits when creditcard carries a longer number', async () => {
    const { relay, store } = await setup();
    await post(relay.url, store.ingressPath, webhook(1, { creditcard: '4242 4242 4242 4242' }));
    const events = await relay.admin.listEvents(store.storeId);
    expect(events.ok && events.value[0]?.payload['creditcard']).toBe('4242');
  });

  it('after a secret rotation the old secret works only during the grace period', async () => {
    const { relay, store } = await setup();
    const rotated = await relay.admin.rotateSecret(store.storeId, { graceMs: 60_000 });
    if (!rotated.ok) throw new Error('rotate failed');
    expect(rotated.value.ingressPath).not.toBe(store.ingressPath);
    expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(200);
    expect((await post(relay.url, rotated.value.ingressPath, webhook(2))).status).toBe(200);
    const again = await relay.admin.rotateSecret(store.storeId, { graceMs: 0 });
    if (!again.ok) throw new Error('rotate failed');
    expect((await post(relay.url, rotated.value.ingressPath, webhook(3))).status).toBe(401);
    expect((await post(relay.url, store.ingressPath, webhook(4))).status).toBe(401);
    expect((await post(relay.url, again.value.ingressPath, webhook(5))).status).toBe(200);
  });
});

describe('stream authentication', () => {
  it('refuses absent, malformed, wrong and other-scheme tokens before upgrading', async () => {
    const { relay, store } = await setup();
    const key = store.signingKey;
    const results = [
      await StreamClient.connect(relay.url, { token: undefined, signingKey: key }),
      await StreamClient.connect(relay.url, { token: 'crt_wrong', signingKey: key }),
      await StreamClient.connect(relay.url, { token: store.streamToken.slice(0, -2), signingKey: key }),
      await StreamClient.connect(relay.url, { token: 'has spaces in it', signingKey: key }),
    ];
    expect(results.map((r) => (r.ok ? 'open' : r.status))).toEqual([401, 401, 401, 401]);
    const first = results[0];
    expect(first && !first.ok && JSON.parse(first.body)).toMatchObject({ error: 'missing_token' });
  });

  it('a rotated token closes the live session with 4001 and no longer connects; the new one does', async () => {
    const { relay, store } = await setup();
    const client = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    clients.push(client);
    await client.first('ready');
    const rotated = await relay.admin.rotateToken(store.storeId);
    if (!rotated.ok) throw new Error('rotate failed');
    expect(await client.closed).toBe(4001);
    expect(client.closeReason).toBe('token_revoked');
    const old = await StreamClient.connect(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    expect(old.ok ? 'open' : old.status).toBe(401);
    const fresh = await StreamClient.open(relay.url, {
      token: rotated.value.streamToken,
      signingKey: store.signingKey,
    });
    clients.push(fresh);
    expect(await fresh.first('ready')).toMatchObject({ storeId: store.storeId });
  });

  it('after a signing-key rotation frames verify with the new key only', async () => {
    const { relay, store } = await setup();
    const rotated = await relay.admin.rotateSigningKey(store.storeId);
    if (!rotated.ok) throw new Error('rotate failed');
    const client = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: rotated.value.signingKey,
    });
    clients.push(client);
    await post(relay.url, store.ingressPath, webhook(1));
    await client.waitForEvents(1);
    expect(client.badSignatures).toBe(0);
    const stale = await StreamClient.open(relay.url, {
      token: store.streamToken,
      signingKey: store.signingKey,
    });
    clients.push(stale);
    await stale.waitForEvents(1);
    expect(stale.badSignatures).toBeGreaterThan(0);
  });
});

describe("Kushki's X-BP-Signature", () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const signBody = (body: string): string => sign('sha256', Buffer.from(body), privateKey).toString('base64');

  it('is verified when present and configured, refused when it does not match, noted when absent', async () => {
    const { relay, store } = await setup({ bpPublicKeys: { '7': pem } });
    const body = JSON.stringify(webhook(1));
    const good = await post(relay.url, store.ingressPath, body, {
      'x-bp-signature': signBody(body),
      'x-bp-signaturekey': '7',
    });
    const tampered = await post(relay.url, store.ingressPath, body.replace('150.00', '1.00'), {
      'x-bp-signature': signBody(body),
      'x-bp-signaturekey': '7',
    });
    const absent = await post(relay.url, store.ingressPath, webhook(2));
    const unknownKey = await post(relay.url, store.ingressPath, JSON.stringify(webhook(3)), {
      'x-bp-signature': signBody(JSON.stringify(webhook(3))),
      'x-bp-signaturekey': '8',
    });
    expect([good.status, tampered.status, absent.status, unknownKey.status]).toEqual([200, 401, 200, 200]);
    expect(JSON.parse(tampered.body)).toMatchObject({ error: 'bad_signature' });
    const events = await relay.admin.listEvents(store.storeId);
    expect(events.ok && events.value.map((e) => e.bpSignature)).toEqual([
      'verified',
      'absent',
      'unverifiable',
    ]);
  });

  it('in strict mode refuses webhooks without a verifiable signature', async () => {
    const { relay, store } = await setup({ bpPublicKeys: { '7': pem }, requireBpSignature: true });
    expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(401);
    const body = JSON.stringify(webhook(2));
    const signed = await post(relay.url, store.ingressPath, body, {
      'x-bp-signature': signBody(body),
      'x-bp-signaturekey': '7',
    });
    expect(signed.status).toBe(200);
  });
});

describe('logs', () => {
  it('never contain the ingress secret, the stream token or the signing key', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('../../../relay/index');
    const relay = await createRelay(
      { dataDir: tempDir(), heartbeatIntervalMs: 50, heartbeatTimeoutMs: 200 },
      { logger: createLogger({ level: 'debug', sink: (l) => lines.push(l) }) },
    );
    relays.push(relay);
    const store = await addStore(relay);
    await post(relay.url, store.ingressPath, webhook(1));
    await post(relay.url, store.ingressPath, '{bad');
    await post(relay.url, store.ingressPath.replace(/.$/, 'x'), webhook(2));
    const c = await StreamClient.open(relay.url, { token: store.streamToken, signingKey: store.signingKey });
    await c.waitForEvents(1);
    c.send('garbage');
    await c.closed;
    await StreamClient.connect(relay.url, { token: store.streamToken + 'x', signingKey: store.signingKey });
    await relay.admin.rotateToken(store.storeId);
    await relay.close();
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const s of [secretOf(store), store.streamToken, store.signingKey, store.signingKey.slice(6, 30)]) {
      expect(all).not.toContain(s);
    }
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });
});
