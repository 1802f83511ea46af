/**
 * The manager's open items with the real simulator and SQLite: an unknown payment resolved by
 * "verify now", an unmatched webhook reviewed (and kept), a sale paid twice listed for a refund.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HomeCounts, OpenItems } from '../../../app/domain/office/refunds';
import type { PaymentDetail, PaymentView } from '../../../app/domain/payment-view';
import type { KushkiStatusView, PaymentGateway } from '../../../app/ports/payment-gateway.port';
import {
  DEADLINE_MS,
  fillCart,
  HARNESS_TIMINGS,
  SERIAL,
  startPaymentsHarness,
  type PaymentsHarness,
} from '../../support/payments-harness';
import { signInDemoManager } from '../../support/sign-in';
import { passThrough } from '../../support/office/refunds-gateway';

let h: PaymentsHarness;
afterEach(async () => h?.close());

const home = () => h.call<HomeCounts>('office.home.get', {});
const openItems = () => h.call<OpenItems>('office.openItems.list', {});

describe('open items on the manager home', () => {
  it('an unknown payment: listed and counted, a note never changes it, verify now brings the truth', async () => {
    let kushkiReachable = true;
    h = await startPaymentsHarness({
      time: 'manual',
      sim: { behaviour: 'manual' },
      gateway: (base) =>
        passThrough(base, {
          getStatus: async (ref) =>
            kushkiReachable ? base.getStatus(ref) : { kind: 'uncertain', reason: 'test: Kushki unreachable' },
        }),
    });
    h.sim.webhooks.setFault({ mode: 'drop' });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['sent']);
    kushkiReachable = false;
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    h.sim.approve(onScreen.uniqueReference);
    // No webhook and no answer from Kushki: the deadline passes and the payment is unknown.
    h.advance(DEADLINE_MS);
    await h.waitForStatus(payment.id, ['unknown']);

    await signInDemoManager(h.core);
    expect(await home()).toMatchObject({ unknownPayments: 1 });
    const listed = (await openItems()).unknownPayments;
    expect(listed).toMatchObject([{ paymentId: payment.id, amount: 2000, terminalSerial: SERIAL }]);

    await h.call('office.openItems.addNote', {
      paymentId: payment.id,
      note: 'La terminal muestra la venta aprobada; el cliente espera.',
    });
    const noted = (await openItems()).unknownPayments[0];
    expect(noted?.notes).toMatchObject([
      { byName: 'Luis Hernández', text: expect.stringContaining('aprobada') },
    ]);
    expect((await h.call<PaymentDetail>('payments.get', { paymentId: payment.id })).payment.status).toBe(
      'unknown',
    );

    kushkiReachable = true;
    const verified = await h.call<PaymentView>('office.openItems.verify', { paymentId: payment.id });
    expect(verified.status).toBe('approved');
    expect(await home()).toMatchObject({ unknownPayments: 0 });
  });

  it('a webhook that matched no payment is listed with its raw payload until a manager reviews it', async () => {
    h = await startPaymentsHarness();
    const payload = {
      result: 'aprobada',
      uniqueReference: 'not-ours-123',
      transactionType: 'venta',
      amount: '9.99',
    };
    h.core.inbound.accept({ eventId: 'stray-1', payload, receivedAt: Date.now() });
    const cashierTry = await h.reply('office.openItems.acknowledgeWebhook', { eventId: 1 });
    expect(cashierTry.ok ? 'ok' : cashierTry.error.code).toBe('forbidden');

    await signInDemoManager(h.core);
    expect(await home()).toMatchObject({ unmatchedWebhooks: 1 });
    const [stray] = (await openItems()).unmatchedWebhooks;
    expect(stray).toMatchObject({ uniqueReference: 'not-ours-123', reviewedAt: null });
    expect(JSON.parse(stray?.rawPayload ?? '{}')).toEqual(payload);

    await h.call('office.openItems.acknowledgeWebhook', { eventId: stray?.eventId, note: 'Otra tienda' });
    expect(await home()).toMatchObject({ unmatchedWebhooks: 0 });
    const [reviewed] = (await openItems()).unmatchedWebhooks;
    expect(reviewed).toMatchObject({ eventId: stray?.eventId, reviewedByName: 'Luis Hernández' });
    expect(reviewed?.rawPayload).toBe(stray?.rawPayload);
    const missing = await h.reply('office.openItems.acknowledgeWebhook', { eventId: 999_999 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });

  it('a card approval for a sale already paid in cash is an overpayment alert until it is refunded', async () => {
    let staleCancelled = true;
    // Kushki's status lags behind the terminal (§8 #8 tolerance): it says CANCELLED, then APPROVED.
    const lagging = (base: PaymentGateway): PaymentGateway =>
      passThrough(base, {
        getStatus: async (ref) => {
          const real = await base.getStatus(ref);
          if (!staleCancelled || real.kind !== 'found') return real;
          const view: KushkiStatusView = { ...real.view, status: 'CANCELLED', rawStatus: 'CANCELLED' };
          return { kind: 'found', view };
        },
      });
    h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' }, gateway: lagging });
    await fillCart(h);
    const card = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(card.id, ['sent']);
    // The first scheduled get-status reads the lagging CANCELLED; the request stays on the terminal.
    h.advance(HARNESS_TIMINGS.delaysMs[0]!);
    await h.waitForStatus(card.id, ['canceled', 'expired']);
    await h.call('payments.cash.pay', { tendered: 2000 });
    staleCancelled = false;
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    h.sim.approve(onScreen.uniqueReference);
    await h.waitForStatus(card.id, ['approved']);

    await signInDemoManager(h.core);
    expect(await home()).toMatchObject({ overpayments: 1 });
    const [alert] = (await openItems()).overpayments;
    expect(alert).toMatchObject({ saleId: card.saleId, paymentId: card.id, excess: 2000, saleTotal: 2000 });

    await h.call('office.refunds.create', { paymentId: card.id, amount: 2000 });
    expect(await home()).toMatchObject({ overpayments: 0 });
    await h.waitForStatus(card.id, ['refunded']);
    expect((await openItems()).overpayments).toEqual([]);
  });
});
