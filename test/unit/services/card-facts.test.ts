/** The rule of [Note: card facts are written once], case by case (issue 11 finding 4). */
import { describe, expect, it } from 'vitest';
import { decideCardFacts } from '../../../app/services/payments/card-facts';
import { webhookFacts } from '../../../app/services/payments/webhook-facts';

const none = { cardBrand: null, cardLast4: null, authorizationCode: null, cardSignature: null } as const;
const kushkis = { cardBrand: 'MASTERCARD', cardLast4: '5454', authorizationCode: 'K1K2K3' };

function facts(extra: Record<string, unknown> = {}) {
  const parsed = webhookFacts({
    result: 'aprobada',
    transactionType: 'venta',
    uniqueReference: 'ref-1',
    cardtype: 'VISA',
    creditcard: '6666',
    authorization: 'FORGED',
    ...extra,
  });
  if (!parsed) throw new Error('not a webhook');
  return parsed;
}

describe('card facts', () => {
  it('the first approved sale webhook writes them, with its signature verdict', () => {
    expect(decideCardFacts(none, facts(), 'unverified')).toEqual({
      action: 'write',
      patch: {
        cardBrand: 'VISA',
        cardLast4: '6666',
        authorizationCode: 'FORGED',
        cardSignature: 'unverified',
      },
    });
  });

  it('a later webhook never rewrites them, verified or not, and says when it differs', () => {
    for (const cardSignature of ['verified', 'unverified'] as const) {
      const current = { ...kushkis, cardSignature };
      expect(decideCardFacts(current, facts(), 'unverified')).toEqual({ action: 'keep', differs: true });
    }
    const same = facts({ cardtype: 'MASTERCARD', creditcard: '5454', authorization: 'K1K2K3' });
    expect(decideCardFacts({ ...kushkis, cardSignature: 'verified' }, same, 'verified')).toEqual({
      action: 'keep',
      differs: false,
    });
    expect(decideCardFacts({ ...kushkis, cardSignature: 'verified' }, facts(), 'verified').action).toBe(
      'keep',
    );
  });

  it('a verified webhook replaces fields that came from an unverified one', () => {
    const decision = decideCardFacts({ ...kushkis, cardSignature: 'unverified' }, facts(), 'verified');
    expect(decision).toMatchObject({
      action: 'write',
      patch: { cardBrand: 'VISA', cardSignature: 'verified' },
    });
  });

  it('declines, refunds and other kinds carry no card fields for the payment', () => {
    expect(decideCardFacts(none, facts({ result: 'rechazada' }), 'verified').action).toBe('none');
    expect(decideCardFacts(none, facts({ transactionType: 'devolucion' }), 'verified').action).toBe('none');
    const bare = facts({ cardtype: undefined, creditcard: undefined, authorization: undefined });
    expect(decideCardFacts(none, bare, 'verified').action).toBe('none');
  });
});
