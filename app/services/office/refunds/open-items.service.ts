/**
 * The manager's open items: what Caja could not settle on its own and a manager should look at.
 *
 * Resolution of an unknown payment (payments-lessons rules 2 and 3): Kushki's get-status is the only
 * thing that moves an unknown payment. A manager may **verify now** and may **add a note** (what the
 * terminal's own history showed, what the customer was told), recorded on the payment's ledger and in
 * the audit log; a note never changes the payment's status, so it can never contradict what Kushki
 * reports later. Caja keeps verifying on its slow schedule meanwhile (domain/verification-schedule.ts).
 */
import { fail, ok, type Result } from '../../../domain/result';
import type { HomeCounts, OpenItems } from '../../../domain/office/refunds';
import type { PaymentView } from '../../../domain/payment-view';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { PaymentsRepo } from '../../../ports/payments.port';
import type { CardPaymentsService } from '../../payments/card-payments.service';
import type { OpenItemsReadModel } from '../../../ports/open-items.port';
import type { RefundsService } from '../../payments/refunds.service';

/** Ports of the open items use cases. */
export interface OpenItemsDeps {
  read: OpenItemsReadModel;
  payments: PaymentsRepo;
  card: CardPaymentsService;
  refunds: RefundsService;
  audit: AuditLog;
  clock: Clock;
}

/** Lists, counts and the manager's actions on open items. */
export class OpenItemsService {
  constructor(private readonly deps: OpenItemsDeps) {}

  home(): HomeCounts {
    return this.deps.read.counts();
  }

  list(): OpenItems {
    const unmatched = this.deps.read.unmatchedWebhooks();
    return {
      unknownPayments: this.deps.read.unknownPayments(),
      unmatchedWebhooks: unmatched,
      // See [Note: unmatched webhooks are capped]: the rest are summed up, never listed one by one.
      unmatchedNotListed: this.deps.read.unmatchedNotListed(unmatched.length),
      unmatchedOverflow: this.deps.read.unmatchedOverflow(),
      overpayments: this.deps.read.overpayments(),
      refundsInFlight: this.deps.refunds.list(),
    };
  }

  /** Verify now: get-status at once; audited, since a manager asked. */
  async verify(paymentId: number, actor: number): Promise<Result<PaymentView>> {
    this.deps.audit.append(
      { action: 'office.payment.verify_now', actorUserId: actor, subject: `payment:${paymentId}` },
      this.deps.clock.now(),
    );
    return this.deps.card.verifyNow(paymentId);
  }

  /** Records who reviewed an unmatched webhook; the webhook itself is kept as it came. */
  acknowledge(
    eventId: number,
    actor: number,
    note: string | undefined,
  ): Result<{ eventId: number; acknowledged: boolean }> {
    const now = this.deps.clock.now();
    const done = this.deps.read.acknowledge(eventId, actor, note ?? null, now);
    if (done === 'not_found') return fail('not_found', `No unmatched webhook ${eventId}`);
    this.deps.audit.append(
      {
        action: 'office.webhook.acknowledged',
        actorUserId: actor,
        subject: `payment_event:${eventId}`,
        details: { firstReview: done, ...(note ? { note } : {}) },
      },
      now,
    );
    return ok({ eventId, acknowledged: true });
  }

  /** A manager's note on an unknown (or any card) payment; it never changes the status. */
  addNote(paymentId: number, note: string, actor: number): Result<{ paymentId: number }> {
    const payment = this.deps.payments.get(paymentId);
    if (!payment || payment.method !== 'card') return fail('not_found', `No card payment ${paymentId}`);
    const now = this.deps.clock.now();
    this.deps.payments.appendEvent(
      {
        paymentId,
        uniqueReference: payment.uniqueReference,
        kind: 'manager_note',
        source: 'manager',
        detail: note,
        actorUserId: actor,
      },
      now,
    );
    this.deps.audit.append(
      {
        action: 'office.payment.note',
        actorUserId: actor,
        subject: `payment:${paymentId}`,
        details: { note },
      },
      now,
    );
    return ok({ paymentId });
  }
}
