import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import { fillCart, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

describe('cash, split tender and refunds', () => {
  it('cash with change completes the sale', async () => {
    h = await startPaymentsHarness();
    await fillCart(h, ['BEB-001', 'PAN-002']); // $23.00
    const short = await h.reply('payments.cash.pay', { tendered: 2000 });
    expect(short.ok ? 'ok' : short.error.code).toBe('validation_failed');
    const paid = await h.call<{ change: number; saleCompleted: boolean; payment: PaymentView }>(
      'payments.cash.pay',
      {
        tendered: 5000,
      },
    );
    expect(paid).toMatchObject({
      change: 2700,
      saleCompleted: true,
      payment: { amount: 2300, tendered: 5000 },
    });
  });

  it('split tender: part cash, the rest by card', async () => {
    h = await startPaymentsHarness();
    await fillCart(h, ['VAR-003']); // $95.00
    const cash = await h.call<{ saleCompleted: boolean }>('payments.cash.pay', {
      tendered: 5000,
      amount: 5000,
    });
    expect(cash.saleCompleted).toBe(false);
    const summary = await h.call<TenderSummary>('sales.tender.get', {});
    expect(summary).toMatchObject({ total: 9500, paid: 5000, due: 4500 });
    const locked = await h.reply('sales.cart.scan', { code: 'BEB-001' });
    expect(locked.ok ? 'ok' : [locked.error.code, locked.error.reason]).toEqual([
      'conflict',
      'sale_in_checkout',
    ]);
    const card = await h.call<PaymentView>('payments.card.start', {});
    expect(card.amount).toBe(4500);
    await h.waitForStatus(card.id, ['approved']);
    const next = await h.call<TenderSummary>('sales.tender.get', {});
    expect(next.saleId).not.toBe(summary.saleId);
  });

  it('refunds an approved card payment with a manager PIN, and refuses without one', async () => {
    h = await startPaymentsHarness();
    await fillCart(h);
    const card = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(card.id, ['approved']);
    // A cashier's own PIN is told apart from a wrong one (issue 14, item 7).
    const cashierPin = await h.reply('payments.refund', { paymentId: card.id, managerPin: '1111' });
    expect(cashierPin.ok ? 'ok' : [cashierPin.error.code, cashierPin.error.reason]).toEqual([
      'forbidden',
      'not_a_manager',
    ]);
    const nobodys = await h.reply('payments.refund', { paymentId: card.id, managerPin: '4242' });
    expect(nobodys.ok ? 'ok' : nobodys.error.reason).toBe('wrong_manager_pin');
    const requested = await h.call<PaymentView>('payments.refund', {
      paymentId: card.id,
      managerPin: '9999',
    });
    expect(['refund_requested', 'refunded']).toContain(requested.status);
    await h.waitForStatus(card.id, ['refunded']);
    expect(h.sim.requests.get(card.uniqueReference ?? '')?.status).toBe('REFUNDED');
  });

  it('refuses to refund what was not approved', async () => {
    h = await startPaymentsHarness({ sim: { behaviour: 'customer-cancel' } });
    await fillCart(h);
    const card = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(card.id, ['canceled']);
    const refused = await h.reply('payments.refund', { paymentId: card.id, managerPin: '9999' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('conflict');
  });

  it('checks MSI minimums and amounts', async () => {
    h = await startPaymentsHarness();
    await fillCart(h);
    const msi = await h.reply('payments.card.start', { msi: 3 });
    expect(msi.ok ? 'ok' : msi.error.code).toBe('validation_failed');
    const tooMuch = await h.reply('payments.card.start', { amount: 2001 });
    expect(tooMuch.ok ? 'ok' : tooMuch.error.code).toBe('validation_failed');
    const unknownTerminal = await h.reply('payments.card.start', { terminalSerial: 'NOPE99' });
    expect(unknownTerminal.ok ? 'ok' : unknownTerminal.error.code).toBe('not_found');
  });

  it('a card charge with no Kushki key says the key is missing and records nothing', async () => {
    // The gateway as boot builds it for dev/live with no key in the vault: it cannot send.
    h = await startPaymentsHarness({
      gateway: (base) => ({
        push: (request) => base.push(request),
        getStatus: (reference) => base.getStatus(reference),
        cancel: (reference, serial) => base.cancel(reference, serial),
        refund: (reference, amount) => base.refund(reference, amount),
        hasKey: () => false,
      }),
    });
    await fillCart(h);
    const refused = await h.reply('payments.card.start', {});
    expect(refused.ok ? 'ok' : [refused.error.code, refused.error.reason]).toEqual([
      'conflict',
      'kushki_key_missing',
    ]);
    expect((await h.call<TenderSummary>('sales.tender.get', {})).payments).toEqual([]);
    expect(h.sim.requests.list()).toEqual([]);
    // Cash still works.
    const cash = await h.call<{ saleCompleted: boolean }>('payments.cash.pay', { tendered: 5000 });
    expect(cash.saleCompleted).toBe(true);
  });

  it('while a card payment is being verified, a second charge is refused with why', async () => {
    h = await startPaymentsHarness({ sim: { behaviour: 'manual' } });
    await fillCart(h);
    await h.call<PaymentView>('payments.card.start', {});
    const again = await h.reply('payments.cash.pay', { tendered: 5000 });
    expect(again.ok ? 'ok' : again.error.reason).toBe('card_in_verification');
  });
});
