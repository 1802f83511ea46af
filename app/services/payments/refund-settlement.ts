/**
 * How refunds in flight move: sending one, and settling them after each get-status of their payment.
 * The rules are in [Note: refund ledger] (refunds.service.ts). Built from ports before the engine,
 * which calls `afterStatus` back with itself; see [Note: engine follow-ups].
 */
import { decimalStringToCentavos } from '../../domain/money';
import type { Payment } from '../../domain/payment';
import { REFUNDS_IN_FLIGHT } from '../../domain/office/refunds';
import type { VerificationTimings } from '../../domain/verification-schedule';
import type { KushkiStatusView, PaymentGateway } from '../../ports/payment-gateway.port';
import type { PaymentsRepo } from '../../ports/payments.port';
import type { RefundRecord, RefundsRepo } from '../../ports/refunds.port';
import type { EngineOperations } from './engine-follow-ups';
import { webhookFacts, webhookPayload } from './webhook-facts';

/** What a card charge is worth to refund: the amount plus the tip (Kushki refunds both). */
export function charged(payment: Payment): number {
  return payment.amount + payment.tip;
}

/** Centavos in a webhook's two-decimal strings ("150.00"); 0 when absent or unreadable. */
function webhookCentavos(text: string | undefined): number {
  return decimalStringToCentavos((text ?? '').trim()) ?? 0;
}

/** Ports of the settlement. */
export interface RefundSettlementDeps {
  payments: PaymentsRepo;
  refunds: RefundsRepo;
  /** Resolved per call: the environment or key may change while Caja runs. */
  gateway: () => PaymentGateway;
  timings: VerificationTimings;
}

/** Sends refunds and settles them on Kushki's evidence. */
export class RefundSettlement {
  constructor(private readonly deps: RefundSettlementDeps) {}

  /**
   * Sends a refund never sent, or re-sends one (`resend`, only where that is safe: see
   * [Note: refund ledger]). Caller holds the payment's lock.
   */
  async send(refundId: number, engine: EngineOperations, resend = false): Promise<RefundRecord | undefined> {
    const { payments } = this.deps;
    const refund = this.deps.refunds.get(refundId);
    const payment = refund ? payments.get(refund.paymentId) : undefined;
    const sendable = refund?.status === 'requested' || (resend && refund?.status === 'unknown');
    if (!refund || !payment || !sendable) return refund;
    this.deps.refunds.markSending(refund.id, engine.now());
    const outcome = await this.deps.gateway().refund(payment.uniqueReference ?? '', refund.amount);
    engine.record(
      payment,
      'refund_request',
      { refundId: refund.id, amount: refund.amount, outcome },
      'kushki',
    );
    const now = engine.now();
    const completes = this.deps.refunds.committedSum(payment.id) >= charged(payment);
    switch (outcome.kind) {
      case 'requested':
        this.deps.refunds.settle(refund.id, 'accepted', {}, now);
        if (completes) engine.moveTo(payment, 'refund_requested', 'local');
        break;
      case 'uncertain':
        // Rule 2: maybe it landed. Stays unknown; a webhook or get-status settles it.
        if (completes) engine.moveTo(payment, 'refund_requested', 'local');
        break;
      case 'not_refundable':
        if (outcome.view.status === 'REFUNDED' && completes && refund.sendCount > 0) {
          // A re-send of the completing refund: Kushki already holds the charge as refunded.
          this.deps.refunds.settle(refund.id, 'confirmed', {}, now);
        } else {
          this.deps.refunds.settle(
            refund.id,
            'failed',
            { failureReason: `kushki:${outcome.view.rawStatus}` },
            now,
          );
        }
        await engine.applyKushkiStatus(payments.get(payment.id) ?? payment, outcome.view);
        break;
      case 'rejected':
        this.deps.refunds.settle(
          refund.id,
          'failed',
          { failureReason: `kushki:${outcome.responseCode}` },
          now,
        );
        break;
    }
    this.keepChecking(payment.id, engine);
    engine.publish(payment.id);
    return this.deps.refunds.get(refund.id);
  }

