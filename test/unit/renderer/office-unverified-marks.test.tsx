/**
 * Issue 11 finding 4 in the office: card fields from a webhook whose Billpocket signature nobody
 * verified, and such webhooks on the timeline, carry a mark in es-MX and English.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaymentDetailView, TimelineEntry } from '../../../app/domain/office/transactions';
import { PaymentFacts } from '../../../renderer/src/features/office/transactions/payment-detail-dialog';
import { PaymentTimeline } from '../../../renderer/src/features/office/transactions/payment-timeline';
import { initI18n } from '../../../renderer/src/i18n/i18n';

function detail(cardSignature: 'verified' | 'unverified' | null): PaymentDetailView {
  return {
    payment: {
      id: 1,
      saleId: 1,
      createdAt: 0,
      method: 'card',
      status: 'approved',
      amount: 2000,
      tip: 0,
      cardBrand: 'VISA',
      last4: '6666',
      authorizationCode: 'A1B2C3',
      uniqueReference: 'ref-1',
      terminalSerial: 'CAJA01',
      cashierName: 'Ana',
      registerId: 0,
      registerName: 'Caja principal',
      identifier: 'ref-1',
      transactionId: '100001',
      kushkiStatus: 'APPROVED',
      failureReason: null,
      msi: 0,
      tendered: null,
      change: null,
      updatedAt: 0,
      cardSignature,
    },
    sale: {
      id: 1,
      status: 'completed',
      total: 2000,
      iva: 276,
      openedAt: 0,
      completedAt: 0,
      cashierName: 'Ana',
      lines: [],
      payments: [],
    },
    timeline: [],
  };
}

function webhook(id: number, signature: 'verified' | 'unverified'): TimelineEntry {
  return {
    id: `event:${id}`,
    at: id * 1000,
    origin: 'ledger',
    kind: 'webhook',
    source: 'relay',
    fromStatus: null,
    toStatus: null,
    detail: 'sale:aprobada',
    rawPayload: '{}',
    actorName: null,
    registerName: null,
    webhook: {
      duplicate: false,
      duplicateOf: null,
      outOfOrder: null,
      claims: 'approved',
      statusOnArrival: 'sent',
    },
    signature,
  };
}

let i18n: Awaited<ReturnType<typeof initI18n>>;
beforeAll(async () => {
  i18n = await initI18n('es-MX');
});

describe('office marks what no signature vouches for', () => {
  it('card fields from an unverified webhook are marked, verified ones are not', async () => {
    await i18n.changeLanguage('es-MX');
    const unverified = renderToStaticMarkup(<PaymentFacts detail={detail('unverified')} />);
    // Both the card line and the authorization code carry the mark.
    expect(unverified.match(/data-testid="tx-card-unverified"/g)).toHaveLength(2);
    expect(unverified).toContain('sin verificar');
    expect(renderToStaticMarkup(<PaymentFacts detail={detail('verified')} />)).not.toContain(
      'tx-card-unverified',
    );
    await i18n.changeLanguage('en');
    expect(renderToStaticMarkup(<PaymentFacts detail={detail('unverified')} />)).toContain('not verified');
  });

  it('the timeline marks the unverified webhook only, in es-MX and English', async () => {
    await i18n.changeLanguage('es-MX');
    const entries = [webhook(1, 'verified'), webhook(2, 'unverified')];
    const es = renderToStaticMarkup(<PaymentTimeline entries={entries} />);
    expect(es.match(/data-testid="tx-mark-unverified"/g)).toHaveLength(1);
    expect(es).toContain('Firma no verificada');
    await i18n.changeLanguage('en');
    expect(renderToStaticMarkup(<PaymentTimeline entries={entries} />)).toContain('Signature not verified');
  });
});
