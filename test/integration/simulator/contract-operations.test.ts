// Contract of get-status, cancel, refund and print-ticket (§2.3–§2.6, §8 #3–#7) over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../simulator/index';
import { client, pushBody } from './helpers';

let sim: Simulator;
let api: ReturnType<typeof client>;
const MX_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-06:00$/;

beforeAll(async () => {
  sim = await createSimulator({ behaviour: 'manual', seed: 11, terminals: ['TERM123', 'PBN7233T31647'] });
  api = client(sim.url, sim.token);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const errorOf = (body: unknown) => body as { message: string[]; responseCode: string };

async function created(serial = 'TERM123', overrides: Record<string, unknown> = {}): Promise<string> {
  const body = pushBody(serial, overrides);
  expect((await api.push(body)).status).toBe(201);
  return body.uniqueReference as string;
}

async function approved(overrides: Record<string, unknown> = {}): Promise<string> {
  const r = await created('TERM123', overrides);
  expect(sim.approve(r).ok).toBe(true);
  return r;
}

describe('GET /get-status/', () => {
  it('reports CREATED with a null transactionId and −06:00 dates', async () => {
    const r = await created();
    const res = await api.status(r);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'CREATED',
      transactionId: null,
      creationDate: expect.stringMatching(MX_DATE),
      updateDate: expect.stringMatching(MX_DATE),
    });
  });

  it('reports the transactionId once APPROVED; works without the trailing slash too', async () => {
    const r = await approved();
    const res = await api.call('GET', `/get-status?uniqueReference=${r}`);
    expect(res.body).toMatchObject({ status: 'APPROVED', transactionId: expect.stringMatching(/^\d{9}$/) });
  });

  it('404 / 002 for an unknown reference (§8 #7), 400 / 002 without one, 401 / 001 without auth', async () => {
    const unknown = await api.status('never-sent');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: ['uniqueReference not found'], responseCode: '002' });
    const missing = await api.call('GET', '/get-status/');
    expect(missing.status).toBe(400);
    expect(errorOf(missing.body).responseCode).toBe('002');
    const noAuth = await api.call('GET', '/get-status/?uniqueReference=x', undefined, {
      'X-BP-AUTH': 'nope',
    });
    expect(noAuth.status).toBe(401);
    expect(errorOf(noAuth.body).responseCode).toBe('001');
  });
});

describe('POST /cancel-push-notification', () => {
  it.each(['/cancel-push-notification', '/v2/cancel-push-notification', '/push-notifications/cancel'])(
    '%s cancels a CREATED request with 201 and the documented message',
    async (path) => {
      const r = await created('PBN7233T31647');
      const res = await api.cancel(r, 'PBN7233T31647', path);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ message: 'La petición de cobro ha sido cancelada exitosamente' });
      expect((await api.status(r)).body).toMatchObject({ status: 'CANCELLED', transactionId: null });
      expect(sim.requests.get(r)?.cancelledBy).toBe('api');
    },
  );

  it('422 with the documented body (capital-ID transactionID) once APPROVED', async () => {
    const r = await approved();
    const res = await api.cancel(r, 'TERM123');
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      message: 'No se puede realizar la cancelación de la transacción',
      creationDate: expect.stringMatching(MX_DATE),
      transactionID: sim.requests.get(r)?.transactionId,
      updateDate: expect.stringMatching(MX_DATE),
      status: 'APPROVED',
    });
  });

  it('422 with status CANCELLED when cancelled twice', async () => {
    const r = await created();
    await api.cancel(r, 'TERM123');
    const again = await api.cancel(r, 'TERM123');
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ status: 'CANCELLED', transactionID: null });
  });

  it('003 for an unknown serial, 404 / 002 for a reference of another terminal, 002 for bad bodies', async () => {
    const r = await created();
    expect(errorOf((await api.cancel(r, 'NOPE1')).body).responseCode).toBe('003');
    const other = await api.cancel(r, 'PBN7233T31647');
    expect(other.status).toBe(404);
    expect(errorOf(other.body).responseCode).toBe('002');
    const bad = await api.call('POST', '/cancel-push-notification', { uniqueReference: r });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).message).toEqual(['serialNumber should not be empty']);
    const noAuth = await api.call('POST', '/cancel-push-notification', {}, { 'X-BP-AUTH': 'x' });
    expect(errorOf(noAuth.body).responseCode).toBe('001');
  });
});