  /** After every get-status of a payment: settle, send or re-send its refunds in flight. */
  async afterStatus(payment: Payment, view: KushkiStatusView, engine: EngineOperations): Promise<Payment> {
    const inFlight = this.deps.refunds
      .forPayment(payment.id)
      .filter((r) => REFUNDS_IN_FLIGHT.includes(r.status));
    if (inFlight.length === 0) return payment;
    const now = engine.now();
    if (view.status === 'REFUNDED') {
      for (const refund of inFlight) {
        // Never sent, and the whole charge is back already (refunded elsewhere): sending would be refused.
        if (refund.status === 'requested')
          this.deps.refunds.settle(refund.id, 'failed', { failureReason: 'already_refunded' }, now);
        else this.deps.refunds.settle(refund.id, 'confirmed', {}, now);
      }
    } else if (view.status === 'APPROVED') {
      this.confirmByWebhooks(payment.id, now);
      for (const refund of this.deps.refunds.forPayment(payment.id)) {
        if (refund.status === 'requested') await this.send(refund.id, engine);
      }
      await this.resendCompleting(this.deps.payments.get(payment.id) ?? payment, engine);
    }
    this.keepChecking(payment.id, engine);
    // A refund's news is the payment's news: screens following the payment refresh on this event.
    engine.publish(payment.id);
    return this.deps.payments.get(payment.id) ?? payment;
  }

  /**
   * Each stored `devolucion` webhook (approved, its signature verified) confirms the oldest refund in
   * flight of its amount. See [Note: refund ledger].
   */
  private confirmByWebhooks(paymentId: number, now: number): void {
    for (const event of this.deps.refunds.unusedRefundWebhooks(paymentId)) {
      if (event.signature !== 'verified') continue;
      const raw = event.rawPayload ? (JSON.parse(event.rawPayload) as unknown) : null;
      const facts = webhookFacts(raw);
      const parsed = webhookPayload.safeParse(raw);
      if (!facts?.approved || !parsed.success) continue;
      const amount = webhookCentavos(parsed.data.amount) + webhookCentavos(parsed.data.tip);
      const match = this.deps.refunds
        .forPayment(paymentId)
        .find((r) => (r.status === 'accepted' || r.status === 'unknown') && r.amount === amount);
      if (match) this.deps.refunds.settle(match.id, 'confirmed', { evidenceEventId: event.id }, now);
    }
  }

  /**
   * Re-sends the refund that completes the charge when its answer was lost and Kushki still says
   * APPROVED: safe, because Kushki refunds no more than is left (see [Note: refund ledger]).
   */
  async resendCompleting(payment: Payment, engine: EngineOperations): Promise<void> {
    if (payment.status !== 'approved' && payment.status !== 'refund_requested') return;
    if (this.deps.refunds.committedSum(payment.id) < charged(payment)) return;
    const lost = this.deps.refunds.forPayment(payment.id).filter((r) => r.status === 'unknown');
    const last = lost.at(-1);
    if (lost.length === 1 && last) {
      engine.record(payment, 'refund_resend', {
        refundId: last.id,
        why: 'answer lost; Kushki says APPROVED',
      });
      await this.send(last.id, engine, true);
    }
  }

  /** Keeps the payment on the verification schedule while any of its refunds is in flight. */
  private keepChecking(paymentId: number, engine: EngineOperations): void {
    const open = this.deps.refunds.forPayment(paymentId).some((r) => REFUNDS_IN_FLIGHT.includes(r.status));
    const payment = this.deps.payments.get(paymentId);
    const now = engine.now();
    if (!open || !payment || (payment.nextCheckAt !== null && payment.nextCheckAt > now)) return;
    this.deps.payments.patch(paymentId, { nextCheckAt: now + this.deps.timings.slowIntervalMs }, now);
    engine.schedule();
  }
}
