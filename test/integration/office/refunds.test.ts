/**
 * Refunds, full and partial, against the real simulator over HTTP and a real SQLite file: the sum
 * rule, the outcome by webhook and by get-status, and restarts that must neither lose nor repeat one.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DailyReport } from '../../../app/domain/office/reports';
import type { RefundCreated, RefundPreview, RefundView } from '../../../app/domain/office/refunds';
import { storeDayOf } from '../../../app/domain/office/store-day';
import type { PaymentView } from '../../../app/domain/payment-view';
import { databaseFileIn } from '../../../app/host/create-core';
import { KushkiHttpClient } from '../../../app/infra/kushki/kushki-client';
import { fillCart, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';
import { signInDemoManager } from '../../support/sign-in';
import { passThrough } from '../../support/office/refunds-gateway';

let h: PaymentsHarness;
afterEach(async () => h?.close());

const never = <T>() => new Promise<T>(() => undefined);

/** An approved $20.00 card payment, with the manager signed in for the office. */
async function approvedPayment(): Promise<PaymentView> {
  await fillCart(h);
  const card = await h.call<PaymentView>('payments.card.start', {});
  const approved = await h.waitForStatus(card.id, ['approved']);
  await signInDemoManager(h.core);
  return approved;
}

async function refundsOf(paymentId: number): Promise<RefundView[]> {
  return h.call<RefundView[]>('office.refunds.list', { paymentId });
}

async function waitForRefunds(paymentId: number, statuses: string[]): Promise<RefundView[]> {
  await expect
    .poll(async () => (await refundsOf(paymentId)).map((r) => r.status), { timeout: 8_000, interval: 20 })
    .toEqual(statuses);
  return refundsOf(paymentId);
}

/** POST /refund calls the simulator received. */
const refundPosts = () => h.sim.httpLog().filter((e) => e.method === 'POST' && e.path === '/refund');

