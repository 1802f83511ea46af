/**
 * Refunds of approved card payments, full or partial (`POST /refund` with `refundAmount`, §2.5).
 *
 * [Note: refund ledger]
 * A refund is its own record (table `refunds`), tracked like a payment (payments-lessons rules 1–4):
 * - **Stored before sent**: the row is inserted `requested` in one transaction with the checks (card,
 *   approved, the sum of refunds not failed within amount + tip — a trigger refuses it too), and the
 *   payment gets a verification due, so a crash at any point resumes from SQLite.
 * - **Marked before the POST**: `sent_at` is set and the refund is `unknown` while the request is in
 *   the air. After a restart, `requested` (never sent) is sent now — the same record, never a new one;
 *   `unknown` is never re-sent blindly, because Kushki's `/refund` carries no refund reference of its
 *   own and a second partial refund of the same amount would be paid twice. The one safe re-send is of
 *   the refund that completes the charge: Kushki refuses to refund more than is left.
 * - **Webhook and get-status settle it**: a 2xx is `accepted`, not done. A `devolucion` webhook for the
 *   payment with the refund's amount confirms it (each webhook confirms one refund), but only one
 *   whose Billpocket signature the relay verified: anyone with the ingress URL can post an approved
 *   `devolucion` (issue 11 finding 4). get-status `REFUNDED` confirms every refund in flight (the
 *   whole charge is back). get-status cannot tell a partial refund (it stays APPROVED), so for those
 *   a verified webhook is the only evidence there is: an unverified one triggers a get-status (like
 *   any webhook) and is kept on the timeline, and the partial refund stays `accepted` — Kushki took
 *   the request, nothing confirms it happened — for the manager to see, until a verified webhook
 *   comes or the charge is refunded in full.
 * - The payment moves to `refund_requested` when the refund completing the charge is sent, and to
 *   `refunded` only on get-status REFUNDED (the engine's state machine).
 */
import { decimalStringToCentavos } from '../../domain/money';
import { fail, ok, type Result } from '../../domain/result';
import { paymentView, type PaymentView } from '../../domain/payment-view';
import type { Payment } from '../../domain/payment';
import {
  REFUNDS_IN_FLIGHT,
  type RefundCreated,
  type RefundPreview,
  type RefundView,
} from '../../domain/office/refunds';
import { voidOrRefund } from '../../domain/office/void-or-refund';
import type { KushkiStatusView } from '../../ports/payment-gateway.port';
import type { RefundRecord, RefundsRepo } from '../../ports/refunds.port';
import type { ManagerApproval, UsersRepo } from '../../ports/users.port';
import { newReference } from './card-payments.service';
import type { PaymentEngine } from './payment-engine';
import { webhookFacts, webhookPayload } from './webhook-facts';

/** What a card charge is worth to refund: the amount plus the tip (Kushki refunds both). */
function charged(payment: Payment): number {
  return payment.amount + payment.tip;
}

/** Centavos in a webhook's two-decimal strings ("150.00"); 0 when absent or unreadable. */
function webhookCentavos(text: string | undefined): number {
  return decimalStringToCentavos((text ?? '').trim()) ?? 0;
}

/** Refund use cases, shared by the office's channels and the counter's PIN-guarded `payments.refund`. */
export class RefundsService {
  constructor(
    private readonly engine: PaymentEngine,
    private readonly users: Pick<UsersRepo, 'nameOf'> & { approveManager: ManagerApproval },
    private readonly refunds: RefundsRepo,
  ) {
    engine.afterStatus = (payment, view) => this.afterStatus(payment, view);
  }

  /** The counter's full refund with a manager PIN: refunds what is left; a second call re-sends it. */
  async refund(paymentId: number, managerPin: string): Promise<Result<PaymentView>> {
    const approval = await this.users.approveManager(managerPin);
    if (!approval.ok) return approval;
    const manager = approval.value;
    const preview = this.preview(paymentId);
    if (!preview.ok) return preview;
    if (preview.value.refundable > 0) {
      const created = await this.create(paymentId, preview.value.refundable, manager.id);
      if (!created.ok) return created;
    } else {
      await this.engine.withLock(paymentId, async () => {
        const payment = this.engine.deps.payments.get(paymentId);
        if (payment) await this.resendCompleting(payment);
      });
    }
    const payment = this.engine.deps.payments.get(paymentId);
    return payment ? ok(paymentView(payment)) : fail('not_found', `No payment ${paymentId}`);
  }

