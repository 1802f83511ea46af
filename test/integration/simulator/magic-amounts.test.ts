// Every row of the magic-amount table (README "Magic amounts"), driven only through the public API the POS uses.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, MAGIC_AMOUNTS, type Simulator } from '../../../simulator/index';
import { client, pushBody, startReceiver, type Receiver } from './helpers';

let sim: Simulator;
let api: ReturnType<typeof client>;
let receiver: Receiver;

beforeAll(async () => {
  // Manual terminals: without the magic amounts nothing would ever happen to these requests.
  sim = await createSimulator({ behaviour: 'manual', timeScale: 0.01, approveDelayMs: 2_000, seed: 9 });
  api = client(sim.url, sim.token);
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  receiver = await startReceiver();
  sim.setWebhookUrl(receiver.url);
});
afterEach(() => receiver.close());

async function push(amount: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const body = pushBody('TERM123', { amount, ttl: 10, ...overrides });
  const res = await api.push(body);
  expect(res.status).toBe(201);
  return body.uniqueReference as string;
}

describe('magic amounts', () => {
  it.each([
    [10.13, 'rechazada'],
    [10.14, 'rechazadaProsa'],
    [10.15, 'rechazadaRiesgo'],
  ])('%d declines with %s and the request expires at ttl', async (amount, result) => {
    const r = await push(amount);
    const [hook] = await receiver.waitForCount(1);
    expect(hook?.body).toMatchObject({ result, uniqueReference: r });
    expect((await sim.requests.waitFor(r, 'CANCELLED')).cancelledBy).toBe('ttl');
  });

  it('.31: first card declined, second approved', async () => {
    const r = await push(50.31);
    const hooks = await receiver.waitForCount(2);
    expect(hooks.map((h) => h.body.result)).toEqual(['rechazada', 'aprobada']);
    expect(sim.requests.get(r)?.status).toBe('APPROVED');
  });

  it('.51: nobody taps, CANCELLED at ttl with no webhook', async () => {
    const r = await push(20.51);
    expect((await sim.requests.waitFor(r, 'CANCELLED')).cancelledBy).toBe('ttl');
    expect(sim.webhooks.attempts(r)).toEqual([]);
  });

  it('.52: the customer cancels on the terminal', async () => {
    const r = await push(20.52);
    expect((await sim.requests.waitFor(r, 'CANCELLED')).cancelledBy).toBe('customer');
  });

  it('.61: approved but the webhook is dropped (get-status is the truth)', async () => {
    const r = await push(30.61);
    await sim.requests.waitFor(r, 'APPROVED');
    expect((await api.status(r)).body).toMatchObject({ status: 'APPROVED' });
    expect(sim.webhooks.attempts(r).map((a) => a.outcome)).toEqual(['dropped']);
  });

  it('.62: approved and the webhook arrives twice', async () => {
    await push(30.62);
    const [a, b] = await receiver.waitForCount(2);
    expect(a?.raw).toBe(b?.raw);
  });

  it('.63: approved and the webhook is delayed 30 s', async () => {
    const r = await push(30.63);
    const attempt = await sim.webhooks.waitFor((a) => a.uniqueReference === r && a.outcome === 'delivered');
    expect(attempt.startedAt ?? 0).toBeGreaterThanOrEqual((sim.requests.get(r)?.updatedAt ?? 0) + 30_000);
  });

  it('.64: a stale decline arrives after the approval', async () => {
    await push(30.64);
    const hooks = await receiver.waitForCount(2);
    expect(hooks.map((h) => h.body.result)).toEqual(['aprobada', 'rechazada']);
  });

  it('.65: the webhook arrives before the push gets its 201', async () => {
    const r = await push(30.65);
    // `push` resolved only after the 201: the webhook must already be in the inbox.
    expect(receiver.received.map((h) => h.body.uniqueReference)).toEqual([r]);
  });

  it('.71: the request is registered but the HTTP response is lost; get-status later says APPROVED', async () => {
    const body = pushBody('TERM123', { amount: 40.71 });
    await expect(api.push(body)).rejects.toThrow();
    const r = body.uniqueReference as string;
    expect(sim.requests.get(r)).toBeDefined();
    await sim.requests.waitFor(r, 'APPROVED');
    expect((await api.status(r)).body).toMatchObject({ status: 'APPROVED' });
  });

  it('.72: the 201 is held back 35 s (simulated), longer than the approval takes', async () => {
    const r = await push(40.72);
    expect(sim.requests.get(r)?.status).toBe('APPROVED');
    const log = sim.httpLog().find((e) => e.uniqueReference === r && e.method === 'POST');
    expect(log?.status).toBe(201);
  });

  it.each([
    [60.91, 500, '100'],
    [60.92, 503, '101'],
  ])('%d refuses the push', async (amount, status, responseCode) => {
    const body = pushBody('TERM123', { amount });
    const res = await api.push(body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ responseCode });
    expect(sim.requests.get(body.uniqueReference as string)).toBeUndefined();
  });

  it('are ignored when magicAmounts is off', async () => {
    sim.configure({ magicAmounts: false });
    const r = await push(10.13);
    expect(sim.requests.get(r)?.magic).toBeNull();
    expect(sim.approve(r).ok).toBe(true);
  });

  it('table lists every row once', () => {
    const cents = MAGIC_AMOUNTS.map((m) => m.cents);
    expect(new Set(cents).size).toBe(cents.length);
    expect(sim.magicAmounts).toHaveLength(MAGIC_AMOUNTS.length);
  });
});