describe('office refunds', () => {
  it('a partial refund, then a second one up to the full amount: the payment becomes refunded', async () => {
    // Noon in Mexico City (18:00 UTC): both refunds fall before the 23:00 cut-off, so both are voids,
    // whatever hour the suite runs at.
    h = await startPaymentsHarness({ startAt: Date.UTC(2026, 5, 15, 18, 0, 0) });
    const payment = await approvedPayment();
    const preview = await h.call<RefundPreview>('office.refunds.preview', { paymentId: payment.id });
    expect(preview).toMatchObject({ charged: 2000, refundable: 2000, alreadyRefunded: 0, kind: 'void' });

    const first = await h.call<RefundCreated>('office.refunds.create', {
      paymentId: payment.id,
      amount: 500,
    });
    expect(first.refund).toMatchObject({ amount: 500, kind: 'void', requestedByName: 'Luis Hernández' });
    expect(first.paymentStatus).toBe('approved');
    // get-status cannot tell a partial refund (still APPROVED): its devolucion webhook confirms it.
    await waitForRefunds(payment.id, ['confirmed']);
    expect(h.sim.requests.get(payment.uniqueReference ?? '')).toMatchObject({
      status: 'APPROVED',
      refundedCents: 500,
    });
    const after = await h.call<RefundPreview>('office.refunds.preview', { paymentId: payment.id });
    expect(after).toMatchObject({ refundable: 1500, alreadyRefunded: 500 });

    await h.call<RefundCreated>('office.refunds.create', { paymentId: payment.id, amount: 1500 });
    const refunded = await h.waitForStatus(payment.id, ['refunded']);
    await waitForRefunds(payment.id, ['confirmed', 'confirmed']);
    // The refunds' webhooks carry their own authorization codes; the sale's stays on its receipt.
    expect(refunded.authorizationCode).toBe(payment.authorizationCode);
    expect(payment.authorizationCode).toMatch(/^\w{6}$/);
    expect(h.sim.requests.get(payment.uniqueReference ?? '')?.status).toBe('REFUNDED');
    expect(refundPosts()).toHaveLength(2);
  });

  it("the day's Z report counts a confirmed partial refund at its own amount", async () => {
    // Noon in Mexico City, so the sale and its refund fall on the day asked for even near midnight.
    h = await startPaymentsHarness({ startAt: Date.UTC(2026, 5, 15, 18, 0, 0) });
    const payment = await approvedPayment();
    await h.call<RefundCreated>('office.refunds.create', { paymentId: payment.id, amount: 700 });
    await waitForRefunds(payment.id, ['confirmed']);
    const report = await h.call<DailyReport>('office.reports.daily', {
      day: storeDayOf(h.clock.now(), 'America/Mexico_City'),
    });
    expect(report.totals).toMatchObject({ sales: 2000, refundCount: 1, refunds: 700, net: 1300 });
    expect(report.byTender.find((row) => row.key === 'card')).toMatchObject({ refunds: 700 });
  });

  it('refuses more than is left to refund, in the service and in the database itself', async () => {
    h = await startPaymentsHarness();
    const payment = await approvedPayment();
    const tooMuch = await h.reply('office.refunds.create', { paymentId: payment.id, amount: 2001 });
    expect(tooMuch.ok ? 'ok' : tooMuch.error.code).toBe('conflict');
    await h.call<RefundCreated>('office.refunds.create', { paymentId: payment.id, amount: 1200 });
    const over = await h.reply('office.refunds.create', { paymentId: payment.id, amount: 801 });
    expect(over.ok ? 'ok' : over.error.code).toBe('conflict');
    expect(refundPosts()).toHaveLength(1);

    const db = new Database(databaseFileIn(h.dataDir));
    const insert = (amount: number) =>
      db
        .prepare(
          `INSERT INTO refunds (payment_id, amount_centavos, kind, status, reference, requested_at, updated_at)
           VALUES (?, ?, 'refund', 'requested', ?, 0, 0)`,
        )
        .run(payment.id, amount, `test-${amount}`);
    expect(() => insert(801)).toThrow(/exceed/);
    expect(() => db.prepare('DELETE FROM refunds').run()).toThrow(/never deleted/);
    db.close();
  });

  it('the cashier cannot refund from the office, and the old PIN channel still refunds in full', async () => {
    h = await startPaymentsHarness();
    await fillCart(h);
    const card = await h.call<PaymentView>('payments.card.start', {});
    await h.waitForStatus(card.id, ['approved']);
    const cashier = await h.reply('office.refunds.create', { paymentId: card.id, amount: 100 });
    expect(cashier.ok ? 'ok' : cashier.error.code).toBe('forbidden');
    await h.call<PaymentView>('payments.refund', { paymentId: card.id, managerPin: '9999' });
    await h.waitForStatus(card.id, ['refunded']);
    await signInDemoManager(h.core);
    await waitForRefunds(card.id, ['confirmed']);
  });

  it('records Kushki refusing a refund when part was already refunded outside Caja', async () => {
    h = await startPaymentsHarness();
    const payment = await approvedPayment();
    // Someone refunded $10.00 on Kushki's side (the terminal, the dashboard): Caja never asked.
    const outside = new KushkiHttpClient({ baseUrl: h.sim.url, apiKey: () => h.sim.token });
    expect(await outside.refund(payment.uniqueReference ?? '', 1000)).toEqual({ kind: 'requested' });
    const refused = await h.call<RefundCreated>('office.refunds.create', {
      paymentId: payment.id,
      amount: 1500,
    });
    expect(refused.refund).toMatchObject({ status: 'failed', failureReason: 'kushki:002' });
    expect(
      (await h.call<RefundPreview>('office.refunds.preview', { paymentId: payment.id })).refundable,
    ).toBe(2000);

    await outside.refund(payment.uniqueReference ?? '');
    const late = await h.call<RefundCreated>('office.refunds.create', { paymentId: payment.id, amount: 500 });
    expect(late.refund).toMatchObject({ status: 'failed', failureReason: 'kushki:REFUNDED' });
    await h.waitForStatus(payment.id, ['refunded']);
  });

  it('settles a full refund by get-status when its webhook is lost', async () => {
    h = await startPaymentsHarness();
    const payment = await approvedPayment();
    h.sim.webhooks.setFault({ mode: 'drop' });
    await h.call<RefundCreated>('office.refunds.create', { paymentId: payment.id, amount: 2000 });
    await h.waitForStatus(payment.id, ['refunded']);
    await waitForRefunds(payment.id, ['confirmed']);
    expect(h.sim.webhooks.attempts(payment.uniqueReference ?? '').some((a) => a.outcome === 'dropped')).toBe(
      true,
    );
  });

  it('restarted after the refund was stored and before it was sent: sent once by the next start', async () => {
    let hang = false;
    h = await startPaymentsHarness({
      gateway: (base) =>
        passThrough(base, { getStatus: async (ref) => (hang ? never() : base.getStatus(ref)) }),
    });
    const payment = await approvedPayment();
    hang = true;
    // A verification stuck on the network holds the payment's lock, so the refund waits behind it.
    void h.reply('office.openItems.verify', { paymentId: payment.id });
    void h.reply('office.refunds.create', { paymentId: payment.id, amount: 700 });
    await expect.poll(async () => (await refundsOf(payment.id)).map((r) => r.status)).toEqual(['requested']);
    h.stopCore();
    expect(refundPosts()).toHaveLength(0);

    await h.restart({ gateway: (base) => passThrough(base) });
    await signInDemoManager(h.core);
    await waitForRefunds(payment.id, ['confirmed']);
    expect(refundPosts()).toHaveLength(1);
    expect(h.sim.requests.get(payment.uniqueReference ?? '')?.refundedCents).toBe(700);
  });

  it('restarted while the refund completing the charge was in the air: re-sent safely, refunded once', async () => {
    h = await startPaymentsHarness({
      gateway: (base) => passThrough(base, { refund: async () => never() }),
    });
    const payment = await approvedPayment();
    void h.reply('office.refunds.create', { paymentId: payment.id, amount: 2000 });
    await expect.poll(async () => (await refundsOf(payment.id)).map((r) => r.status)).toEqual(['unknown']);
    h.stopCore();
    expect(refundPosts()).toHaveLength(0);

    await h.restart({ gateway: (base) => passThrough(base) });
    await signInDemoManager(h.core);
    await h.waitForStatus(payment.id, ['refunded']);
    await waitForRefunds(payment.id, ['confirmed']);
    expect(refundPosts()).toHaveLength(1);
  });

  it('a partial refund whose answer was lost is never re-sent blindly; its webhook confirms it', async () => {
    let posted = false;
    h = await startPaymentsHarness({
      gateway: (base) =>
        passThrough(base, {
          refund: async (ref, amount) => {
            await base.refund(ref, amount);
            posted = true;
            return { kind: 'uncertain', reason: 'test: the answer was lost' };
          },
        }),
    });
    const payment = await approvedPayment();
    const created = await h.call<RefundCreated>('office.refunds.create', {
      paymentId: payment.id,
      amount: 300,
    });
    expect(posted).toBe(true);
    expect(['unknown', 'confirmed']).toContain(created.refund.status);
    await waitForRefunds(payment.id, ['confirmed']);
    await h.call('office.openItems.verify', { paymentId: payment.id });
    expect(refundPosts()).toHaveLength(1);
    expect(h.sim.requests.get(payment.uniqueReference ?? '')?.refundedCents).toBe(300);
  });
});