describe('POST /refund', () => {
  it('refunds an APPROVED sale in full: 201, then REFUNDED', async () => {
    const r = await approved({ tip: 10 });
    const res = await api.refund({ uniqueReference: r });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ message: 'La devolución ha sido procesada exitosamente' });
    expect((await api.status(r)).body).toMatchObject({ status: 'REFUNDED' });
    expect(sim.requests.get(r)?.refundedCents).toBe(16000);
  });

  it('partial refunds keep APPROVED until the whole charge is returned (§8 #6), by saleId too', async () => {
    const r = await approved({ amount: 100 });
    const saleId = sim.requests.get(r)?.transactionId as string;
    expect((await api.refund({ uniqueReference: r, refundAmount: 40 })).status).toBe(201);
    expect((await api.status(r)).body).toMatchObject({ status: 'APPROVED' });
    const tooMuch = await api.refund({ saleId, refundAmount: 60.01 });
    expect(tooMuch.status).toBe(400);
    expect(errorOf(tooMuch.body).responseCode).toBe('002');
    expect((await api.refund({ saleId, refundAmount: 60 })).status).toBe(201);
    expect((await api.status(r)).body).toMatchObject({ status: 'REFUNDED' });
  });

  it('422 unless APPROVED; 404 / 002 for unknown references; 002 for an empty body', async () => {
    const r = await created();
    const res = await api.refund({ uniqueReference: r });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      message: 'No se puede realizar la devolución de la transacción',
      status: 'CREATED',
    });
    const unknown = await api.refund({ uniqueReference: 'nope' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).responseCode).toBe('002');
    const empty = await api.refund({});
    expect(empty.status).toBe(400);
    expect(errorOf(empty.body).message).toEqual(['uniqueReference should not be empty']);
  });
});

describe('POST /v2/print-ticket', () => {
  const ticket = {
    serialNumber: 'TERM123',
    showNotification: true,
    notificationTitle: 'Pedido',
    notificationMessage: 'Mesa 6',
    ticketData: [
      { type: 'text', value: 'Pedidos para mesa 6', size: 'big', bold: true, align: 'center' },
      { type: 'line' },
      { type: 'column', value: ['Producto', 'Precio', 'Total'], align: 'center' },
    ],
  };

  it.each(['/v2/print-ticket', '/print-ticket', '/v2/push-notifications/print'])(
    '%s answers 201',
    async (path) => {
      const res = await api.print(ticket, path);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ message: 'Ticket enviado' });
      expect(sim.tickets().at(-1)?.ticketData).toHaveLength(3);
    },
  );

  it.each([
    [{ notificationTitle: 'P' }, 'notificationTitle must be longer than or equal to 2 characters'],
    [
      { notificationMessage: 'm'.repeat(61) },
      'notificationMessage must be shorter than or equal to 60 characters',
    ],
    [
      { ticketData: [{ type: 'column', value: ['solo'] }] },
      'ticketData.0.value must contain at least 2 elements',
    ],
    [
      { ticketData: [{ type: 'column', value: ['a', 'b', 'c', 'd'] }] },
      'ticketData.0.value must contain no more than 3 elements',
    ],
    [
      { ticketData: [{ type: 'qr', value: 'x' }] },
      'ticketData.0.type must be a block of type text, line or column',
    ],
    [
      { ticketData: [{ type: 'text', value: 'x', size: 'huge' }] },
      'ticketData.0.size must be one of small, normal, big',
    ],
    [{ ticketData: [] }, 'ticketData must contain at least 1 elements'],
    [{ notificationTitle: undefined }, 'notificationTitle should not be empty'],
  ])('002 for %j', async (override, message) => {
    const res = await api.print({ ...ticket, ...override });
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toEqual({ message: expect.arrayContaining([message]), responseCode: '002' });
  });

  it('003 for an unknown serial, 010 for an unregistered one, 101 when offline', async () => {
    expect(errorOf((await api.print({ ...ticket, serialNumber: 'NOPE1' })).body).responseCode).toBe('003');
    sim.terminals.update('TERM123', { registered: false });
    expect(errorOf((await api.print(ticket)).body).responseCode).toBe('010');
    sim.terminals.update('TERM123', { registered: true, online: false });
    const offline = await api.print(ticket);
    expect(offline.status).toBe(503);
    expect(errorOf(offline.body).responseCode).toBe('101');
  });
});

describe('unknown routes', () => {
  it('answer 404 in the documented shape', async () => {
    const res = await api.call('DELETE', '/v2/push-notifications');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: ['Cannot DELETE /v2/push-notifications'], responseCode: '002' });
  });
});
