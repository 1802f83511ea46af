/**
 * Issue 11, finding 7: a cancel that came too late is said. The customer pays on the terminal, the
 * webhook is lost, and only then does the cashier's cancel reach Kushki (or never does): the payment
 * is approved, the sale goes through, and the view carries `cancelOutcome: 'too_late'` so the counter
 * can say so and offer the refund. See [Note: honest cancel].
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import {
  fillCart,
  HARNESS_TIMINGS,
  SERIAL,
  startPaymentsHarness,
  type PaymentsHarness,
} from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

/** Every `payments.updated` the core publishes, as a transport would forward it. */
function recordUpdates(harness: PaymentsHarness): PaymentView[] {
  const seen: PaymentView[] = [];
  harness.core.events.subscribe(({ event, payload }) => {
    if (event === 'payments.updated') seen.push(payload as PaymentView);
  });
  return seen;
}

async function detail(paymentId: number): Promise<PaymentView> {
  return (await h.call<{ payment: PaymentView }>('payments.get', { paymentId })).payment;
}

describe('a cancel that came too late', () => {
  it('answered 422 APPROVED: the payment is approved, the sale completed, and the view says too_late', async () => {
    h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' } });
    h.sim.webhooks.setFault({ mode: 'drop' });
    const updates = recordUpdates(h);
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    expect(h.sim.approve(onScreen.uniqueReference).ok).toBe(true);

    const after = await h.call<PaymentView>('payments.cancel', { paymentId: payment.id });

    expect(after).toMatchObject({ status: 'approved', cancelOutcome: 'too_late', cancelable: false });
    expect(await detail(payment.id)).toMatchObject({ status: 'approved', cancelOutcome: 'too_late' });
    // The event the counter follows carries it too, not only the reply.
    expect(updates.filter((v) => v.id === payment.id).at(-1)).toMatchObject({
      status: 'approved',
      cancelOutcome: 'too_late',
    });
    // The money is right: the sale went through and the register moved on to a new one.
    const tender = await h.call<TenderSummary>('sales.tender.get', {});
    expect(tender.saleId).not.toBe(payment.saleId);
    expect(h.sim.requests.get(payment.uniqueReference ?? '')?.status).toBe('APPROVED');
  });

  it('answer lost, customer paid, webhook lost: the later get-status approves it and the view says too_late', async () => {
    let cancelsLost = 0;
    h = await startPaymentsHarness({
      time: 'manual',
      sim: { behaviour: 'manual' },
      gateway: (base) => ({
        push: (request) => base.push(request),
        getStatus: (reference) => base.getStatus(reference),
        // The cancel never reaches Kushki and its answer never comes: Caja only knows it asked.
        cancel: async () => {
          cancelsLost++;
          return { kind: 'uncertain', reason: 'test: the cancel was lost on the way' };
        },
        refund: (reference, amount) => base.refund(reference, amount),
      }),
    });
    h.sim.webhooks.setFault({ mode: 'drop' });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['sent']);

    const asked = await h.call<PaymentView>('payments.cancel', { paymentId: payment.id });
    expect(cancelsLost).toBe(1);
    expect(asked).toMatchObject({ status: 'sent', cancelOutcome: 'pending' });

    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    expect(h.sim.approve(onScreen.uniqueReference).ok).toBe(true);
    // No webhook: the verification schedule's get-status is what finds the approval.
    h.advance(HARNESS_TIMINGS.delaysMs[0]!);
    const approved = await h.waitForStatus(payment.id, ['approved']);
    expect(approved.cancelOutcome).toBe('too_late');
  });

  it('a cancel in time says no_charge, and a payment nobody tried to cancel says nothing', async () => {
    h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' } });
    await fillCart(h);
    const first = await h.call<PaymentView>('payments.card.start', {});
    await h.sim.terminals.waitForOnScreen(SERIAL);
    const canceled = await h.call<PaymentView>('payments.cancel', { paymentId: first.id });
    expect(canceled).toMatchObject({ status: 'canceled', cancelOutcome: 'no_charge' });

    const second = await h.call<PaymentView>('payments.card.start', {});
    expect(second.cancelOutcome).toBeNull();
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    h.sim.approve(onScreen.uniqueReference);
    const approved = await h.waitForStatus(second.id, ['approved']);
    expect(approved.cancelOutcome).toBeNull();
  });
});
