import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import { fillCart, SERIAL, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

describe('card payments against the simulator', () => {
  it('approved: the sale completes and the payment carries brand, last four and authorization', async () => {
    h = await startPaymentsHarness();
    await fillCart(h, ['BEB-001', 'LAC-001']);
    const started = await h.call<PaymentView>('payments.card.start', {});
    expect(started).toMatchObject({
      status: 'requested',
      amount: 4900,
      terminalSerial: SERIAL,
      cancelable: true,
    });
    const approved = await h.waitForStatus(started.id, ['approved']);
    const request = h.sim.requests.get(approved.uniqueReference ?? '');
    expect(request?.status).toBe('APPROVED');
    expect(request?.amountCents).toBe(4900);
    await expect
      .poll(
        async () =>
          (
            (await h.call<PaymentView>('payments.get', { paymentId: started.id })) as unknown as {
              payment: PaymentView;
            }
          ).payment.authorizationCode,
      )
      .toBeTruthy();
    const detail = await h.call<{ payment: PaymentView }>('payments.get', { paymentId: started.id });
    expect(detail.payment.cardLast4).toMatch(/^\d{4}$/);
    expect(detail.payment.cardBrand).toBeTruthy();
    // The sale is complete: the cart is a new, empty sale.
    const tender = await h.call<TenderSummary>('sales.tender.get', {});
    expect(tender.saleId).not.toBe(started.saleId);
    expect(tender.total).toBe(0);
  });

  it('declined, then retried with a new reference and approved', async () => {
    h = await startPaymentsHarness({ sim: { behaviour: 'auto-decline' } });
    await fillCart(h);
    const first = await h.call<PaymentView>('payments.card.start', {});
    const declined = await h.waitForStatus(first.id, ['declined']);
    expect(declined.failureReason).toMatch(/^declined:rechazada/);
    // Caja cancelled Kushki's still-CREATED request so the decline is final.
    expect(h.sim.requests.get(first.uniqueReference ?? '')?.status).toBe('CANCELLED');
    h.sim.terminals.setBehaviour(SERIAL, 'auto-approve');
    const retry = await h.call<PaymentView>('payments.card.start', {});
    expect(retry.uniqueReference).not.toBe(first.uniqueReference);
    await h.waitForStatus(retry.id, ['approved']);
  });

  it('customer cancel on the terminal ends canceled and the sale can be paid otherwise', async () => {
    h = await startPaymentsHarness({ sim: { behaviour: 'customer-cancel' } });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['canceled']);
    const cash = await h.call<{ change: number; saleCompleted: boolean }>('payments.cash.pay', {
      tendered: 5000,
    });
    expect(cash).toMatchObject({ change: 3000, saleCompleted: true });
  });

  it('terminal offline: 101, the payment fails, nothing is charged', async () => {
    h = await startPaymentsHarness();
    h.sim.terminals.setOnline(SERIAL, false);
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    const failed = await h.waitForStatus(payment.id, ['failed']);
    expect(failed.failureReason).toBe('kushki:101');
    expect(h.sim.requests.list().filter((r) => r.status === 'APPROVED')).toHaveLength(0);
  });

  it('nobody taps a card: the request expires at its ttl', async () => {
    h = await startPaymentsHarness({ sim: { behaviour: 'timeout' } });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(payment.id, ['expired']);
    expect(h.sim.requests.get(payment.uniqueReference ?? '')?.cancelledBy).toBe('ttl');
  });

  it('cancel before the card: Kushki cancels, the payment is canceled', async () => {
    h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' } });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    await h.sim.terminals.waitForOnScreen(SERIAL);
    const after = await h.call<PaymentView>('payments.cancel', { paymentId: payment.id });
    expect(after.status).toBe('canceled');
    expect(h.sim.requests.get(payment.uniqueReference ?? '')?.cancelledBy).toBe('api');
  });

  it('cancel after the card was approved: the 422 says APPROVED and the payment is approved', async () => {
    h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' } });
    h.sim.webhooks.setFault({ mode: 'drop' });
    await fillCart(h);
    const payment = await h.call<PaymentView>('payments.card.start', {});
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
    expect(h.sim.approve(onScreen.uniqueReference).ok).toBe(true);
    const after = await h.call<PaymentView>('payments.cancel', { paymentId: payment.id });
    expect(after.status).toBe('approved');
  });

  it('allows one unresolved card payment per sale and locks the cart meanwhile', async () => {
    h = await startPaymentsHarness({ time: 'manual', sim: { behaviour: 'manual' } });
    await fillCart(h);
    await h.call<PaymentView>('payments.card.start', {});
    const second = await h.reply('payments.card.start', {});
    expect(second.ok ? 'ok' : second.error.code).toBe('conflict');
    const cash = await h.reply('payments.cash.pay', { tendered: 10_000 });
    expect(cash.ok ? 'ok' : cash.error.code).toBe('conflict');
    const scan = await h.reply('sales.cart.scan', { code: 'BEB-002' });
    expect(scan.ok ? 'ok' : scan.error.code).toBe('conflict');
  });
});
