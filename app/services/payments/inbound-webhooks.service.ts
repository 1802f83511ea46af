/**
 * Webhooks that reach Caja through the relay. Stored first (idempotent by the relay's event id),
 * then treated as a trigger: the engine asks get-status before any final state (rule 3). Card
 * fields, which only a webhook carries, are written once (see [Note: card facts are written once]).
 *
 * [Note: unmatched webhooks are capped]
 * Events that match no payment are kept for managers, but not without bound: anyone with the
 * ingress URL can post them (issue 11 finding 6 stored 2,000 forged ones, +44 MiB, all listed).
 * Up to UNMATCHED_KEPT_IN_FULL unverified ones that no manager has reviewed are stored in full;
 * past that, each is only counted, per store day and kind (`unmatched_webhook_overflow`), and the
 * office's open items say "N more similar notices". Capping rather than paging, because paging
 * still stores every forged body; counting rather than dropping, because a manager must still see
 * that they came. Reviewing rows makes room again (a person's pace, not a forger's). Webhooks whose
 * Billpocket signature was verified are always stored in full: nobody can forge those. A genuine
 * unverified one that arrives during a flood is counted, not lost from sight; Kushki's get-status
 * for our own payments does not depend on it (the engine verifies every payment on a schedule).
 */
import { DEFAULT_STORE_TIME_ZONE, type StoreTimeZone } from '../../domain/store-time-zone';
import type { EngineOperations } from './engine-follow-ups';
import { DECLINE_PREFIX } from './payment-engine';
import { webhookFacts, type WebhookFacts } from './webhook-facts';
import { CARD_FACTS_KEPT, decideCardFacts } from './card-facts';
import type { Logger } from '../../ports/logger.port';
import type { PaymentPatch, PaymentsRepo, UnmatchedKind } from '../../ports/payments.port';
import type { Payment, WebhookSignature } from '../../domain/payment';
import { isUnresolved } from '../../domain/payment-status';
import { WEBHOOK_REPEAT } from '../../domain/office/webhook-marks';
import { storeDayOf } from '../../domain/office/store-day';
import { UNMATCHED_KEPT_IN_FULL } from '../../domain/office/refunds';

/** One event as the relay client hands it over. */
export interface InboundEvent {
  /** The relay's id for the event: the same id twice is the same event. */
  eventId: string;
  payload: unknown;
  receivedAt: number;
  /** Billpocket's signature as the relay judged it; unverified when nobody said. */
  signature?: WebhookSignature;
}

/** Ports and the engine the inbound webhooks need. */
export interface InboundWebhooksDeps {
  engine: EngineOperations;
  payments: PaymentsRepo;
  logger: Logger;
  /** The store's zone, for the per-day count of unmatched notices past the cap (default Mexico City). */
  timeZone?: () => StoreTimeZone;
}

/** Consumes relay events. */
export class InboundWebhooksService {
  private readonly engine: EngineOperations;

  constructor(private readonly deps: InboundWebhooksDeps) {
    this.engine = deps.engine;
  }

  /**
   * Stores the event (or, past the cap for unmatched ones, counts it), writes the card fields it
   * may set, then verifies the payment it names. Synchronous up to the verification, so the relay
   * inbox stores all of it with the cursor in one transaction. `stored` is false when no new row
   * was written (a repeat, or an unmatched one only counted).
   */
  accept(event: InboundEvent): { stored: boolean; verification: Promise<void> } {
    const { payments } = this.deps;
    const signature = event.signature ?? 'unverified';
    const facts = webhookFacts(event.payload);
    const payment = facts?.uniqueReference ? payments.byReference(facts.uniqueReference) : undefined;
    if (!payment && !this.keepUnmatched(signature)) {
      const now = this.engine.now();
      const zone = this.deps.timeZone?.() ?? DEFAULT_STORE_TIME_ZONE;
      payments.countUnmatchedOverflow(storeDayOf(now, zone), unmatchedKind(facts), now);
      return { stored: false, verification: Promise.resolve() };
    }
    const detail = facts ? `${facts.kind}:${facts.result}` : 'not a Kushki webhook';
    const rawPayload = JSON.stringify(event.payload);
    const stored = payments.appendEvent(
      {
        paymentId: payment?.id ?? null,
        uniqueReference: facts?.uniqueReference ?? null,
        externalId: event.eventId,
        kind: 'webhook',
        source: 'relay',
        detail,
        rawPayload,
        signature,
      },
      this.engine.now(),
    );
    if (!stored && payment) {
      // The same relay event again (the stream resends what was not acked): the ledger keeps one row
      // per event id, so the repeat is recorded apart for the manager's timeline and changes nothing.
      // See [Note: webhook marks].
      payments.appendEvent(
        {
          paymentId: payment.id,
          uniqueReference: facts?.uniqueReference ?? null,
          kind: WEBHOOK_REPEAT,
          source: 'relay',
          detail,
          rawPayload,
          signature,
        },
        this.engine.now(),
      );
    }
    if (!stored || !payment || !facts) return { stored, verification: Promise.resolve() };
    const cardWritten = this.applyCardFacts(payment.id, facts, signature);
    const verification = this.engine.withLock(payment.id, async () => {
      const current = payments.get(payment.id);
      if (!current) return;
      // Published from here, after the inbox's transaction: screens never see fields rolled back.
      if (cardWritten) this.engine.publish(current.id);
      const patch: PaymentPatch = {};
      if (facts.kind === 'sale' && !facts.approved && isUnresolved(current.status)) {
        patch.failureReason = `${DECLINE_PREFIX}${facts.result}`;
      }
      if (Object.keys(patch).length > 0) payments.patch(current.id, patch, this.engine.now());
      await this.engine.verify(payments.get(current.id) ?? current);
    });
    return {
      stored,
      verification: verification.catch((error: unknown) =>
        this.deps.logger.error('webhook verification failed', { paymentId: payment.id, error }),
      ),
    };
  }

  /** Whether an unmatched webhook is stored in full. See [Note: unmatched webhooks are capped]. */
  private keepUnmatched(signature: WebhookSignature): boolean {
    return signature === 'verified' || this.deps.payments.unmatchedToReview() < UNMATCHED_KEPT_IN_FULL;
  }

  /**
   * Card fields at once, with the event, not after the lock: no engine work writes them, and the
   * write must be stored (or fail) with the event itself. True when the fields were written.
   * See [Note: card facts are written once].
   */
  private applyCardFacts(paymentId: number, facts: WebhookFacts, signature: WebhookSignature): boolean {
    const { payments } = this.deps;
    const current: Payment | undefined = payments.get(paymentId);
    if (!current) return false;
    const decision = decideCardFacts(current, facts, signature);
    if (decision.action === 'write') {
      payments.patch(paymentId, decision.patch, this.engine.now());
      return true;
    }
    if (decision.action === 'keep' && decision.differs) {
      this.engine.record(
        current,
        CARD_FACTS_KEPT,
        {
          kept: {
            brand: current.cardBrand,
            last4: current.cardLast4,
            authorization: current.authorizationCode,
          },
          offered: { brand: facts.cardBrand, last4: facts.cardLast4, authorization: facts.authorizationCode },
          signature,
        },
        'relay',
      );
    }
    return false;
  }
}

/** The overflow kind of an unmatched event. */
function unmatchedKind(facts: WebhookFacts | null): UnmatchedKind {
  return facts ? facts.kind : 'not_webhook';
}
