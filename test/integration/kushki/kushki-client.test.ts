import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KushkiHttpClient } from '../../../app/infra/kushki/kushki-client';
import type { PushRequest } from '../../../app/ports/payment-gateway.port';
import { createSimulator, type Simulator } from '../../../simulator';

let sim: Simulator;
const KEY = 'caja-test-key-0123456789abcdef';

beforeAll(async () => {
  sim = await createSimulator({ token: KEY, terminals: ['TERM1'], behaviour: 'manual' });
});
afterAll(async () => sim.close());

const client = (key: string | null = KEY, baseUrl = sim.url, timeoutMs = 2_000) =>
  new KushkiHttpClient({ baseUrl, apiKey: () => key ?? undefined, timeoutMs });

let n = 0;
function request(overrides: Partial<PushRequest> = {}): PushRequest {
  const reference = `ref${Date.now()}x${n++}`;
  return {
    serialNumber: 'TERM1',
    amount: 12_345,
    tip: 0,
    msi: 0,
    identifier: reference,
    uniqueReference: reference,
    description: 'Venta 1',
    ttlSeconds: 60,
    ...overrides,
  };
}

describe('Kushki client against the simulator', () => {
  it('queues a push and sends the amount formatted from centavos', async () => {
    const push = request({ amount: 12_345, tip: 1_050 });
    expect(await client().push(push)).toEqual({ kind: 'queued' });
    const seen = sim.requests.get(push.uniqueReference);
    expect(seen).toMatchObject({ amountCents: 12_345, tipCents: 1_050, serialNumber: 'TERM1' });
  });

  it('maps each documented refusal to its responseCode', async () => {
    const codeOf = async (outcome: Promise<unknown>) => {
      const o = (await outcome) as { kind: string; responseCode?: string };
      return `${o.kind}:${o.responseCode ?? ''}`;
    };
    expect(await codeOf(client('wrong-key').push(request()))).toBe('rejected:001');
    expect(await codeOf(client().push(request({ serialNumber: 'NOPE9' })))).toBe('rejected:003');
    expect(await codeOf(client().push(request({ msi: 3, amount: 10_000 })))).toBe('rejected:002');
    sim.terminals.create({ serialNumber: 'OFF1', online: false });
    expect(await codeOf(client().push(request({ serialNumber: 'OFF1' })))).toBe('rejected:101');
    sim.failNextPush('100');
    expect((await client().push(request())).kind).toBe('uncertain');
  });

  it('answers a duplicate reference with its 004–007 code', async () => {
    const push = request();
    await client().push(push);
    expect(await client().push(push)).toEqual({ kind: 'duplicate', responseCode: '004' });
    expect((await client().cancel(push.uniqueReference, 'TERM1')).kind).toBe('cancelled');
    expect(await client().push(push)).toEqual({ kind: 'duplicate', responseCode: '005' });
  });

  it('reads get-status, and not_found for an unknown reference', async () => {
    const push = request();
    await client().push(push);
    const status = await client().getStatus(push.uniqueReference);
    expect(status).toMatchObject({ kind: 'found', view: { status: 'CREATED', transactionId: null } });
    expect(await client().getStatus('never-sent')).toEqual({ kind: 'not_found' });
  });

  it('cancel after approval is refused with the current state (422 APPROVED)', async () => {
    // A terminal of its own: TERM1 still shows the earlier tests' requests (one at a time).
    sim.terminals.create({ serialNumber: 'APPR1' });
    const push = request({ serialNumber: 'APPR1' });
    await client().push(push);
    await sim.terminals.waitForOnScreen('APPR1');
    expect(sim.approve(push.uniqueReference).ok).toBe(true);
    const cancel = await client().cancel(push.uniqueReference, 'APPR1');
    expect(cancel).toMatchObject({ kind: 'not_cancellable', view: { status: 'APPROVED' } });
    if (cancel.kind === 'not_cancellable') expect(cancel.view.transactionId).toBeTruthy();
    expect(await client().refund(push.uniqueReference)).toEqual({ kind: 'requested' });
  });

  it('prints a ticket on the terminal, and refuses blocks Kushki would refuse', async () => {
    const printed = await client().printTicket('TERM1', [
      { type: 'text', value: 'Abarrotes La Esperanza', size: 'big', bold: true, align: 'center' },
      { type: 'line' },
      { type: 'column', value: ['Refresco', '$20.00'] },
    ]);
    expect(printed).toEqual({ kind: 'printed' });
    expect(sim.tickets().at(-1)?.serialNumber).toBe('TERM1');
    const refused = await client().printTicket('TERM1', [
      { type: 'column', value: ['only one'] as unknown as [string, string] },
    ]);
    expect(refused).toMatchObject({ kind: 'rejected', responseCode: '002' });
  });

  it('refuses before sending anything when no key is configured', async () => {
    const before = sim.httpLog().length;
    expect(await client(null).push(request())).toMatchObject({ kind: 'rejected', responseCode: '001' });
    expect(sim.httpLog().length).toBe(before);
  });
});

describe('Kushki client failures never leak the key', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // A hostile or broken Kushki: echoes the request headers in a 500, or never answers.
    server = createServer((req, res) => {
      if (req.url?.startsWith('/get-status')) return; // hang
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ echoed: req.headers }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a 5xx is uncertain and the outcome carries no header or body', async () => {
    const outcome = await client(KEY, base).push(request());
    expect(outcome).toEqual({ kind: 'uncertain', reason: 'HTTP 500' });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
  });

  it('a timeout is uncertain, never failed, and names no URL or key', async () => {
    const outcome = await client(KEY, base, 100).getStatus('abc');
    expect(outcome).toEqual({ kind: 'uncertain', reason: 'timeout' });
  });

  it('a refused connection is uncertain', async () => {
    const outcome = await client(KEY, 'http://127.0.0.1:1').push(request());
    expect(outcome.kind).toBe('uncertain');
    expect(JSON.stringify(outcome)).not.toContain(KEY);
  });
});

describe('Kushki client total deadline', () => {
  let server: Server;
  let base: string;
  let trickling = 0;
  beforeAll(async () => {
    // A Kushki that answers 200 at once and then sends its body one byte at a time, forever: the
    // socket is never idle, so only a deadline on the whole request ends it.
    server = createServer((req, res) => {
      trickling++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":"APPROVED"');
      const drip = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a body that trickles past the deadline is uncertain (timeout), however busy the socket', async () => {
    // The idle timeout is far away; the total deadline is small and is what must fire.
    const slow = new KushkiHttpClient({
      baseUrl: base,
      apiKey: () => KEY,
      timeoutMs: 60_000,
      deadlineMs: 300,
    });
    expect(await slow.getStatus('abc')).toEqual({ kind: 'uncertain', reason: 'timeout' });
    expect(await slow.push(request())).toEqual({ kind: 'uncertain', reason: 'timeout' });
    expect(trickling).toBe(2);
  });
});
