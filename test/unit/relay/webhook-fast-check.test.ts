// [Note: webhook fast check]: ingress's quick check never accepts a body the zod schema refuses, and does accept
// Kushki's usual bodies (else it would save nothing). Random bodies from a seeded stream; a failure prints its seed.
import { describe, expect, it } from 'vitest';
import { kushkiWebhookSchema, surelyValidWebhook } from '../../../relay/ingress/webhook-schema';
import { Prng } from '../../integration/relay/support/prng';

const FIELDS = [
  'result',
  'amount',
  'tip',
  'payments',
  'authorizationTime',
  'reference',
  'transactionid',
  'authorization',
  'creditcard',
  'cardtype',
  'arqc',
  'userID',
  'aid',
  'applabel',
  'url',
  'email',
  'phone',
  'cardBrand',
  'uniqueReference',
  'transactionType',
  'identifier',
  'unknownExtra',
];

/** Values around every rule's edges: lengths, integer and non-integer numbers, digit strings, other types. */
function value(r: Prng): unknown {
  const lengths = [0, 1, 4, 18, 19, 32, 33, 64, 65, 256, 257, 2048, 2049];
  switch (r.int(9)) {
    case 0:
      return 'x'.repeat(r.pick(lengths));
    case 1:
      return r.pick([0, -0, 1, -7, 12.5, 2 ** 53 - 1, 2 ** 53, 1e21, -1e300, 0.1]);
    case 2:
      return r.pick(['123', '-45', '1'.repeat(18), '1'.repeat(19), '12a', '', '1.5', '-']);
    case 3:
      return null;
    case 4:
      return r.pick([true, false]);
    case 5:
      return r.pick([{}, [], { a: 1 }, ['x']]);
    case 6:
      return r.string(r.int(40));
    default:
      return undefined;
  }
}

describe('surelyValidWebhook', () => {
  it('accepts only bodies the schema accepts (10,000 random bodies)', () => {
    const seed = Number(process.env['RELAY_FUZZ_SEED'] ?? 20261203);
    const r = new Prng(seed);
    let fastAccepted = 0;
    let schemaAccepted = 0;
    for (let i = 0; i < 10_000; i++) {
      const body: Record<string, unknown> = {};
      for (const f of FIELDS) if (r.next() < 0.4) body[f] = value(r);
      const sure = surelyValidWebhook(body);
      const schema = kushkiWebhookSchema.safeParse(body).success;
      if (sure && !schema) expect.fail(`seed ${seed}, body ${JSON.stringify(body)}: fast check said yes`);
      if (sure) fastAccepted++;
      if (schema) schemaAccepted++;
    }
    // Not vacuous: both sides accept a fair share, and the fast check most of what the schema accepts.
    expect(schemaAccepted).toBeGreaterThan(100);
    expect(fastAccepted).toBeGreaterThan(schemaAccepted * 0.5);
  });

  it('accepts Kushki’s usual approval and refuses a body that names no payment', () => {
    const approval = {
      result: 'aprobada',
      amount: '150.00',
      tip: '15.00',
      payments: 0,
      authorizationTime: '2025-01-15T13:45:12-06:00',
      transactionid: '1000001',
      creditcard: '4242',
      userID: 1234,
      uniqueReference: 'ref-1',
      transactionType: 'venta',
      somethingNew: { nested: true },
    };
    expect(surelyValidWebhook(approval)).toBe(true);
    expect(surelyValidWebhook({ amount: '1.00' })).toBe(false);
    expect(surelyValidWebhook({ result: 'aprobada', amount: { x: 1 } })).toBe(false);
  });
});
