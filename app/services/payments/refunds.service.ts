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
import { fail, ok, type Result } from '../../domain/result';
import { paymentView, type PaymentView } from '../../domain/payment-view';
import type { RefundCreated, RefundPreview, RefundView } from '../../domain/office/refunds';
import { voidOrRefund } from '../../domain/office/void-or-refund';
import type { AuditLog } from '../../ports/audit.port';
import type { PaymentsRepo } from '../../ports/payments.port';
import type { RefundRecord, RefundsRepo } from '../../ports/refunds.port';
import type { ManagerApproval, UsersRepo } from '../../ports/users.port';
import { newReference } from './card-payments.service';
import type { EngineOperations } from './engine-follow-ups';
import { charged, type RefundSettlement } from './refund-settlement';

/** Ports and collaborators of the refund use cases. */
export interface RefundsDeps {
  engine: EngineOperations;
  /** The same settlement the engine runs after each get-status (see [Note: engine follow-ups]). */
  settlement: RefundSettlement;
  payments: PaymentsRepo;
  refunds: RefundsRepo;
  audit: AuditLog;
  users: Pick<UsersRepo, 'nameOf'> & { approveManager: ManagerApproval };
}

/** Refund use cases, shared by the office's channels and the counter's PIN-guarded `payments.refund`. */
export class RefundsService {
  private readonly engine: EngineOperations;
  private readonly refunds: RefundsRepo;
  private readonly users: RefundsDeps['users'];

  constructor(private readonly deps: RefundsDeps) {
    this.engine = deps.engine;
    this.refunds = deps.refunds;
    this.users = deps.users;
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
        const payment = this.deps.payments.get(paymentId);
        if (payment) await this.deps.settlement.resendCompleting(payment, this.engine);
      });
    }
    const payment = this.deps.payments.get(paymentId);
    return payment ? ok(paymentView(payment)) : fail('not_found', `No payment ${paymentId}`);
  }

  /** What a refund of this payment would be now: how much is left, and void or refund (§2.5). */
  preview(paymentId: number): Result<RefundPreview> {
    const payment = this.deps.payments.get(paymentId);
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
    const stored = this.deps.payments.transaction(() => this.store(paymentId, amount, actor));
    if (!stored.ok) return stored;
    return ok(await this.sendStored(stored.value));
  }

  /**
   * The stored half of {@link create}: checks and inserts the refund `requested`, due at once. Runs
   * inside the caller's transaction, so a return by item stores its lines and its refund together
   * (see [Note: returns]); the caller then calls {@link sendStored} after the commit.
   */
  store(paymentId: number, amount: number, actor: number | null): Result<RefundRecord> {
    const { payments, audit } = this.deps;
    const now = this.engine.now();
    const preview = this.preview(paymentId);
    if (!preview.ok) return preview;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > preview.value.refundable) {
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
  }

  /** Sends a refund {@link store} committed, under the payment's lock (see [Note: refund ledger]). */
  async sendStored(stored: RefundRecord): Promise<RefundCreated> {
    const sent = await this.engine.withLock(stored.paymentId, () =>
      this.deps.settlement.send(stored.id, this.engine),
    );
    const payment = this.deps.payments.get(stored.paymentId);
    return { refund: this.view(sent ?? stored), paymentStatus: payment?.status ?? 'approved' };
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
