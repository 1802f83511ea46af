// The `/_sim/` control API over HTTP: terminals, behaviours, actions on pending requests, webhook settings and
// faults, logs, reset, and the guards that keep other origins out.
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSimulator,
  type RequestView,
  type Simulator,
  type TerminalView,
} from '../../../simulator/index';
import { client, pushBody, startReceiver } from './helpers';

let sim: Simulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await createSimulator({ behaviour: 'manual', timeScale: 0.01, seed: 13 });
  api = client(sim.url, sim.token);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function control(method: string, path: string, body?: unknown) {
  const init: RequestInit = {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${sim.url}/_sim/${path}`, init);
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('terminals', () => {
  it('creates, lists, updates and rejects bad terminals', async () => {
    const created = await control('POST', 'terminals', {
      serialNumber: 'ULTRA2',
      appVersion: '5.0.3',
      behaviour: 'auto-decline',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      serialNumber: 'ULTRA2',
      online: true,
      registered: true,
      behaviour: 'auto-decline',
    });
    expect((await control('POST', 'terminals', { serialNumber: 'ULTRA2' })).status).toBe(409);
    expect((await control('POST', 'terminals', { serialNumber: 'BAD-SERIAL' })).status).toBe(400);
    expect((await control('POST', 'terminals', { serialNumber: 'X1', behaviour: 'dance' })).status).toBe(400);
    const patched = await control('PATCH', 'terminals/ULTRA2', { online: false, approveDelayMs: 10 });
    expect(patched.body).toMatchObject({ online: false, approveDelayMs: 10 });
    const list = (await control('GET', 'terminals')).body as TerminalView[];
    expect(list.map((t) => t.serialNumber)).toEqual(['TERM123', 'ULTRA2']);
    expect((await control('PATCH', 'terminals/NOPE', { online: true })).status).toBe(404);
  });
});

describe('requests', () => {
  it('approves, declines and cancels a pending request and reports it', async () => {
    const a = pushBody('TERM123');
    await api.push(a);
    const ref = a.uniqueReference as string;
    expect((await control('POST', `requests/${ref}/decline`, { result: 'rechazadaProsa' })).status).toBe(200);
    const approved = await control('POST', `requests/${ref}/approve`, {
      brand: 'AMERICAN EXPRESS',
      last4: '1005',
    });
    expect(approved.status).toBe(200);
    expect((approved.body as RequestView).attempts.at(-1)).toMatchObject({
      brand: 'AMERICAN EXPRESS',
      last4: '1005',
    });
    expect((await control('POST', `requests/${ref}/cancel`)).status).toBe(409);
    expect((await control('POST', 'requests/none/approve', {})).status).toBe(404);
    expect((await control('POST', `requests/${ref}/approve`, { brand: 'DINERS' })).status).toBe(400);
    const b = pushBody('TERM123');
    await api.push(b);
    expect((await control('POST', `requests/${String(b.uniqueReference)}/expire`)).body).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'ttl',
    });
    const list = (await control('GET', 'requests?serial=TERM123')).body as RequestView[];
    expect(list).toHaveLength(2);
    expect((await control('GET', `requests/${ref}`)).body).toMatchObject({ status: 'APPROVED' });
  });

  it('logs every API call with timestamps, without headers', async () => {
    await api.push(pushBody('TERM123'));
    await api.status('nope');
    const log = (await control('GET', 'log')).body as { method: string; status: number; at: number }[];
    expect(log.map((e) => [e.method, e.status])).toEqual([
      ['POST', 201],
      ['GET', 404],
    ]);
    expect(typeof log[0]?.at).toBe('number');
    expect(JSON.stringify(log)).not.toContain(sim.token);
  });
});

describe('webhooks and faults', () => {
  it('sets the webhook URL (127.0.0.1 only) and the fault, and lists attempts', async () => {
    const receiver = await startReceiver();
    try {
      for (const url of [
        'http://10.0.0.1/x',
        'https://127.0.0.1/x',
        'http://localhost:1/x',
        'http://example.com/',
      ]) {
        expect((await control('PUT', 'webhook-url', { url })).status).toBe(409);
      }
      expect((await control('PUT', 'webhook-url', { url: receiver.url })).status).toBe(200);
      expect((await control('PUT', 'webhooks/fault', { mode: 'duplicate', count: 1 })).status).toBe(200);
      expect((await control('GET', 'webhooks/fault')).body).toEqual({ mode: 'duplicate', count: 1 });
      const body = pushBody('TERM123');
      await api.push(body);
      await control('POST', `requests/${String(body.uniqueReference)}/approve`, {});
      await receiver.waitForCount(2);
      const attempts = (await control('GET', `webhooks?uniqueReference=${String(body.uniqueReference)}`))
        .body as unknown[];
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect((await control('PUT', 'webhooks/fault', { mode: 'explode' })).status).toBe(400);
    } finally {
      await receiver.close();
    }
  });

  it('injects push failures and patches settings', async () => {
    expect((await control('POST', 'push-faults', { responseCode: '101', count: 2 })).status).toBe(200);
    expect((await api.push(pushBody('TERM123'))).status).toBe(503);
    expect((await api.push(pushBody('TERM123'))).status).toBe(503);
    expect((await api.push(pushBody('TERM123'))).status).toBe(201);
    const patched = await control('PATCH', 'config', { pushResponseBody: 'empty', declineWebhooks: false });
    expect(patched.body).toMatchObject({ pushResponseBody: 'empty', declineWebhooks: false });
    expect((await control('PATCH', 'config', { token: 'x' })).status).toBe(400);
  });

  it('reset forgets requests and restores settings', async () => {
    await api.push(pushBody('TERM123'));
    await control('PATCH', 'config', { magicAmounts: false });
    expect((await control('POST', 'reset')).status).toBe(200);
    expect((await control('GET', 'requests')).body).toEqual([]);
    expect((await control('GET', 'config')).body).toMatchObject({ magicAmounts: true });
    expect(((await control('GET', 'magic-amounts')).body as unknown[]).length).toBeGreaterThan(10);
  });
});

describe('guards', () => {
  function rawRequest(headers: Record<string, string>, method = 'POST'): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${sim.url}/_sim/reset`, { method, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('refuses a foreign Origin, a non-loopback Host, and a browser write without JSON', async () => {
    expect(await rawRequest({ Origin: 'http://evil.example' })).toBe(403);
    expect(await rawRequest({ Host: 'evil.example' })).toBe(403);
    expect(await rawRequest({ Origin: sim.url, 'Content-Type': 'text/plain' })).toBe(415);
    expect(await rawRequest({ Origin: sim.url, 'Content-Type': 'application/json' })).toBe(200);
  });

  it('does not let the control API reveal the token', async () => {
    const everything = await Promise.all(
      ['state', 'config', 'terminals', 'log', 'webhooks'].map((p) => control('GET', p)),
    );
    expect(JSON.stringify(everything)).not.toContain(sim.token);
  });
});