  /** What a refund of this payment would be now: how much is left, and void or refund (§2.5). */
  preview(paymentId: number): Result<RefundPreview> {
    const payment = this.engine.deps.payments.get(paymentId);
    if (!payment || payment.method !== 'card') return fail('not_found', `No card payment ${paymentId}`);
    if (payment.status !== 'approved' && payment.status !== 'refund_requested') {
      return fail('conflict', `Only approved payments can be refunded; this one is ${payment.status}.`);
    }
    const already = this.refunds.committedSum(payment.id);
    const approvedAt = this.refunds.approvedAt(payment.id) ?? payment.updatedAt;
    const rule = voidOrRefund(approvedAt, this.engine.now());
    return ok({
      paymentId: payment.id,
      charged: charged(payment),
      refundable: Math.max(0, charged(payment) - already),
      alreadyRefunded: already,
      kind: rule.kind,
      cutoffAt: rule.cutoffAt,
      approvedAt,
      paymentStatus: payment.status,
      cardBrand: payment.cardBrand,
      cardLast4: payment.cardLast4,
    });
  }

  /** Refunds of one payment, or every refund still in flight. */
  list(paymentId?: number): RefundView[] {
    const rows = paymentId === undefined ? this.refunds.inFlight() : this.refunds.forPayment(paymentId);
    return rows.map((r) => this.view(r));
  }

  /** Stores the refund (reference first), then sends it. `amount` in centavos. */
  async create(paymentId: number, amount: number, actor: number | null): Promise<Result<RefundCreated>> {
    const { payments, audit } = this.engine.deps;
    const now = this.engine.now();
    const stored = payments.transaction((): Result<RefundRecord> => {
      const preview = this.preview(paymentId);
      if (!preview.ok) return preview;
      if (amount <= 0 || amount > preview.value.refundable) {
        return fail(
          'conflict',
          `The refund must be between 0.01 and the ${preview.value.refundable} centavos left to refund.`,
        );
      }
      const refund = this.refunds.insert(
        { paymentId, amount, kind: preview.value.kind, reference: `rf${newReference()}`, requestedBy: actor },
        now,
      );
      // Due at once: if Caja stops before the POST, the next start finds and sends it.
      payments.patch(paymentId, { nextCheckAt: now }, now);
      payments.appendEvent(
        {
          paymentId,
          uniqueReference: payments.get(paymentId)?.uniqueReference ?? null,
          kind: 'refund_created',
          source: 'manager',
          detail: JSON.stringify({ refundId: refund.id, amount, kind: refund.kind }),
          actorUserId: actor,
        },
        now,
      );
      audit.append(
        {
          action: 'payment.refund.requested',
          actorUserId: actor,
          subject: `payment:${paymentId}`,
          details: { refundId: refund.id, amount, kind: refund.kind, reference: refund.reference },
        },
        now,
      );
      return ok(refund);
    });
    if (!stored.ok) return stored;
    const sent = await this.engine.withLock(paymentId, () => this.send(stored.value.id));
    const payment = payments.get(paymentId);
    return ok({ refund: this.view(sent ?? stored.value), paymentStatus: payment?.status ?? 'approved' });
  }

  /**
   * Sends a refund never sent, or re-sends one (`resend`, only where that is safe: see
   * [Note: refund ledger]). Caller holds the payment's lock.
   */
  private async send(refundId: number, resend = false): Promise<RefundRecord | undefined> {
    const { payments } = this.engine.deps;
    const refund = this.refunds.get(refundId);
    const payment = refund ? payments.get(refund.paymentId) : undefined;
    const sendable = refund?.status === 'requested' || (resend && refund?.status === 'unknown');
    if (!refund || !payment || !sendable) return refund;
    this.refunds.markSending(refund.id, this.engine.now());
    const outcome = await this.engine.deps.gateway().refund(payment.uniqueReference ?? '', refund.amount);
    this.engine.record(
      payment,
      'refund_request',
      { refundId: refund.id, amount: refund.amount, outcome },
      'kushki',
    );
    const now = this.engine.now();
    const completes = this.refunds.committedSum(payment.id) >= charged(payment);
    switch (outcome.kind) {
      case 'requested':
        this.refunds.settle(refund.id, 'accepted', {}, now);
        if (completes) this.engine.moveTo(payment, 'refund_requested', 'local');
        break;
      case 'uncertain':
        // Rule 2: maybe it landed. Stays unknown; a webhook or get-status settles it.
        if (completes) this.engine.moveTo(payment, 'refund_requested', 'local');
        break;
      case 'not_refundable':
        if (outcome.view.status === 'REFUNDED' && completes && refund.sendCount > 0) {
          // A re-send of the completing refund: Kushki already holds the charge as refunded.
          this.refunds.settle(refund.id, 'confirmed', {}, now);
        } else {
          this.refunds.settle(
            refund.id,
            'failed',
            { failureReason: `kushki:${outcome.view.rawStatus}` },
            now,
          );
        }
        await this.engine.applyKushkiStatus(payments.get(payment.id) ?? payment, outcome.view);
        break;
      case 'rejected':
        this.refunds.settle(refund.id, 'failed', { failureReason: `kushki:${outcome.responseCode}` }, now);
        break;
    }
    this.keepChecking(payment.id);
    this.engine.publish(payment.id);
    return this.refunds.get(refund.id);
  }

