// Webhook delivery (§3, §8 #9–#13): fields, retries after a 500 and after a slow receiver, and the fault modes.
import { verify } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CARD_BRANDS, createSimulator, type Simulator } from '../../../simulator/index';
import { client, pushBody, startReceiver, type Receiver, type Reply } from './helpers';

let sim: Simulator;
let api: ReturnType<typeof client>;
let receiver: Receiver;

beforeAll(async () => {
  sim = await createSimulator({ behaviour: 'manual', timeScale: 0.01, seed: 5 });
  api = client(sim.url, sim.token);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());
afterEach(() => receiver?.close());

async function useReceiver(reply?: Reply): Promise<void> {
  receiver = await startReceiver(reply);
  expect(sim.setWebhookUrl(receiver.url).ok).toBe(true);
}

async function approvedSale(overrides: Record<string, unknown> = {}): Promise<string> {
  const body = pushBody('TERM123', overrides);
  expect((await api.push(body)).status).toBe(201);
  const r = body.uniqueReference as string;
  expect(sim.approve(r, { brand: 'CARNET' }).ok).toBe(true);
  return r;
}

describe('payload', () => {
  it('approval carries the §3.2 fields with two-decimal strings, then a refund sends devolucion', async () => {
    await useReceiver();
    const r = await approvedSale({ amount: 150, tip: 15, description: 'Compra en restaurante', msi: 0 });
    const [sale] = await receiver.waitForCount(1);
    expect(sale?.headers['content-type']).toBe('application/json');
    expect(sale?.body).toEqual({
      result: 'aprobada',
      amount: '150.00',
      tip: '15.00',
      payments: 0,
      authorizationTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-06:00$/),
      reference: 'Compra en restaurante',
      transactionid: expect.stringMatching(/^\d{9}$/),
      authorization: expect.stringMatching(/^[A-Z0-9]{6}$/),
      creditcard: expect.stringMatching(/^\d{4}$/),
      cardtype: 'CARNET',
      arqc: expect.stringMatching(/^[0-9A-F]{16}$/),
      userID: 1234,
      aid: expect.any(String),
      applabel: expect.any(String),
      url: expect.any(String),
      uniqueReference: r,
      identifier: r,
      transactionType: 'venta',
    });
    expect(CARD_BRANDS).toContain(sale?.body.cardtype);
    expect(sale?.body.transactionid).toBe(sim.requests.get(r)?.transactionId);
    expect((await api.refund({ uniqueReference: r })).status).toBe(201);
    const [, refund] = await receiver.waitForCount(2);
    expect(refund?.body).toMatchObject({
      transactionType: 'devolucion',
      amount: '150.00',
      tip: '15.00',
      uniqueReference: r,
    });
    const receipt = await fetch(`${sim.url}/ticket/${String(sale?.body.url)}`);
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain(String(sale?.body.authorization));
  });

  it('declines send result rechazada… without authorization; declineWebhooks=false suppresses them', async () => {
    await useReceiver();
    const body = pushBody('TERM123', { amount: 99 });
    await api.push(body);
    sim.decline(body.uniqueReference as string, { result: 'rechazadaRiesgo' });
    const [decline] = await receiver.waitForCount(1);
    expect(decline?.body).toMatchObject({
      result: 'rechazadaRiesgo',
      amount: '99.00',
      transactionType: 'venta',
    });
    expect(decline?.body).not.toHaveProperty('authorization');
    sim.configure({ declineWebhooks: false });
    sim.decline(body.uniqueReference as string);
    sim.approve(body.uniqueReference as string);
    const [, second] = await receiver.waitForCount(2);
    expect(second?.body.result).toBe('aprobada');
  });

  it('records no-url attempts when no webhook URL is configured', async () => {
    sim.setWebhookUrl(null);
    const r = await approvedSale();
    const attempt = await sim.webhooks.waitFor((a) => a.uniqueReference === r);
    expect(attempt.outcome).toBe('no-url');
  });
});

describe('retries (§8 #13)', () => {
  it('retries after a 500 and the receiver gets the same body again', async () => {
    await useReceiver((n) => ({ status: n === 1 ? 500 : 200 }));
    const r = await approvedSale();
    await sim.webhooks.waitFor((a) => a.uniqueReference === r && a.outcome === 'delivered');
    const attempts = sim.webhooks.attempts(r);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [1, 'failed', 500],
      [2, 'delivered', 200],
    ]);
    expect(attempts[1]?.startedAt ?? 0).toBeGreaterThanOrEqual((attempts[0]?.finishedAt ?? 0) + 10_000);
    expect(receiver.received[0]?.raw).toBe(receiver.received[1]?.raw);
  });

  it('treats a reply slower than the limit as a timeout and retries', async () => {
    sim.configure({ replyTimeoutMs: 200 });
    await useReceiver((n) => (n === 1 ? { status: 200, delayMs: 1_000 } : { status: 200 }));
    const r = await approvedSale();
    await sim.webhooks.waitFor((a) => a.uniqueReference === r && a.outcome === 'delivered');
    expect(sim.webhooks.attempts(r).map((a) => a.outcome)).toEqual(['timeout', 'delivered']);
  });

  it('only an HTTP 200 counts: a 204 is retried', async () => {
    await useReceiver((n) => ({ status: n === 1 ? 204 : 200 }));
    const r = await approvedSale();
    await sim.webhooks.waitFor((a) => a.uniqueReference === r && a.outcome === 'delivered');
    expect(sim.webhooks.attempts(r).map((a) => a.statusCode)).toEqual([204, 200]);
  });
});

