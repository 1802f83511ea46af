/**
 * Re-verifies every card payment of a day against Kushki's get-status and lists the disagreements
 * (payments-lessons rule 8, "reconcile before the end-of-day close"). It only reports: it does not
 * move any payment, so a manager sees Caja's and Kushki's word side by side and resolves each one
 * from the payment's page (verify now), where the engine applies Kushki's status by the state machine.
 */
import {
  statusesAgree,
  type ReconciliationMismatch,
  type ReconciliationResult,
  type ReconciliationUnverified,
} from '../../../domain/office/reports';
import type { PaymentGateway, StatusOutcome } from '../../../ports/payment-gateway.port';
import type { CardPaymentToCheck } from '../../../ports/reports.port';

/** Kushki is asked about this many payments at once: gentle on its API, quick enough for a day. */
export const RECONCILE_CONCURRENCY = 4;

/** Runs `work` over `items`, at most `limit` at a time, keeping the input order in the output. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Why Kushki could not answer, without anything from the raw error (it may carry headers). */
function failureReason(outcome: Exclude<StatusOutcome, { kind: 'found' } | { kind: 'not_found' }>): string {
  return outcome.kind === 'rejected'
    ? `rejected ${outcome.responseCode} (HTTP ${outcome.httpStatus})`
    : 'uncertain';
}

/** Asks Kushki about each payment and sorts the answers into matched, mismatched and unverified. */
export async function reconcilePayments(
  day: string,
  payments: readonly CardPaymentToCheck[],
  gateway: PaymentGateway,
  now: () => number,
): Promise<ReconciliationResult> {
  const answers = await mapLimited(payments, RECONCILE_CONCURRENCY, async (payment) => ({
    payment,
    outcome: await gateway.getStatus(payment.reference),
  }));
  const mismatches: ReconciliationMismatch[] = [];
  const unverified: ReconciliationUnverified[] = [];
  let matched = 0;
  for (const { payment, outcome } of answers) {
    if (outcome.kind === 'rejected' || outcome.kind === 'uncertain') {
      unverified.push({
        paymentId: payment.paymentId,
        reference: payment.reference,
        cajaStatus: payment.status,
        reason: failureReason(outcome),
      });
      continue;
    }
    const kushki = outcome.kind === 'found' ? outcome.view.status : 'NOT_FOUND';
    if (statusesAgree(payment.status, kushki)) {
      matched += 1;
      continue;
    }
    mismatches.push({
      paymentId: payment.paymentId,
      saleId: payment.saleId,
      reference: payment.reference,
      amount: payment.amount,
      cajaStatus: payment.status,
      kushkiStatus: kushki,
      kushkiRawStatus: outcome.kind === 'found' ? outcome.view.rawStatus : null,
    });
  }
  return { day, checkedAt: now(), checked: payments.length, matched, mismatches, unverified };
}