  /** After every get-status of a payment: settle, send or re-send its refunds in flight. */
  private async afterStatus(payment: Payment, view: KushkiStatusView): Promise<Payment> {
    const inFlight = this.refunds.forPayment(payment.id).filter((r) => REFUNDS_IN_FLIGHT.includes(r.status));
    if (inFlight.length === 0) return payment;
    const now = this.engine.now();
    if (view.status === 'REFUNDED') {
      for (const refund of inFlight) {
        // Never sent, and the whole charge is back already (refunded elsewhere): sending would be refused.
        if (refund.status === 'requested')
          this.refunds.settle(refund.id, 'failed', { failureReason: 'already_refunded' }, now);
        else this.refunds.settle(refund.id, 'confirmed', {}, now);
      }
    } else if (view.status === 'APPROVED') {
      this.confirmByWebhooks(payment.id);
      for (const refund of this.refunds.forPayment(payment.id)) {
        if (refund.status === 'requested') await this.send(refund.id);
      }
      await this.resendCompleting(this.engine.deps.payments.get(payment.id) ?? payment);
    }
    this.keepChecking(payment.id);
    // A refund's news is the payment's news: screens following the payment refresh on this event.
    this.engine.publish(payment.id);
    return this.engine.deps.payments.get(payment.id) ?? payment;
  }

  /**
   * Each stored `devolucion` webhook (approved, its signature verified) confirms the oldest refund in
   * flight of its amount. See [Note: refund ledger].
   */
  private confirmByWebhooks(paymentId: number): void {
    for (const event of this.refunds.unusedRefundWebhooks(paymentId)) {
      if (event.signature !== 'verified') continue;
      const raw = event.rawPayload ? (JSON.parse(event.rawPayload) as unknown) : null;
      const facts = webhookFacts(raw);
      const parsed = webhookPayload.safeParse(raw);
      if (!facts?.approved || !parsed.success) continue;
      const amount = webhookCentavos(parsed.data.amount) + webhookCentavos(parsed.data.tip);
      const match = this.refunds
        .forPayment(paymentId)
        .find((r) => (r.status === 'accepted' || r.status === 'unknown') && r.amount === amount);
      if (match) this.refunds.settle(match.id, 'confirmed', { evidenceEventId: event.id }, this.engine.now());
    }
  }

  /**
   * Re-sends the refund that completes the charge when its answer was lost and Kushki still says
   * APPROVED: safe, because Kushki refunds no more than is left (see [Note: refund ledger]).
   */
  private async resendCompleting(payment: Payment): Promise<void> {
    if (payment.status !== 'approved' && payment.status !== 'refund_requested') return;
    if (this.refunds.committedSum(payment.id) < charged(payment)) return;
    const lost = this.refunds.forPayment(payment.id).filter((r) => r.status === 'unknown');
    const last = lost.at(-1);
    if (lost.length === 1 && last) {
      this.engine.record(payment, 'refund_resend', {
        refundId: last.id,
        why: 'answer lost; Kushki says APPROVED',
      });
      await this.send(last.id, true);
    }
  }

  /** Keeps the payment on the verification schedule while any of its refunds is in flight. */
  private keepChecking(paymentId: number): void {
    const open = this.refunds.forPayment(paymentId).some((r) => REFUNDS_IN_FLIGHT.includes(r.status));
    const payment = this.engine.deps.payments.get(paymentId);
    const now = this.engine.now();
    if (!open || !payment || (payment.nextCheckAt !== null && payment.nextCheckAt > now)) return;
    this.engine.deps.payments.patch(
      paymentId,
      { nextCheckAt: now + this.engine.deps.timings.slowIntervalMs },
      now,
    );
    this.engine.schedule();
  }

  private view(record: RefundRecord): RefundView {
    // The send count and the evidence row stay on the trusted side.
    const { sendCount, evidenceEventId, ...shown } = record;
    void sendCount;
    void evidenceEventId;
    const name = record.requestedBy === null ? undefined : this.users.nameOf(record.requestedBy);
    return { ...shown, requestedByName: name ?? null };
  }
}
