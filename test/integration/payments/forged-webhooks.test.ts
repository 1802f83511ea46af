/**
 * Issue 11 finding 4: anyone with a store's ingress URL can post a webhook naming a payment's
 * uniqueReference (it is printed on the receipt). Through the real relay (with a Billpocket key
 * configured, as `--bp-key` does) and the app's real relay client: the simulator signs its webhooks
 * as Billpocket does, a forger cannot. Card fields are written once and a forged webhook leaves
 * them (and the receipt) as Kushki gave them; an unverified `devolucion` does not confirm a partial
 * refund, a verified one does. See [Note: card facts are written once] and [Note: refund ledger].
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RefundCreated, RefundView } from '../../../app/domain/office/refunds';
import type { PaymentDetailView } from '../../../app/domain/office/transactions';
import type { PaymentEvent } from '../../../app/domain/payment';
import type { PaymentDetail, PaymentView } from '../../../app/domain/payment-view';
import type { Receipt } from '../../../app/domain/receipt';
import { fillCart, SERIAL, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';
import { signInDemoManager } from '../../support/sign-in';

let h: PaymentsHarness;
afterEach(async () => h?.close());

async function timeline(paymentId: number): Promise<PaymentEvent[]> {
  return (await h.call<PaymentDetail>('payments.get', { paymentId })).timeline;
}

/** Waits until the payment's ledger holds `count` webhook rows and returns the ledger. */
async function waitForWebhooks(paymentId: number, count: number): Promise<PaymentEvent[]> {
  await expect
    .poll(async () => (await timeline(paymentId)).filter((e) => e.kind === 'webhook').length, {
      timeout: 10_000,
      interval: 20,
    })
    .toBe(count);
  return timeline(paymentId);
}

/** A card sale approved on the simulator with a MASTERCARD, its card fields in from the webhook. */
async function approvedCardSale(): Promise<PaymentView> {
  await expect.poll(() => h.relay?.statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
  await fillCart(h);
  const started = await h.call<PaymentView>('payments.card.start', {});
  const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);
  h.sim.approve(onScreen.uniqueReference, { brand: 'MASTERCARD' });
  await h.waitForStatus(started.id, ['approved']);
  await waitForWebhooks(started.id, 1);
  return (await h.call<PaymentDetail>('payments.get', { paymentId: started.id })).payment;
}

function forgedSale(uniqueReference: string): Record<string, unknown> {
  return {
    result: 'aprobada',
    amount: '20.00',
    transactionType: 'venta',
    uniqueReference,
    cardtype: 'VISA',
    creditcard: '6666',
    authorization: 'FORGED',
    transactionid: '999999',
  };
}

