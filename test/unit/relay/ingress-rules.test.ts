// Pure ingress rules: the dedupe key (see [Note: dedupe key]), lenient schema, depth and card-data limits.
import { describe, expect, it } from 'vitest';
import { canonicalJson, dedupeKey } from '../../../relay/ingress/dedupe-key';
import {
  jsonDepth,
  kushkiWebhookSchema,
  limitCardData,
  MAX_JSON_DEPTH,
} from '../../../relay/ingress/webhook-schema';
import { bearerToken } from '../../../relay/stream/stream-server';
import { credentialMatches, hashCredential } from '../../../relay/stores/credentials';

const sale = {
  result: 'aprobada',
  amount: '150.00',
  transactionid: '123456789',
  uniqueReference: '100123',
  transactionType: 'venta',
};

describe('dedupeKey', () => {
  it('is the same for a redelivery with other key order, whitespace or a volatile extra field', () => {
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(sale).reverse())));
    expect(dedupeKey(reordered)).toBe(dedupeKey(sale));
    expect(dedupeKey({ ...sale, deliveredAt: 'later' })).toBe(dedupeKey(sale));
    expect(dedupeKey({ ...sale, transactionid: 123456789 })).toBe(dedupeKey(sale));
  });

  it('separates a refund from its sale, an approval from a decline, and different transactions', () => {
    const keys = new Set([
      dedupeKey(sale),
      dedupeKey({ ...sale, transactionType: 'devolucion' }),
      dedupeKey({ ...sale, result: 'cancelled' }),
      dedupeKey({ ...sale, transactionid: '987' }),
      dedupeKey({ ...sale, uniqueReference: 'other' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('without a transaction id falls back to the canonical body, so retries differing in any field stay apart', () => {
    const decline = { result: 'rechazada', uniqueReference: '100123' };
    expect(dedupeKey({ uniqueReference: '100123', result: 'rechazada' })).toBe(dedupeKey(decline));
    expect(dedupeKey({ ...decline, authorizationTime: 't2' })).not.toBe(dedupeKey(decline));
    expect(dedupeKey(decline)).toMatch(/^body:[0-9a-f]{64}$/);
    expect(dedupeKey(sale)).toMatch(/^tx:[0-9a-f]{64}$/);
  });

  it('canonicalJson sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});

describe('kushkiWebhookSchema', () => {
  it('accepts the illustrative payload and keeps unknown fields', () => {
    const r = kushkiWebhookSchema.safeParse({ ...sale, identifier: 'x', somethingNew: { a: 1 } });
    expect(r.success && r.data['somethingNew']).toEqual({ a: 1 });
  });

  it('accepts documented type quirks and nulls, refuses wrong types and bodies with no identity', () => {
    expect(
      kushkiWebhookSchema.safeParse({ result: 'aprobada', amount: 150, userID: '12', tip: null }).success,
    ).toBe(true);
    expect(kushkiWebhookSchema.safeParse({ result: 'aprobada', payments: 'three' }).success).toBe(false);
    expect(kushkiWebhookSchema.safeParse({ result: ['aprobada'] }).success).toBe(false);
    expect(kushkiWebhookSchema.safeParse({ amount: '1.00', cardtype: 'VISA' }).success).toBe(false);
  });
});

describe('limits', () => {
  it('measures depth iteratively, even far beyond the limit', () => {
    expect(jsonDepth({ a: 1 })).toBe(1);
    expect(jsonDepth(5)).toBe(0);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep)).toBeGreaterThan(MAX_JSON_DEPTH);
  });

  it('keeps only the last four digits of a card number, and leaves a proper last-four alone', () => {
    expect(limitCardData({ creditcard: '4242' })).toEqual({
      payload: { creditcard: '4242' },
      trimmed: false,
    });
    expect(limitCardData({ creditcard: '**** **** **** 4242' }).trimmed).toBe(false);
    expect(limitCardData({ creditcard: '4111-1111-1111-1111' })).toEqual({
      payload: { creditcard: '1111' },
      trimmed: true,
    });
  });
});

describe('credentials', () => {
  it('matches a credential against its stored hash only', () => {
    const h = hashCredential('secret-value');
    expect(credentialMatches('secret-value', h)).toBe(true);
    expect(credentialMatches('secret-valuf', h)).toBe(false);
    expect(credentialMatches('secret-value', 'zz')).toBe(false);
  });

  it('parses only well-formed Bearer headers', () => {
    expect(bearerToken('Bearer crt_abc-_123')).toBe('crt_abc-_123');
    expect(bearerToken('bearer crt_abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
