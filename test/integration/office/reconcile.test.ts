/**
 * Reconciliation against the real simulator over HTTP: every card payment of the day is re-asked
 * with get-status, and a planted disagreement (a refund made at Kushki behind Caja's back, with the
 * webhook lost) is listed with both statuses and the reference, and recorded in the audit log.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReconciliationResult } from '../../../app/domain/office/reports';
import type { PaymentView } from '../../../app/domain/payment-view';
import { storeDayOf } from '../../../app/domain/office/store-day';
import { KushkiHttpClient } from '../../../app/infra/kushki/kushki-client';
import { fillCart, startPaymentsHarness, type PaymentsHarness } from '../../support/payments-harness';
import { DEMO_USERS } from '../../support/sign-in';

let harness: PaymentsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Charges the open sale by card for `amount` (default: what is due) and waits for a final state. */
async function cardSale(h: PaymentsHarness, final: string, amount?: number): Promise<PaymentView> {
  await fillCart(h);
  const started = await h.call<PaymentView>('payments.card.start', amount ? { amount } : {});
  return h.waitForStatus(started.id, [final]);
}

describe('reconciliation with Kushki', () => {
  it('lists a planted mismatch with both statuses and the reference, and audits the run', async () => {
    // Noon in Mexico City: every sale and the reconciled day are the same store day at any hour.
    const h = (harness = await startPaymentsHarness({ startAt: Date.UTC(2026, 5, 15, 18, 0, 0) }));
    await h.call('session.signIn', { userId: DEMO_USERS.manager.id, pin: DEMO_USERS.manager.pin });
    const first = await cardSale(h, 'approved');
    const second = await cardSale(h, 'approved');
    // .13 is the simulator's decline; Caja then cancels the request so Kushki says CANCELLED.
    const declined = await cardSale(h, 'declined', 1013);

    // Plant: someone refunds the first sale at Kushki directly, and its webhook never arrives.
    expect(h.sim.setWebhookUrl(null).ok).toBe(true);
    const outside = new KushkiHttpClient({ baseUrl: h.sim.url, apiKey: () => h.sim.token });
    const firstRef = (
      await h.call<{ payment: { uniqueReference: string } }>('payments.get', { paymentId: first.id })
    ).payment.uniqueReference;
    expect(await outside.refund(firstRef)).toEqual({ kind: 'requested' });
    await h.sim.requests.waitFor(firstRef, 'REFUNDED');

    const statusCallsBefore = h.sim.httpLog().filter((e) => e.path.startsWith('/get-status')).length;
    const result = await h.call<ReconciliationResult>('office.reports.reconcile', {
      day: storeDayOf(h.clock.now(), 'America/Mexico_City'),
    });
    expect(result).toMatchObject({ checked: 3, matched: 2, unverified: [] });
    expect(result.mismatches).toEqual([
      {
        paymentId: first.id,
        saleId: first.saleId,
        reference: firstRef,
        amount: 2000,
        cajaStatus: 'approved',
        kushkiStatus: 'REFUNDED',
        kushkiRawStatus: 'REFUNDED',
      },
    ]);
    // One get-status per card payment of the day, no more.
    const statusCalls =
      h.sim.httpLog().filter((e) => e.path.startsWith('/get-status')).length - statusCallsBefore;
    expect(statusCalls).toBe(3);
    expect([second.status, declined.status]).toEqual(['approved', 'declined']);
    // Reconciliation reports; it does not move the payment by itself.
    expect(
      (await h.call<{ payment: PaymentView }>('payments.get', { paymentId: first.id })).payment.status,
    ).toBe('approved');

    const db = new BetterSqlite3(h.core.databaseFile, { readonly: true });
    const audit = db
      .prepare<[], { actor: number; details: string }>(
        `SELECT actor_user_id AS actor, details FROM audit_log WHERE action = 'report.reconciled'`,
      )
      .all();
    db.close();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe(DEMO_USERS.manager.id);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      checked: 3,
      matched: 2,
      mismatches: [{ paymentId: first.id, reference: firstRef, caja: 'approved', kushki: 'REFUNDED' }],
    });
  });
});
