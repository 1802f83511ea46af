// The §7 state machine over HTTP: CREATED → APPROVED → REFUNDED and CREATED → CANCELLED by the API, by ttl and by
// the customer; declines, the one-at-a-time queue and the auto behaviours. Simulated time runs 100× faster, and
// every wait is on a simulator event, never a fixed sleep.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../simulator/index';
import { client, pushBody } from './helpers';

let sim: Simulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await createSimulator({ behaviour: 'manual', timeScale: 0.01, approveDelayMs: 2_000, seed: 3 });
  api = client(sim.url, sim.token);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function push(overrides: Record<string, unknown> = {}): Promise<string> {
  const body = pushBody('TERM123', overrides);
  expect((await api.push(body)).status).toBe(201);
  return body.uniqueReference as string;
}
const statusOf = async (r: string) => ((await api.status(r)).body as { status: string }).status;

describe('happy path', () => {
  it('CREATED → APPROVED → REFUNDED', async () => {
    const r = await push();
    expect(await statusOf(r)).toBe('CREATED');
    expect(sim.approve(r, { brand: 'MASTERCARD' }).ok).toBe(true);
    expect(await statusOf(r)).toBe('APPROVED');
    expect((await api.refund({ uniqueReference: r })).status).toBe(201);
    expect(await statusOf(r)).toBe('REFUNDED');
    // Final states never move back.
    expect(sim.approve(r).ok).toBe(false);
    expect((await api.cancel(r, 'TERM123')).status).toBe(422);
    expect((await api.refund({ uniqueReference: r })).status).toBe(422);
    expect(await statusOf(r)).toBe('REFUNDED');
  });
});

describe('CREATED → CANCELLED', () => {
  it('by the cancel API', async () => {
    const r = await push();
    expect((await api.cancel(r, 'TERM123')).status).toBe(201);
    expect(sim.requests.get(r)).toMatchObject({ status: 'CANCELLED', cancelledBy: 'api' });
    expect(sim.approve(r).error?.code).toBe('not_pending');
  });

  it('by ttl expiry, with updateDate ttl seconds after creationDate (simulated time)', async () => {
    const r = await push({ ttl: 10 });
    const done = await sim.requests.waitFor(r, 'CANCELLED');
    expect(done.cancelledBy).toBe('ttl');
    expect(done.updatedAt - done.createdAt).toBeGreaterThanOrEqual(10_000);
    const body = (await api.status(r)).body as { creationDate: string; updateDate: string };
    expect(Date.parse(body.updateDate) - Date.parse(body.creationDate)).toBeGreaterThanOrEqual(10_000);
  });

  it('by the customer on the terminal', async () => {
    const r = await push();
    expect(sim.customerCancel(r).ok).toBe(true);
    expect(await statusOf(r)).toBe('CANCELLED');
    expect(sim.requests.get(r)?.cancelledBy).toBe('customer');
  });
});

describe('declines (§8 #9)', () => {
  it('leave the request CREATED so another card can be tried', async () => {
    const r = await push();
    expect(sim.decline(r, { result: 'rechazadaProsa' }).ok).toBe(true);
    expect(await statusOf(r)).toBe('CREATED');
    expect(sim.approve(r).ok).toBe(true);
    const request = sim.requests.get(r);
    expect(request?.attempts.map((a) => a.result)).toEqual(['rechazadaProsa', 'aprobada']);
    expect(request?.transactionId).toBe(request?.attempts[1]?.transactionId);
  });

  it('cancel the request at once when afterDecline is "cancel"', async () => {
    sim.configure({ afterDecline: 'cancel' });
    const r = await push();
    sim.decline(r);
    expect(sim.requests.get(r)).toMatchObject({ status: 'CANCELLED', cancelledBy: 'customer' });
  });
});

describe('terminal queue (§8 #23)', () => {
  it('shows one request at a time; the next one reaches the screen when the first is final', async () => {
    const first = await push();
    const second = await push();
    expect(sim.terminals.get('TERM123')).toMatchObject({ current: first, queue: [second] });
    expect(sim.approve(second).error?.code).toBe('not_on_screen');
    sim.approve(first);
    const onScreen = await sim.terminals.waitForOnScreen('TERM123');
    expect(onScreen.uniqueReference).toBe(second);
  });

  it('expires queued requests at their ttl too', async () => {
    await push({ ttl: 600 });
    const queued = await push({ ttl: 10 });
    expect((await sim.requests.waitFor(queued, 'CANCELLED')).cancelledBy).toBe('ttl');
    expect(sim.terminals.get('TERM123')?.queue).toEqual([]);
  });
});

describe('behaviours', () => {
  it('auto-approve approves after the delay', async () => {
    sim.terminals.setBehaviour('TERM123', 'auto-approve');
    const r = await push();
    const done = await sim.requests.waitFor(r, 'APPROVED');
    expect(done.updatedAt - done.createdAt).toBeGreaterThanOrEqual(2_000);
  });

  it('auto-decline declines and the request then expires at ttl', async () => {
    sim.terminals.setBehaviour('TERM123', 'auto-decline');
    const r = await push({ ttl: 10 });
    await sim.requests.waitFor(r, (q) => q.attempts.length === 1);
    expect(sim.requests.get(r)?.attempts[0]?.result).toBe('rechazada');
    expect((await sim.requests.waitFor(r, 'CANCELLED')).cancelledBy).toBe('ttl');
  });

  it('customer-cancel cancels after the delay', async () => {
    sim.terminals.setBehaviour('TERM123', 'customer-cancel');
    const r = await push();
    expect((await sim.requests.waitFor(r, 'CANCELLED')).cancelledBy).toBe('customer');
  });

  it('timeout never answers; the ttl cancels', async () => {
    sim.terminals.setBehaviour('TERM123', 'timeout');
    const r = await push({ ttl: 10 });
    const done = await sim.requests.waitFor(r, 'CANCELLED');
    expect(done).toMatchObject({ cancelledBy: 'ttl', attempts: [] });
  });

  it('a cancel that loses the race with the approval gets 422 APPROVED (lesson 5)', async () => {
    const r = await push();
    sim.approve(r);
    const res = await api.cancel(r, 'TERM123');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 'APPROVED' });
  });

  it('a tip typed on the terminal needs extras.enableDialogTip (§8 #17)', async () => {
    const plain = await push();
    expect(sim.approve(plain, { tip: 20 }).error?.code).toBe('tip_not_allowed');
    sim.customerCancel(plain);
    const withDialog = await push({ extras: { enableDialogTip: true } });
    expect(sim.approve(withDialog, { tip: 20 }).ok).toBe(true);
    expect(sim.requests.get(withDialog)?.tipCents).toBe(2000);
  });
});
