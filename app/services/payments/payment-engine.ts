/**
 * The payment engine's core: how evidence moves a card payment, and when to verify. Rules from
 * design/payments-lessons.md: the reference is stored before any request (1); a lost answer is
 * unknown, never failed (2); webhooks only trigger get-status, which is the truth (3); transitions
 * are monotonic (4, see [Note: payment monotonicity]); pending payments live in SQLite (6); a
 * schedule verifies when no event comes (8).
 */
import { priceSale } from '../../domain/cart-pricing';
import type { Payment } from '../../domain/payment';
import {
  canTransition,
  holdsMoney,
  isUnresolved,
  type EvidenceSource,
  type PaymentStatus,
} from '../../domain/payment-status';
import { paymentView } from '../../domain/payment-view';
import {
  delayBeforeCheck,
  verificationDeadline,
  type VerificationTimings,
} from '../../domain/verification-schedule';
import type { AuditLog } from '../../ports/audit.port';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { Logger } from '../../ports/logger.port';
import type { KushkiStatusView, PaymentGateway } from '../../ports/payment-gateway.port';
import type { PaymentPatch, PaymentsRepo } from '../../ports/payments.port';
import type { SalesRepo } from '../../ports/sales.port';
import type { SaleStock } from '../../ports/stock.port';
import type { Timers } from '../../ports/timers.port';
import { cartFromSale } from '../../domain/cart';
import type { StatusFollowUps } from './engine-follow-ups';

/** Ports and settings of the engine. */
export interface EngineDeps {
  payments: PaymentsRepo;
  sales: SalesRepo;
  /** The stock a completed sale takes, written inside the completion's transaction (issue 13). */
  stock: SaleStock;
  /** Resolved per call: the environment or key may change while Caja runs. */
  gateway: () => PaymentGateway;
  clock: Clock;
  /** Arms the verification schedule; a manual clock's timers drive it in tests. */
  timers: Timers;
  events: EventBus;
  audit: AuditLog;
  logger: Logger;
  timings: VerificationTimings;
  followUps: StatusFollowUps;
}

/** A decline seen in a webhook, recorded until get-status and a cancel make it final. */
export const DECLINE_PREFIX = 'declined:';

/** Core of the engine, shared by the card, webhook and cash use cases. */
export class PaymentEngine {
  private readonly locks = new Map<number, Promise<unknown>>();
  private cancelTimer: (() => void) | undefined;
  private timerAt = Infinity;
  private stopped = false;

  constructor(private readonly deps: EngineDeps) {}

