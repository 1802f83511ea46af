import { afterEach, describe, expect, it } from 'vitest';
import { fillCart, SERIAL, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';

let h: PaymentsHarness;
afterEach(async () => h?.close());

describe('printing a stored receipt on the terminal (Kushki print-ticket)', () => {
  it('sends the receipt as ticket blocks the simulator accepts', async () => {
    h = await startPaymentsHarness();
    await fillCart(h, ['BEB-001', 'PAN-002']);
    const cash = await h.call<{ payment: { saleId: number } }>('payments.cash.pay', { tendered: 5000 });
    const printed = await h.call<{ terminalSerial: string }>('sales.receipt.printOnTerminal', {
      saleId: cash.payment.saleId,
    });
    expect(printed.terminalSerial).toBe(SERIAL);
    const ticket = h.sim.tickets().at(-1);
    expect(ticket?.serialNumber).toBe(SERIAL);
    const text = JSON.stringify(ticket);
    expect(text).toContain('TOTAL');
    expect(text).toContain('$23.00');
    expect(text).toContain('Cambio');
  });

  it('a terminal that cannot print is reported and the sale is untouched', async () => {
    h = await startPaymentsHarness();
    await fillCart(h);
    const cash = await h.call<{ payment: { saleId: number } }>('payments.cash.pay', { tendered: 2000 });
    h.sim.terminals.setOnline(SERIAL, false);
    const reply = await h.reply('sales.receipt.printOnTerminal', { saleId: cash.payment.saleId });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('unavailable');
    const receipt = await h.reply('sales.receipt.get', { saleId: cash.payment.saleId });
    expect(receipt.ok).toBe(true);
    const missing = await h.reply('sales.receipt.printOnTerminal', { saleId: 999_999 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });
});
