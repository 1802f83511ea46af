/**
 * A hostile or broken Kushki answering get-status with an overlong status, id or date: the client
 * refuses the body (uncertain, so verification carries on), and nothing of it reaches SQLite.
 * A real HTTP server on 127.0.0.1, the real client, the real core on a real database file.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../app/domain/payment-view';
import { createCore, type Core } from '../../../app/host/create-core';
import { KushkiHttpClient } from '../../../app/infra/kushki/kushki-client';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoCashier } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

const KEY = 'caja-test-key-0123456789abcdef';
const MARK = 'HOSTILE';
const LONG = `${MARK}${'X'.repeat(5_000)}`;

const HOSTILE_BODIES: Record<string, unknown>[] = [
  { status: LONG, transactionId: null, creationDate: null, updateDate: null },
  { status: 'APPROVED', transactionId: LONG, creationDate: null, updateDate: null },
  { status: 'APPROVED', transactionId: 'abc676', creationDate: LONG, updateDate: null },
  { status: 'CREATED', transactionId: null, creationDate: null, updateDate: LONG },
];

/** A Kushki that queues every push and answers get-status with `body`; counts the status calls. */
async function hostileKushki(body: Record<string, unknown>) {
  const seen = { statusCalls: 0 };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/get-status')) {
        seen.statusCalls++;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      } else {
        res.writeHead(201, { 'Content-Type': 'application/json' }).end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { url, seen, close };
}

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('overlong fields in a Kushki answer', () => {
  it.each(HOSTILE_BODIES.map((body) => [Object.keys(body).find((k) => body[k] === LONG), body]))(
    'the client refuses a get-status body with an overlong %s',
    async (_field, body) => {
      const kushki = await hostileKushki(body as Record<string, unknown>);
      closers.push(kushki.close);
      const client = new KushkiHttpClient({ baseUrl: kushki.url, apiKey: () => KEY });
      expect(await client.getStatus('ref-1')).toEqual({
        kind: 'uncertain',
        reason: 'get-status answered 200 with an unreadable body',
      });
    },
  );

  it('a payment verified against it stays in doubt and stores none of it', async () => {
    const kushki = await hostileKushki(HOSTILE_BODIES[0]!);
    closers.push(kushki.close);
    const client = new KushkiHttpClient({ baseUrl: kushki.url, apiKey: () => KEY });
    const core: Core = createCore({
      dataDir: freshDataDir('caja-hostile-'),
      shell: 'web',
      logger: recordingLogger().logger,
      gateway: () => client,
      timings: { delaysMs: [10, 10, 10], graceMs: 100, slowIntervalMs: 50 },
      ttlSeconds: 10,
    });
    closers.push(() => core.close());
    core.terminals.save([{ serial: 'CAJA01', label: 'Caja 1', isDefault: true }]);
    await signInDemoCashier(core);
    await core.dispatch('sales.cart.scan', { code: 'BEB-001' });
    const started = await core.dispatch('payments.card.start', {});
    if (!started.ok) throw new Error(started.error.message);
    // Two answers read: the engine has applied the first before it asks again.
    await expect.poll(() => kushki.seen.statusCalls, { timeout: 8_000, interval: 10 }).toBeGreaterThan(1);
    const payment = (started.value as PaymentView).id;
    const now = await core.dispatch('payments.get', { paymentId: payment });
    expect(now.ok && (now.value as { payment: PaymentView }).payment.status).toMatch(
      /^(requested|sent|unknown)$/,
    );
    const db = new BetterSqlite3(core.databaseFile, { readonly: true });
    try {
      const stored = db
        .prepare(
          `SELECT p.kushki_status || '|' || ifnull(p.transaction_id, '') AS facts,
                  (SELECT group_concat(ifnull(detail, '') || ifnull(raw_payload, ''))
                     FROM payment_events WHERE payment_id = p.id) AS events
             FROM payments p WHERE p.id = ?`,
        )
        .get(payment) as { facts: string | null; events: string | null };
      expect(`${stored.facts ?? ''} ${stored.events ?? ''}`).not.toContain(MARK);
    } finally {
      db.close();
    }
  });
});