  /** Runs `work` with no other engine work on the same payment in between. */
  withLock<T>(paymentId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(paymentId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(paymentId, settled);
    void settled.then(() => {
      if (this.locks.get(paymentId) === settled) this.locks.delete(paymentId);
    });
    return next;
  }

  /** The engine's clock: every timestamp it writes comes from here. */
  now(): number {
    return this.deps.clock.now();
  }

  /** Publishes a payment's current view. */
  publish(paymentId: number): void {
    const payment = this.deps.payments.get(paymentId);
    if (payment) this.deps.events.emit('payments.updated', paymentView(payment));
  }

  /** Appends a ledger line for a payment. */
  record(payment: Payment, kind: string, detail: unknown, source = 'engine'): void {
    this.deps.payments.appendEvent(
      {
        paymentId: payment.id,
        uniqueReference: payment.uniqueReference,
        kind,
        source,
        detail: typeof detail === 'string' ? detail : JSON.stringify(detail),
      },
      this.now(),
    );
  }

  /**
   * Moves a payment to `to` if the state machine allows it, recording the transition; returns the
   * stored payment afterwards. Refused moves are recorded too, so the timeline explains them.
   */
  moveTo(payment: Payment, to: PaymentStatus, source: EvidenceSource, patch: PaymentPatch = {}): Payment {
    const now = this.now();
    if (!canTransition(payment.status, to, source)) {
      if (payment.status !== to)
        this.record(payment, 'transition_refused', { from: payment.status, to, source });
      if (Object.keys(patch).length > 0) this.deps.payments.patch(payment.id, patch, now);
      return this.deps.payments.get(payment.id) ?? payment;
    }
    const keepChecking = isUnresolved(to) || to === 'refund_requested';
    const schedule: PaymentPatch = keepChecking ? {} : { nextCheckAt: null };
    const moved = this.deps.payments.transaction(() => {
      const done = this.deps.payments.transition(
        payment.id,
        payment.status,
        to,
        { ...patch, ...schedule },
        now,
      );
      if (done) {
        this.deps.payments.appendEvent(
          {
            paymentId: payment.id,
            uniqueReference: payment.uniqueReference,
            kind: 'transition',
            source,
            fromStatus: payment.status,
            toStatus: to,
          },
          now,
        );
      }
      return done;
    });
    const stored = this.deps.payments.get(payment.id) ?? payment;
    if (!moved) return stored;
    this.publish(payment.id);
    if (holdsMoney(to)) this.completeSaleIfPaid(payment.saleId);
    if (to === 'approved') this.flagIfOverpaid(stored);
    this.schedule();
    return stored;
  }

  /** Applies what get-status (or a cancel refusal) says Kushki holds. See the mapping in the issue's §8 #9. */
  async applyKushkiStatus(payment: Payment, view: KushkiStatusView): Promise<Payment> {
    const facts: PaymentPatch = { kushkiStatus: view.rawStatus };
    if (view.transactionId) facts.transactionId = view.transactionId;
    switch (view.status) {
      case 'APPROVED':
        return payment.status === 'refund_requested'
          ? this.patch(payment, facts)
          : this.moveTo(payment, 'approved', 'kushki_status', facts);
      case 'REFUNDED':
        return this.moveTo(payment, 'refunded', 'kushki_status', facts);
      case 'CANCELLED':
        return this.moveTo(payment, this.whyCancelled(payment, view), 'kushki_status', facts);
      case 'CREATED': {
        const current = this.patch(payment, facts);
        const pending = current.status === 'requested' || current.status === 'unknown';
        const sent = pending ? this.moveTo(current, 'sent', 'kushki_status') : current;
        // A decline leaves Kushki's request CREATED (§8 #9). Cancel it so the decline is final and a
        // retry can start with a new reference; if the customer got approved meanwhile, cancel says so.
        if (sent.failureReason?.startsWith(DECLINE_PREFIX) && isUnresolved(sent.status)) {
          return this.cancelAtKushki(sent);
        }
        return sent;
      }
      default:
        return this.patch(payment, facts);
    }
  }

  /**
   * Why Kushki cancelled a request: a decline we saw, our own cancel, or its ttl running out (told by
   * Kushki's own timestamps, so clock skew between us and Kushki cannot mislabel it); else the
   * customer or clerk cancelled on the terminal.
   */
  private whyCancelled(payment: Payment, view: KushkiStatusView): PaymentStatus {
    if (payment.failureReason?.startsWith(DECLINE_PREFIX)) return 'declined';
    if (payment.cancelRequested) return 'canceled';
    const created = Date.parse(view.creationDate ?? '');
    const updated = Date.parse(view.updateDate ?? '');
    const ttlMs = (payment.ttlSeconds ?? 0) * 1000;
    // Kushki's dates have second precision: allow one second of rounding.
    if (Number.isFinite(created) && Number.isFinite(updated))
      return updated - created >= ttlMs - 1000 ? 'expired' : 'canceled';
    return this.now() >= payment.createdAt + ttlMs ? 'expired' : 'canceled';
  }

  private patch(payment: Payment, patch: PaymentPatch): Payment {
    this.deps.payments.patch(payment.id, patch, this.now());
    return this.deps.payments.get(payment.id) ?? payment;
  }

  /** Asks Kushki to cancel a pending request and applies the answer. Caller holds the lock. */
  async cancelAtKushki(payment: Payment): Promise<Payment> {
    const outcome = await this.deps
      .gateway()
      .cancel(payment.uniqueReference ?? '', payment.terminalSerial ?? '');
    this.record(payment, 'cancel_request', outcome, 'kushki');
    if (outcome.kind === 'not_cancellable') return this.applyKushkiStatus(payment, outcome.view);
    if (outcome.kind === 'cancelled') return this.verify(payment);
    return this.scheduleNext(payment);
  }

  /** Asks get-status and applies the answer. Caller holds the lock. */
  async verify(payment: Payment): Promise<Payment> {
    if (!payment.uniqueReference) return payment;
    const outcome = await this.deps.gateway().getStatus(payment.uniqueReference);
    const checked = this.patch(payment, { checkCount: payment.checkCount + 1 });
    this.record(checked, 'status_check', outcome.kind === 'found' ? outcome.view : outcome, 'kushki');
    if (outcome.kind === 'found') {
      const applied = this.scheduleNext(await this.applyKushkiStatus(checked, outcome.view));
      return this.deps.followUps.afterStatus(applied, outcome.view, this);
    }
    // Never seen by Kushki (no status ever read): the push did not land, whatever we called it since.
    const neverSeen =
      checked.kushkiStatus === null && (checked.status === 'requested' || checked.status === 'unknown');
    if (outcome.kind === 'not_found' && neverSeen) return this.deps.followUps.onNotRegistered(checked, this);
    return this.scheduleNext(checked);
  }

  /**
   * Sets the next verification of a payment still in doubt, and declares it unknown once past its
   * deadline (ttl + grace): it stays verifiable, slowly, until Kushki's answer settles it.
   */
  scheduleNext(payment: Payment): Payment {
    const now = this.now();
    const current = this.deps.payments.get(payment.id) ?? payment;
    if (!isUnresolved(current.status) && current.status !== 'refund_requested') return current;
    const { timings } = this.deps;
    const deadline = verificationDeadline(current.createdAt, current.ttlSeconds ?? 60, timings);
    let next = current;
    if (now >= deadline && (current.status === 'sent' || current.status === 'requested')) {
      next = this.moveTo(current, 'unknown', 'local');
    }
    const slow = next.status === 'unknown' || next.status === 'refund_requested' || now >= deadline;
    const delay = slow ? timings.slowIntervalMs : delayBeforeCheck(next.checkCount, timings);
    this.deps.payments.patch(
      next.id,
      { nextCheckAt: Math.min(now + delay, slow ? Infinity : deadline) },
      now,
    );
    this.schedule();
    return this.deps.payments.get(next.id) ?? next;
  }

  /** Completes the sale once the money it holds covers its total. */
  completeSaleIfPaid(saleId: number): void {
    const now = this.now();
    const completed = this.deps.payments.transaction(() => {
      const sale = this.deps.sales.getSale(saleId);
      if (!sale || sale.status !== 'open') return false;
      const totals = priceSale(sale.lines);
      const held = this.deps.payments.forSale(saleId).filter((p) => holdsMoney(p.status));
      const paid = held.reduce((sum, p) => sum + p.amount, 0);
      if (totals.total === 0 || paid < totals.total) return false;
      // A card sale may complete on a webhook while someone else is signed in: the actor is whoever
      // took the payment that covered the total (the receipt's cashier), not the current session.
      const actorUserId = held.at(-1)?.createdBy ?? null;
      if (!this.deps.sales.completeSale(saleId, totals, now)) return false;
      // Same transaction as the completion: a failed movement rolls the completion back (the sale
      // stays open, paid, and completes on the next try) and a crash never leaves one without the other.
      this.deps.stock.takeForSale(saleId, actorUserId, now);
      return { actorUserId };
    });
    if (!completed) return;
    this.deps.audit.append(
      { action: 'sale.completed', actorUserId: completed.actorUserId, subject: `sale:${saleId}` },
      now,
    );
    this.deps.events.emit('sales.completed', { saleId });
    // The next sale of the counter this one was rung on (issue 17), not of whichever register asks.
    this.deps.events.emit('sales.cart.updated', cartFromSale(this.deps.sales.openSaleBeside(saleId, now)));
  }

  /**
   * An approval for a sale that was already completed (a late approval of an attempt we had given up
   * on, or a second attempt that went through after the first one completed the sale): the customer
   * paid twice. Recorded on the ledger as `overpayment` so the manager's open items list it to refund.
   */
  private flagIfOverpaid(payment: Payment): void {
    const sale = this.deps.sales.getSale(payment.saleId);
    if (!sale || sale.status !== 'completed') return;
    const total = priceSale(sale.lines).total;
    const held = this.deps.payments
      .forSale(sale.id)
      .filter((p) => holdsMoney(p.status))
      .reduce((sum, p) => sum + p.amount, 0);
    if (held <= total) return;
    this.record(payment, 'overpayment', { saleTotal: total, held });
    this.deps.audit.append(
      { action: 'payment.overpayment.detected', subject: `payment:${payment.id}`, details: { held, total } },
      this.now(),
    );
  }

  /** Arms one timer for the earliest due verification. */
  schedule(): void {
    if (this.stopped) return;
    const at = this.deps.payments.nextCheckAt();
    if (at === null || at >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.deps.timers.after(Math.max(0, at - this.now()), () => void this.runDueChecks());
  }

  /** Verifies every payment whose check is due. */
  async runDueChecks(): Promise<void> {
    this.cancelTimer = undefined;
    this.timerAt = Infinity;
    const due = this.deps.payments.dueForCheck(this.now());
    for (const payment of due) {
      this.deps.payments.patch(payment.id, { nextCheckAt: null }, this.now());
      await this.withLock(payment.id, async () => {
        const current = this.deps.payments.get(payment.id);
        if (current) await this.verify(current);
      }).catch((error: unknown) =>
        this.deps.logger.error('verification failed', { paymentId: payment.id, error }),
      );
    }
    this.schedule();
  }

  /** Stops the timer (shutdown). Pending checks stay in SQLite and run at the next start. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }
}
