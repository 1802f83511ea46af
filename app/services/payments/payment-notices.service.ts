/**
 * Tells the cashier how the payments in doubt at start-up ended. See [Note: payments in doubt at
 * start-up]. The noted payment ids live in one settings row (as the relay cursor does), beside a
 * ledger line per payment for the manager's timeline: noted, and acknowledged by whom.
 */
import { z } from 'zod';
import { paymentNotice, type PaymentNotice } from '../../domain/payment-notice';
import { isUnresolved } from '../../domain/payment-status';
import type { PaymentView } from '../../domain/payment-view';
import { fail, ok, type Result } from '../../domain/result';
import type { AuditLog } from '../../ports/audit.port';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { Logger } from '../../ports/logger.port';
import type { ActorId, PaymentsRepo } from '../../ports/payments.port';
import type { SalesRepo } from '../../ports/sales.port';
import type { SettingsRepo } from '../../ports/settings.port';

/** The settings row holding the ids of noted payments the cashier has not acknowledged yet. */
export const NOTED_PAYMENTS_KEY = 'counter.paymentNotices';

/** Ledger kinds: noted at start-up, and acknowledged at the counter. */
export const NOTICE_DUE = 'cashier_notice_due';
export const NOTICE_SEEN = 'cashier_notice_seen';

const notedIds = z.array(z.number().int().positive());

/** Ports the notices need. */
export interface PaymentNoticesDeps {
  payments: PaymentsRepo;
  sales: SalesRepo;
  settings: SettingsRepo;
  events: EventBus;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

/** Payments in doubt at start-up, until the cashier has seen how they ended. */
export class PaymentNoticesService {
  constructor(private readonly deps: PaymentNoticesDeps) {}

  /**
   * Notes every card payment still in doubt. Call once at start-up, before anything can verify
   * them: what is in doubt now was in doubt when Caja stopped. Returns the ids noted this time.
   */
  noteInDoubtAtStart(): number[] {
    const { payments } = this.deps;
    const now = this.deps.clock.now();
    return payments.transaction(() => {
      const noted = this.noted();
      const fresh = payments
        .unresolved()
        .filter((p) => p.method === 'card' && isUnresolved(p.status) && !noted.includes(p.id));
      for (const payment of fresh) {
        payments.appendEvent(
          {
            paymentId: payment.id,
            uniqueReference: payment.uniqueReference,
            kind: NOTICE_DUE,
            source: 'engine',
            detail: 'in doubt when Caja stopped; the cashier will be told how it ended',
          },
          now,
        );
      }
      if (fresh.length > 0) this.store([...noted, ...fresh.map((p) => p.id)], now);
      return fresh.map((p) => p.id);
    });
  }

  /** The noted payments that have resolved and are not acknowledged yet, oldest first. */
  list(): PaymentNotice[] {
    const { payments, sales } = this.deps;
    return this.noted().flatMap((id) => {
      const payment = payments.get(id);
      // Still in doubt: the counter's payment panel follows it; the notice waits for its outcome.
      if (!payment || isUnresolved(payment.status)) return [];
      return [paymentNotice(payment, sales.getSale(payment.saleId)?.status === 'completed')];
    });
  }

  /** The cashier has seen how the payment ended: the notice goes, for good. */
  acknowledge(paymentId: number, actor: ActorId): Result<PaymentNotice[]> {
    const { payments, audit } = this.deps;
    const now = this.deps.clock.now();
    const done = payments.transaction((): Result<null> => {
      const noted = this.noted();
      const payment = payments.get(paymentId);
      if (!payment || !noted.includes(paymentId)) {
        return fail('not_found', `No notice for payment ${paymentId}.`);
      }
      if (isUnresolved(payment.status)) {
        return fail('conflict', 'The payment is still being verified; there is nothing to acknowledge yet.');
      }
      this.store(
        noted.filter((id) => id !== paymentId),
        now,
      );
      payments.appendEvent(
        {
          paymentId,
          uniqueReference: payment.uniqueReference,
          kind: NOTICE_SEEN,
          source: 'cashier',
          detail: payment.status,
          actorUserId: actor,
        },
        now,
      );
      audit.append(
        { action: 'payment.notice.acknowledged', actorUserId: actor, subject: `payment:${paymentId}` },
        now,
      );
      return ok(null);
    });
    if (!done.ok) return done;
    const remaining = this.list();
    this.deps.events.emit('payments.notices.changed', { count: remaining.length });
    return ok(remaining);
  }

  /** A payment changed: if it is a noted one that has just resolved, the counter hears there is news. */
  paymentUpdated(view: PaymentView): void {
    if (isUnresolved(view.status) || !this.noted().includes(view.id)) return;
    // Announce after the whole transition: the sale completes right after the payment is published.
    queueMicrotask(() => this.deps.events.emit('payments.notices.changed', { count: this.list().length }));
  }

  private noted(): number[] {
    const raw = this.deps.settings.getPublic(NOTED_PAYMENTS_KEY);
    if (raw === undefined) return [];
    try {
      const parsed = notedIds.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Falls through: a row nobody but this service writes was damaged.
    }
    this.deps.logger.error('unreadable payment notices row; notices are lost', { key: NOTED_PAYMENTS_KEY });
    return [];
  }

  private store(ids: number[], now: number): void {
    this.deps.settings.setPublic(NOTED_PAYMENTS_KEY, JSON.stringify(ids), now);
  }
}
