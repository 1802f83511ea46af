// Contract of the push endpoints (§2.1, §2.2, §4.1, §8 #1, #2, #15–#22) over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../simulator/index';
import { client, pushBody, ref } from './helpers';

let sim: Simulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await createSimulator({
    token: 'a'.repeat(64),
    behaviour: 'manual',
    seed: 7,
    terminals: [
      'TERM123',
      { serialNumber: 'OLDAPP1', appVersion: '4.3.0' },
      { serialNumber: 'NOREF1', appVersion: '4.9.9' },
    ],
  });
  api = client(sim.url, sim.token);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const errorOf = (body: unknown) => body as { message: string[]; responseCode: string };

describe('POST /v2/push-notifications', () => {
  it('answers 201 with the §8 #1 body and registers a CREATED request', async () => {
    const body = pushBody('TERM123', {
      tip: 15,
      description: 'Mesa 6',
      showNotification: true,
      ttl: 90,
      msi: 0,
    });
    const res = await api.push(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      message: 'Notificación enviada exitosamente',
      responseCode: '000',
      uniqueReference: body.uniqueReference,
    });
    const request = sim.requests.get(body.uniqueReference as string);
    expect(request).toMatchObject({ status: 'CREATED', amountCents: 15000, tipCents: 1500, ttlSeconds: 90 });
    expect(request?.showNotification).toBe(true);
  });

  it('can answer the 201 with an empty body (§8 #1)', async () => {
    sim.configure({ pushResponseBody: 'empty' });
    const res = await api.push(pushBody('TERM123'));
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
  });

  it('accepts showNotification as boolean or string, echoes extras, defaults ttl to 60', async () => {
    const { ttl: _ttl, ...a } = pushBody('TERM123', { showNotification: 'false' });
    const b = pushBody('TERM123', {
      showNotification: 'true',
      extras: { autoPaymentEnabled: true, timerFinishTRX: 10, enableDialogTip: false },
    });
    expect((await api.push(a)).status).toBe(201);
    expect((await api.push(b)).status).toBe(201);
    expect(sim.requests.get(a.uniqueReference as string)).toMatchObject({
      showNotification: false,
      ttlSeconds: 60,
    });
    expect(sim.requests.get(b.uniqueReference as string)?.extras).toEqual({
      autoPaymentEnabled: true,
      timerFinishTRX: 10,
      enableDialogTip: false,
    });
  });

  it.each([
    ['missing header', {}],
    ['wrong token', { 'X-BP-AUTH': 'b'.repeat(64) }],
    ['empty token', { 'X-BP-AUTH': '' }],
  ])('001 / 401 with %s', async (_name, headers) => {
    const res = await api.call('POST', '/v2/push-notifications', pushBody('TERM123'), {
      'X-BP-AUTH': '',
      ...headers,
    });
    expect(res.status).toBe(401);
    expect(errorOf(res.body).responseCode).toBe('001');
    expect(res.text).not.toContain(sim.token);
  });

  it.each([
    [{ serialNumber: 'TERM-123' }, 'serialNumber must not contain special characters'],
    [{ amount: 10.123 }, 'amount must have at most 2 decimal places'],
    [{ amount: 0.1 + 0.2 }, 'amount must have at most 2 decimal places'],
    [{ amount: 0 }, 'amount must be a positive number'],
    [{ amount: -5 }, 'amount must be a positive number'],
    [{ amount: '150' }, 'amount must be a number'],
    [{ amount: undefined }, 'amount should not be empty'],
    [{ identifier: 12 }, 'identifier must be a string'],
    [{ identifier: 'x'.repeat(257) }, 'identifier must be shorter than or equal to 256 characters'],
    [{ uniqueReference: 'a b' }, 'uniqueReference must contain only letters, digits, - and _'],
    [{ description: 'd'.repeat(101) }, 'description must be shorter than or equal to 100 characters'],
    [{ tip: -1 }, 'tip must not be negative'],
    [{ showNotification: 'yes' }, 'showNotification must be a boolean or "true"/"false"'],
    [{ ttl: 5 }, 'ttl must not be less than 10'],
    [{ ttl: 601 }, 'ttl must not be greater than 600'],
    [{ msi: 4 }, 'msi must be one of 0, 3, 6, 9, 12, 18'],
    [{ extras: { autoPaymentEnabled: 'yes' } }, 'extras.autoPaymentEnabled must be a boolean'],
    [{ colour: 'red' }, 'property colour should not exist'],
    [{ extras: { sound: true } }, 'property extras.sound should not exist'],
  ])('002 / 400 for %j', async (override, message) => {
    const res = await api.push(pushBody('TERM123', override));
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toEqual({ message: expect.arrayContaining([message]), responseCode: '002' });
  });

  it.each([
    [3, 299.99, 300],
    [6, 599.99, 600],
    [9, 899.99, 900],
    [12, 1199.99, 1200],
    [18, 1799.99, 1800],
  ])('MSI %i months: %d is refused, %d accepted', async (msi, below, minimum) => {
    const low = await api.push(pushBody('TERM123', { msi, amount: below }));
    expect(low.status).toBe(400);
    expect(errorOf(low.body).message[0]).toMatch(/amount must be at least/);
    const ok = await api.push(pushBody('TERM123', { msi, amount: minimum }));
    expect(ok.status).toBe(201);
  });

  it('002 for wrong content type, malformed JSON, non-object bodies and huge bodies', async () => {
    const bad = [
      await api.call('POST', '/v2/push-notifications', JSON.stringify(pushBody('TERM123')), {
        'Content-Type': 'text/plain',
      }),
      await api.call('POST', '/v2/push-notifications', '{"serialNumber":'),
      await api.call('POST', '/v2/push-notifications', '[1,2]'),
      await api.call('POST', '/v2/push-notifications', ''),
      await api.call(
        'POST',
        '/v2/push-notifications',
        JSON.stringify({ ...pushBody('TERM123'), pad: 'x'.repeat(70_000) }),
      ),
    ];
    for (const res of bad) {
      expect(res.status).toBe(400);
      expect(errorOf(res.body).responseCode).toBe('002');
      expect(Array.isArray(errorOf(res.body).message)).toBe(true);
    }
  });

  it('003 / 404 for an unknown serial', async () => {
    const res = await api.push(pushBody('NOPE999'));
    expect(res.status).toBe(404);
    expect(errorOf(res.body).responseCode).toBe('003');
  });

  it('010 / 404 for an unregistered device or an app older than 4.3.26', async () => {
    sim.terminals.update('TERM123', { registered: false });
    const unregistered = await api.push(pushBody('TERM123'));
    const old = await api.push(pushBody('OLDAPP1'));
    for (const res of [unregistered, old]) {
      expect(res.status).toBe(404);
      expect(errorOf(res.body).responseCode).toBe('010');
    }
  });

  it('002 when uniqueReference is sent to an app older than 5.0.3, 201 without it', async () => {
    const res = await api.push(pushBody('NOREF1'));
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toEqual([
      'uniqueReference requires payment app 5.0.3 or later on the terminal',
    ]);
    const { uniqueReference: _omit, ...withoutRef } = pushBody('NOREF1');
    expect((await api.push(withoutRef)).status).toBe(201);
  });

  it('004–007 / 409 for a duplicate uniqueReference, by the existing status', async () => {
    const cases: [string, (r: string) => Promise<void>][] = [
      ['004', async () => undefined],
      ['005', async (r) => void (await api.cancel(r, 'TERM123'))],
      ['006', async (r) => void sim.approve(r)],
      [
        '007',
        async (r) => {
          sim.approve(r);
          await api.refund({ uniqueReference: r });
        },
      ],
    ];
    for (const [code, prepare] of cases) {
      sim.reset();
      const body = pushBody('TERM123');
      expect((await api.push(body)).status).toBe(201);
      await prepare(body.uniqueReference as string);
      const again = await api.push({ ...body, identifier: ref() });
      expect(again.status).toBe(409);
      expect(errorOf(again.body).responseCode).toBe(code);
    }
  });

  it('100 / 500 when registration fails (injected), and nothing is created', async () => {
    sim.failNextPush('100');
    const body = pushBody('TERM123');
    const res = await api.push(body);
    expect(res.status).toBe(500);
    expect(errorOf(res.body).responseCode).toBe('100');
    expect(sim.requests.get(body.uniqueReference as string)).toBeUndefined();
    expect((await api.push(body)).status).toBe(201);
  });

  it('101 / 503 when the terminal is offline (flag or behaviour) or a fault is injected', async () => {
    sim.terminals.setOnline('TERM123', false);
    const offline = await api.push(pushBody('TERM123'));
    sim.terminals.update('TERM123', { online: true, behaviour: 'offline' });
    const behaviour = await api.push(pushBody('TERM123'));
    sim.terminals.setBehaviour('TERM123', 'manual');
    sim.failNextPush('101');
    const injected = await api.push(pushBody('TERM123'));
    for (const res of [offline, behaviour, injected]) {
      expect(res.status).toBe(503);
      expect(errorOf(res.body).responseCode).toBe('101');
    }
    expect(sim.requests.list()).toHaveLength(0);
  });
});

