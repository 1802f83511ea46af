// Throws thousands of malformed bodies at every API endpoint and checks each answer is a documented response
// (never a 500, a hang or a crash) and that the server stays healthy. Seeded: set SIM_FUZZ_SEED to replay.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../simulator/index';
import { fuzzCases, type FuzzCase } from './fuzz-inputs';
import { client } from './helpers';

const SEED = Number(process.env.SIM_FUZZ_SEED ?? 20_251_123);
const PER_ENDPOINT = 2_000;
const CODES: Record<string, number> = { '001': 401, '002': 400, '003': 404, '010': 404, '101': 503 };

let sim: Simulator;

beforeAll(async () => {
  // Magic amounts off: a mutated amount ending in .91 would rightly answer 100/500.
  sim = await createSimulator({ behaviour: 'manual', magicAmounts: false, seed: SEED });
});
afterAll(() => sim.close());

const endpoints: { path: string; valid: Record<string, unknown>; ok: number[] }[] = [
  {
    path: '/v2/push-notifications',
    valid: {
      serialNumber: 'TERM123',
      amount: 37,
      identifier: 'f',
      uniqueReference: 'f1',
      tip: 1,
      ttl: 60,
      msi: 0,
      extras: { autoPaymentEnabled: true },
    },
    ok: [201, 409],
  },
  {
    path: '/push-notifications',
    valid: { serial_number: 'TERM123', amount: 37, identifier: 'f' },
    ok: [201],
  },
  {
    path: '/cancel-push-notification',
    valid: { uniqueReference: 'f1', serialNumber: 'TERM123' },
    ok: [201, 404, 422],
  },
  { path: '/refund', valid: { uniqueReference: 'f1', refundAmount: 1 }, ok: [201, 404, 422] },
  {
    path: '/v2/print-ticket',
    valid: { serialNumber: 'TERM123', ticketData: [{ type: 'line' }, { type: 'column', value: ['a', 'b'] }] },
    ok: [201],
  },
];

/** Checks one answer against the documented shapes; returns a problem description or null. */
function problem(status: number, text: string, okStatuses: number[]): string | null {
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    return `non-JSON body ${text.slice(0, 80)}`;
  }
  if (okStatuses.includes(status) && status !== 404 && status !== 409) return null;
  const error = body as { message?: unknown; responseCode?: unknown } | null;
  if (status === 422) return typeof error?.message === 'string' ? null : 'bad 422 body';
  if (!Array.isArray(error?.message) || !error.message.every((m) => typeof m === 'string'))
    return 'message is not string[]';
  const code = String(error.responseCode);
  if (status === 409 && ['004', '005', '006', '007'].includes(code)) return null;
  if (status === 404 && code === '002') return null;
  return CODES[code] === status ? null : `status ${status} with responseCode ${code}`;
}

async function send(path: string, c: FuzzCase): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'X-BP-AUTH': sim.token };
  if (c.contentType !== null) headers['Content-Type'] = c.contentType;
  const res = await fetch(sim.url + path, { method: 'POST', headers, body: c.body });
  return { status: res.status, text: await res.text() };
}

describe('fuzz', () => {
  it.each(endpoints)(
    '$path answers every malformed body with a documented response',
    async ({ path, valid, ok }) => {
      const cases = fuzzCases(SEED + path.length, valid, PER_ENDPOINT);
      // Prototype-pollution keys need raw JSON text: an object literal would not keep them as own keys.
      cases.push(
        {
          body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
          contentType: 'application/json',
          kind: 'proto',
        },
        {
          body: JSON.stringify(valid).replace('{', '{"a":1,"a":2,'),
          contentType: 'application/json',
          kind: 'duplicate keys',
        },
      );
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      for (let i = 0; i < cases.length; i += 16) {
        const batch = cases.slice(i, i + 16);
        const answers = await Promise.all(batch.map((c) => send(path, c)));
        answers.forEach((a, j) => {
          statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
          const p = problem(a.status, a.text, ok);
          if (p) failures.push(`case ${i + j} (${batch[j]?.kind}): ${p}`);
        });
      }
      expect(failures.slice(0, 10)).toEqual([]);
      expect(statuses.get(500)).toBeUndefined();
      // Most cases really are malformed: the fuzz must exercise the 002 path, not just succeed.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(PER_ENDPOINT / 2);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await fetch(`${sim.url}/_sim/health`)).status).toBe(200);
    },
    120_000,
  );

  it('get-status answers any query with a documented response', async () => {
    const queries = [
      '',
      '?',
      '?uniqueReference=',
      '?uniqueReference=%zz',
      '?uniqueReference=a&uniqueReference=b',
      `?uniqueReference=${'x'.repeat(5000)}`,
      '?uniqueReference=%00',
      '?foo=bar',
      '?uniqueReference=💳',
    ];
    for (const q of queries) {
      const res = await fetch(`${sim.url}/get-status/${q}`, { headers: { 'X-BP-AUTH': sim.token } });
      const p = problem(res.status, await res.text(), [200]);
      expect(p, `query ${q}`).toBeNull();
    }
  });

  it('survives bodies over the limit and broken HTTP, and still serves a valid push', async () => {
    const api = client(sim.url, sim.token);
    const huge = await api.call('POST', '/v2/push-notifications', `{"pad":"${'x'.repeat(1_000_000)}"}`);
    expect(huge.status).toBe(400);
    expect(huge.body).toEqual({ message: ['request entity too large (limit 64 KiB)'], responseCode: '002' });
    const raw = await new Promise<string>((resolve) => {
      const socket = net.connect(sim.port, '127.0.0.1', () => socket.write('GARBAGE \u0001 HTTP/9\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    const fresh = await api.push({
      serialNumber: 'TERM123',
      amount: 12,
      identifier: 'after-fuzz',
      uniqueReference: 'after-fuzz',
    });
    expect(fresh.status).toBe(201);
  });
});
