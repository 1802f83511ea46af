/**
 * Issue 11, finding 8: after a crash the cashier is told how the payment in doubt ended. A payment
 * waits for the card, the core stops, the customer acts on the terminal meanwhile (its webhook finds
 * no core), and a new core starts: the notice is there until acknowledged, survives a restart until
 * then, and is never shown twice. See [Note: payments in doubt at start-up].
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentNotice } from '../../../app/domain/payment-notice';
import type { PaymentDetail, PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import { fillCart, SERIAL, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

/** A card payment waiting on the terminal when the core stops; returns it and its reference. */
async function inDoubtWhenStopped(): Promise<{ payment: PaymentView; reference: string }> {
  // Time stands still: the request cannot expire however long the restart takes.
  h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' } });
  await fillCart(h);
  const payment = await h.call<PaymentView>('payments.card.start', {});
  await h.waitForStatus(payment.id, ['sent']);
  h.stopCore();
  const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
  return { payment, reference: onScreen.uniqueReference };
}

const notices = () => h.call<PaymentNotice[]>('payments.notices.list', {});

describe('payments in doubt when the app stopped', () => {
  it('approved meanwhile: the notice says the sale completed, survives a restart until acknowledged, then never again', async () => {
    const { payment, reference } = await inDoubtWhenStopped();
    h.sim.approve(reference);
    await h.sim.requests.waitFor(reference, 'APPROVED');

    await h.restart();
    const [notice, ...others] = await notices();
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      paymentId: payment.id,
      saleId: payment.saleId,
      outcome: 'sale_completed',
      status: 'approved',
      amount: 2000,
      uniqueReference: reference,
    });
    // The reprint the notice offers reads the stored receipt of that sale.
    expect((await h.reply('sales.receipt.get', { saleId: payment.saleId })).ok).toBe(true);

    // Not seen yet: another restart keeps it, once.
    await h.restart();
    expect((await notices()).map((n) => n.paymentId)).toEqual([payment.id]);

    const left = await h.call<PaymentNotice[]>('payments.notices.acknowledge', { paymentId: payment.id });
    expect(left).toEqual([]);
    expect(await notices()).toEqual([]);
    await h.restart();
    expect(await notices()).toEqual([]);

    // The manager's timeline says it was noted and who acknowledged it.
    const detail = await h.call<PaymentDetail>('payments.get', { paymentId: payment.id });
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'cashier_notice_due')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'cashier_notice_seen')).toHaveLength(1);
  });

  it('canceled on the terminal meanwhile: nothing charged, and the sale is the open one again', async () => {
    const { payment, reference } = await inDoubtWhenStopped();
    h.sim.customerCancel(reference);
    await h.sim.requests.waitFor(reference, 'CANCELLED');

    await h.restart();
    expect(await notices()).toMatchObject([
      { paymentId: payment.id, saleId: payment.saleId, outcome: 'nothing_charged', status: 'canceled' },
    ]);
    const tender = await h.call<TenderSummary>('sales.tender.get', {});
    expect(tender).toMatchObject({ saleId: payment.saleId, total: 2000, paid: 0, due: 2000 });
  });

  it('still in doubt at start-up: no notice until it resolves, then an event says there is one', async () => {
    const { payment, reference } = await inDoubtWhenStopped();
    await h.restart();
    expect(await notices()).toEqual([]);
    // Nothing to acknowledge while it is still being verified.
    const early = await h.reply('payments.notices.acknowledge', { paymentId: payment.id });
    expect(early.ok ? 'ok' : early.error.code).toBe('conflict');

    const announced = new Promise<number>((resolve) => {
      const stop = h.core.events.subscribe(({ event, payload }) => {
        if (event !== 'payments.notices.changed') return;
        stop();
        resolve((payload as { count: number }).count);
      });
    });
    h.sim.approve(reference);
    expect(await announced).toBe(1);
    expect(await notices()).toMatchObject([{ paymentId: payment.id, outcome: 'sale_completed' }]);
  });

  it('a payment that was not in doubt when the app stopped is never a notice', async () => {
    h = await startPaymentsHarness();
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['approved']);
    h.stopCore();
    await h.restart();
    expect(await notices()).toEqual([]);
    const reply = await h.reply('payments.notices.acknowledge', { paymentId: payment.id });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('not_found');
  });
});