describe('POST /push-notifications (V1)', () => {
  it('answers 201 with serial_number and a generated reference (§8 #21, #22)', async () => {
    const res = await api.pushV1({ serial_number: 'TERM123', amount: 37, identifier: 'v1-id', mode: 'raw' });
    expect(res.status).toBe(201);
    const generated = (res.body as { uniqueReference: string }).uniqueReference;
    expect(generated).toMatch(/^sim-[0-9a-f]{16}$/);
    expect(sim.requests.get(generated)).toMatchObject({
      apiVersion: 'v1',
      merchantReference: false,
      identifier: 'v1-id',
    });
  });

  it('shares the responseCodes: 002 for the V2 field name, 003 for an unknown serial, 001 without auth', async () => {
    const camel = await api.pushV1({ serialNumber: 'TERM123', amount: 37, identifier: 'x' });
    expect(camel.status).toBe(400);
    expect(errorOf(camel.body).message).toEqual(
      expect.arrayContaining(['serial_number should not be empty', 'property serialNumber should not exist']),
    );
    const unknown = await api.pushV1({ serial_number: 'ZZZ', amount: 37, identifier: 'x' });
    expect(errorOf(unknown.body).responseCode).toBe('003');
    const noAuth = await api.call('POST', '/push-notifications', {}, { 'X-BP-AUTH': 'wrong' });
    expect(errorOf(noAuth.body).responseCode).toBe('001');
  });
});