describe('fault modes', () => {
  it('duplicate: the same event twice, then back to normal', async () => {
    await useReceiver();
    sim.webhooks.setFault({ mode: 'duplicate', count: 1 });
    const r = await approvedSale();
    const [a, b] = await receiver.waitForCount(2);
    expect(a?.raw).toBe(b?.raw);
    const tags = sim.webhooks.attempts(r).map((x) => x.tag);
    expect(tags).toEqual(['primary', 'duplicate']);
    const next = await approvedSale();
    await sim.webhooks.waitFor((x) => x.uniqueReference === next && x.outcome === 'delivered');
    expect(sim.webhooks.attempts(next)).toHaveLength(1);
  });

  it('out-of-order: a stale decline arrives after the approval', async () => {
    await useReceiver();
    sim.webhooks.setFault({ mode: 'out-of-order', count: 1 });
    const r = await approvedSale();
    const [first, second] = await receiver.waitForCount(2);
    expect(first?.body).toMatchObject({ result: 'aprobada', uniqueReference: r });
    expect(second?.body).toMatchObject({ result: 'rechazada', uniqueReference: r });
    expect(Date.parse(String(second?.body.authorizationTime))).toBeLessThan(
      Date.parse(String(first?.body.authorizationTime)),
    );
    expect(sim.requests.get(r)?.status).toBe('APPROVED');
  });

  it('out-of-order on a refund: the old sale webhook arrives after the devolucion', async () => {
    await useReceiver();
    const r = await approvedSale();
    await receiver.waitForCount(1);
    sim.webhooks.setFault({ mode: 'out-of-order', count: 1 });
    await api.refund({ uniqueReference: r });
    const all = await receiver.waitForCount(3);
    expect(all.map((x) => x.body.transactionType)).toEqual(['venta', 'devolucion', 'venta']);
  });

  it('drop: the event is never sent; the next one is', async () => {
    await useReceiver();
    sim.webhooks.setFault({ mode: 'drop', count: 1 });
    const dropped = await approvedSale();
    const delivered = await approvedSale();
    const [only] = await receiver.waitForCount(1);
    expect(only?.body.uniqueReference).toBe(delivered);
    expect(sim.webhooks.attempts(dropped).map((a) => a.outcome)).toEqual(['dropped']);
  });

  it('delay: the first attempt waits the configured simulated time', async () => {
    await useReceiver();
    sim.webhooks.setFault({ mode: 'delay', delayMs: 45_000, count: 1 });
    const r = await approvedSale();
    const attempt = await sim.webhooks.waitFor((a) => a.uniqueReference === r && a.outcome === 'delivered');
    const approvedAt = sim.requests.get(r)?.updatedAt ?? 0;
    expect(attempt.startedAt ?? 0).toBeGreaterThanOrEqual(approvedAt + 45_000);
  });
});

describe('signing (§8 #12)', () => {
  it('signs the raw body with RSA-SHA256 and serves the public key at /webhook/{index}.pem', async () => {
    await useReceiver();
    sim.webhooks.setSigning(true, '7');
    await approvedSale();
    const [hook] = await receiver.waitForCount(1);
    expect(hook?.headers['x-bp-signaturekey']).toBe('7');
    const signature = Buffer.from(String(hook?.headers['x-bp-signature']), 'base64');
    const pem = await (await fetch(`${sim.url}/webhook/7.pem`)).text();
    expect(pem).toContain('BEGIN PUBLIC KEY');
    expect(verify('sha256', Buffer.from(hook?.raw ?? ''), pem, signature)).toBe(true);
    expect(verify('sha256', Buffer.from(`${hook?.raw ?? ''} `), pem, signature)).toBe(false);
    expect((await fetch(`${sim.url}/webhook/8.pem`)).status).toBe(404);
  });

  it('sends no signature headers by default', async () => {
    await useReceiver();
    await approvedSale();
    const [hook] = await receiver.waitForCount(1);
    expect(hook?.headers).not.toHaveProperty('x-bp-signature');
  });
});