describe('forged webhooks', () => {
  it('a forged webhook after the real one leaves brand, last four, authorization and the receipt as Kushki gave them', async () => {
    h = await startPaymentsHarness({ viaRelay: true, time: 'manual', sim: { behaviour: 'manual' } });
    const payment = await approvedCardSale();
    expect(payment).toMatchObject({ cardBrand: 'MASTERCARD', cardLast4: expect.stringMatching(/^\d{4}$/) });
    expect(payment.authorizationCode).toMatch(/^\w{6}$/);
    const receipt = await h.call<Receipt>('sales.receipt.get', { saleId: payment.saleId });
    const [real] = (await timeline(payment.id)).filter((e) => e.kind === 'webhook');
    expect(real?.signature).toBe('verified');

    expect(await h.postWebhook(forgedSale(payment.uniqueReference!))).toBe(200);
    const ledger = await waitForWebhooks(payment.id, 2);
    const forged = ledger.filter((e) => e.kind === 'webhook')[1];
    expect(forged?.signature).toBe('unverified');
    const after = (await h.call<PaymentDetail>('payments.get', { paymentId: payment.id })).payment;
    expect(after).toMatchObject({
      status: 'approved',
      cardBrand: 'MASTERCARD',
      cardLast4: payment.cardLast4,
      authorizationCode: payment.authorizationCode,
    });
    expect(await h.call<Receipt>('sales.receipt.get', { saleId: payment.saleId })).toEqual(receipt);

    // The attempt is on the ledger for the manager, with what was kept and what was offered.
    const kept = ledger.find((e) => e.kind === 'card_facts_kept');
    expect(JSON.parse(kept?.detail ?? '{}')).toMatchObject({
      kept: { brand: 'MASTERCARD', last4: payment.cardLast4 },
      offered: { brand: 'VISA', last4: '6666', authorization: 'FORGED' },
      signature: 'unverified',
    });

    // A signature that does not match the body is refused at the relay's door: nothing reaches Caja.
    const refused = await fetch(h.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bp-signature': Buffer.alloc(256, 1).toString('base64'),
        'x-bp-signaturekey': '1',
      },
      body: JSON.stringify(forgedSale(payment.uniqueReference!)),
    });
    expect(refused.status).toBe(401);

    // The office says which card fields and which webhooks nobody verified.
    await signInDemoManager(h.core);
    const office = await h.call<PaymentDetailView>('office.payments.detail', { paymentId: payment.id });
    expect(office.payment.cardSignature).toBe('verified');
    const marks = office.timeline.filter((e) => e.kind === 'webhook').map((e) => e.signature);
    expect(marks).toEqual(['verified', 'unverified']);
  });

  it("a forged webhook that got in first is replaced by Kushki's verified one, and marked unverified meanwhile", async () => {
    // Manual time: the request is still open on the terminal when the test approves it, after the
    // forged webhook's round trip and the office's look, however loaded the machine is.
    h = await startPaymentsHarness({ viaRelay: true, time: 'manual', sim: { behaviour: 'manual' } });
    await expect.poll(() => h.relay?.statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
    await fillCart(h);
    const started = await h.call<PaymentView>('payments.card.start', {});
    const onScreen = await h.sim.terminals.waitForOnScreen(SERIAL);

    expect(await h.postWebhook(forgedSale(onScreen.uniqueReference))).toBe(200);
    await waitForWebhooks(started.id, 1);
    await signInDemoManager(h.core);
    const forged = await h.call<PaymentDetailView>('office.payments.detail', { paymentId: started.id });
    expect(forged.payment).toMatchObject({ cardBrand: 'VISA', last4: '6666', cardSignature: 'unverified' });
    // A webhook is news, never truth: Kushki still says CREATED, so nothing is approved.
    expect(forged.payment.status).not.toBe('approved');

    h.sim.approve(onScreen.uniqueReference, { brand: 'MASTERCARD' });
    await h.waitForStatus(started.id, ['approved']);
    await waitForWebhooks(started.id, 2);
    const real = await h.call<PaymentDetailView>('office.payments.detail', { paymentId: started.id });
    expect(real.payment).toMatchObject({ cardBrand: 'MASTERCARD', cardSignature: 'verified' });
    expect(real.payment.authorizationCode).not.toBe('FORGED');
  });

  it('an unverified devolucion does not confirm a partial refund; a verified one does', async () => {
    h = await startPaymentsHarness({ viaRelay: true, time: 'manual', sim: { behaviour: 'manual' } });
    const payment = await approvedCardSale();
    // Kushki's own devolucion webhook is lost: only what is posted below reaches Caja.
    expect(h.sim.setWebhookUrl(null).ok).toBe(true);
    await signInDemoManager(h.core);
    const created = await h.call<RefundCreated>('office.refunds.create', {
      paymentId: payment.id,
      amount: 500,
    });
    expect(created.refund.status).toBe('accepted');

    const devolucion = {
      result: 'aprobada',
      amount: '5.00',
      transactionType: 'devolucion',
      uniqueReference: payment.uniqueReference,
      transactionid: '777777',
      authorization: 'RFND01',
    };
    expect(await h.postWebhook(devolucion)).toBe(200);
    // The webhook was stored and triggered a get-status (APPROVED: a partial refund does not show).
    await expect
      .poll(
        async () => {
          const rows = await timeline(payment.id);
          const at = rows.findIndex((e) => e.kind === 'webhook' && e.detail === 'refund:aprobada');
          return at >= 0 && rows.slice(at + 1).some((e) => e.kind === 'status_check');
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBe(true);
    const stillOpen = await h.call<RefundView[]>('office.refunds.list', { paymentId: payment.id });
    expect(stillOpen.map((r) => r.status)).toEqual(['accepted']);

    expect(await h.postWebhook({ ...devolucion, transactionid: '777778' }, { signed: true })).toBe(200);
    await expect
      .poll(
        async () =>
          (await h.call<RefundView[]>('office.refunds.list', { paymentId: payment.id })).map((r) => r.status),
        { timeout: 10_000, interval: 20 },
      )
      .toEqual(['confirmed']);
  });
});
