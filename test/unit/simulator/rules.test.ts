// Small pure rules: magic amounts, version checks, webhook URL guard, body validation messages, payload shape.
import { describe, expect, it } from 'vitest';
import { buildSchemas, MSI_MINIMUM_CENTS } from '../../../simulator/api/schemas';
import { validate } from '../../../simulator/api/validation';
import { checkWebhookUrl } from '../../../simulator/core/config';
import { findMagicAmount, MAGIC_AMOUNTS, scenarioForBehaviour } from '../../../simulator/core/scenarios';
import { compareVersions } from '../../../simulator/core/terminals';
import { buildPayload } from '../../../simulator/webhooks/payload';
import { receiptIdFor, transactionIdFromReceipt } from '../../../simulator/webhooks/receipt-id';
import type { RequestView } from '../../../simulator/types';

describe('magic amounts', () => {
  it('match on the cents only', () => {
    expect(findMagicAmount(1_013)?.cents).toBe(13);
    expect(findMagicAmount(13)?.cents).toBe(13);
    expect(findMagicAmount(99_999_951)?.cents).toBe(51);
    expect(findMagicAmount(1_300)).toBeNull();
    expect(findMagicAmount(15_000)).toBeNull();
  });

  it('each row has a summary, and refusals create nothing', () => {
    for (const row of MAGIC_AMOUNTS) expect(row.summary.length).toBeGreaterThan(5);
    expect(findMagicAmount(91)?.scenario.pushError).toBe('100');
    expect(findMagicAmount(92)?.scenario.pushError).toBe('101');
  });

  it('behaviours map to the expected steps', () => {
    expect(scenarioForBehaviour('auto-approve').steps).toEqual([{ action: 'approve' }]);
    expect(scenarioForBehaviour('manual').steps).toEqual([]);
    expect(scenarioForBehaviour('timeout').steps).toEqual([]);
    expect(scenarioForBehaviour('customer-cancel').steps).toEqual([{ action: 'customer-cancel' }]);
  });
});

describe('compareVersions', () => {
  it.each([
    ['4.3.26', '4.3.26', 0],
    ['4.3.25', '4.3.26', -1],
    ['5.0.3', '4.3.26', 1],
    ['5.0', '5.0.3', -1],
    ['10.0.0', '9.9.9', 1],
  ])('%s vs %s', (a, b, sign) => expect(Math.sign(compareVersions(a, b))).toBe(sign));
});

describe('checkWebhookUrl', () => {
  it('accepts only plain http to 127.0.0.1', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook')).toBeNull();
    for (const bad of [
      'https://127.0.0.1/x',
      'http://localhost/x',
      'http://127.0.0.2/x',
      'http://[::1]/x',
      'http://user:pw@127.0.0.1/x',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(checkWebhookUrl(bad), bad).not.toBeNull();
    }
  });
});

describe('validation', () => {
  const strict = buildSchemas(true);
  const lenient = buildSchemas(false);
  const valid = { serialNumber: 'TERM123', amount: 37, identifier: 'x' };

  it('passes the documented example request', () => {
    const example = {
      serialNumber: 'TERM123',
      amount: 37,
      identifier: 'c68522bd-bfc1-4b08-bf99-30300806c25a',
      uniqueReference: '100123',
    };
    expect(validate(strict.pushV2, example).ok).toBe(true);
  });

  it('checks the MSI minimum per term', () => {
    for (const [months, cents] of Object.entries(MSI_MINIMUM_CENTS)) {
      expect(validate(strict.pushV2, { ...valid, msi: Number(months), amount: cents / 100 }).ok).toBe(true);
      expect(validate(strict.pushV2, { ...valid, msi: Number(months), amount: (cents - 1) / 100 }).ok).toBe(
        false,
      );
    }
  });

  it('rejects unknown fields when strict and strips them when lenient', () => {
    expect(validate(strict.pushV2, { ...valid, extra: 1 })).toEqual({
      ok: false,
      messages: ['property extra should not exist'],
    });
    const loose = validate(lenient.pushV2, { ...valid, extra: 1 });
    expect(loose.ok && 'extra' in loose.value).toBe(false);
  });

  it('reports every problem at once, each prefixed with its path', () => {
    const result = validate(strict.pushV2, { serialNumber: 'a#', amount: 'x' });
    expect(result).toEqual({
      ok: false,
      messages: expect.arrayContaining([
        'serialNumber must not contain special characters',
        'amount must be a number',
        'identifier should not be empty',
      ]),
    });
  });
});

describe('webhook payload', () => {
  const request = {
    uniqueReference: 'ref-1',
    identifier: 'id-1',
    msi: 6,
    description: 'Mesa 6',
  } as RequestView;

  it('formats amounts as strings and omits approval-only fields on declines', () => {
    const base = {
      kind: 'venta' as const,
      request,
      amountCents: 60_000,
      tipCents: 1_050,
      userId: 1,
      arqc: 'A',
      receiptId: 'b',
    };
    const at = Date.UTC(2025, 0, 15, 19, 45, 12);
    const approved = buildPayload({
      ...base,
      attempt: {
        at,
        result: 'aprobada',
        transactionId: '123456789',
        authorization: 'A1B2C3',
        brand: 'AMERICAN EXPRESS',
        last4: '3005',
      },
    });
    expect(approved).toMatchObject({
      amount: '600.00',
      tip: '10.50',
      payments: 6,
      authorizationTime: '2025-01-15T13:45:12-06:00',
      cardtype: 'AMERICAN EXPRESS',
      url: 'b',
      authorization: 'A1B2C3',
    });
    const declined = buildPayload({
      ...base,
      tipCents: null,
      attempt: {
        at,
        result: 'rechazada',
        transactionId: '1',
        authorization: null,
        brand: 'VISA',
        last4: '4000',
      },
    });
    expect(declined).not.toHaveProperty('authorization');
    expect(declined).not.toHaveProperty('url');
    expect(declined).not.toHaveProperty('tip');
  });

  it('receipt ids round-trip to transaction ids', () => {
    expect(transactionIdFromReceipt(receiptIdFor('538951760'))).toBe('538951760');
    expect(transactionIdFromReceipt('../etc')).toBeNull();
  });
});
