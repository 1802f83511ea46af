/**
 * Webhooks that reach Caja through the relay. Stored first (idempotent by the relay's event id),
 * then treated as a trigger: the engine asks get-status before any final state (rule 3). Events
 * that match no payment are kept for managers, never dropped.
 */
import type { PaymentEngine } from './payment-engine';
import { DECLINE_PREFIX } from './payment-engine';
import { webhookFacts } from './webhook-facts';
import type { PaymentPatch } from '../../ports/payments.port';
import { isUnresolved } from '../../domain/payment-status';
import { WEBHOOK_REPEAT } from '../../domain/office/webhook-marks';

/** One event as the relay client hands it over. */
export interface InboundEvent {
  /** The relay's id for the event: the same id twice is the same event. */
  eventId: string;
  payload: unknown;
  receivedAt: number;
}

/** Consumes relay events. */
export class InboundWebhooksService {
  constructor(private readonly engine: PaymentEngine) {}

  /** Stores the event, then verifies the payment it names. Resolves once the event is stored. */
  accept(event: InboundEvent): { stored: boolean; verification: Promise<void> } {
    const { payments } = this.engine.deps;
    const facts = webhookFacts(event.payload);
    const payment = facts?.uniqueReference ? payments.byReference(facts.uniqueReference) : undefined;
    const detail = facts ? `${facts.kind}:${facts.result}` : 'not a Kushki webhook';
    const stored = payments.appendEvent(
      {
        paymentId: payment?.id ?? null,
        uniqueReference: facts?.uniqueReference ?? null,
        externalId: event.eventId,
        kind: 'webhook',
        source: 'relay',
        detail,
        rawPayload: JSON.stringify(event.payload),
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
          rawPayload: JSON.stringify(event.payload),
        },
        this.engine.now(),
      );
    }
    if (!stored || !payment || !facts) return { stored, verification: Promise.resolve() };
    const verification = this.engine.withLock(payment.id, async () => {
      const current = payments.get(payment.id);
      if (!current) return;
      const patch: PaymentPatch = {};
      if (facts.cardBrand) patch.cardBrand = facts.cardBrand;
      if (facts.cardLast4) patch.cardLast4 = facts.cardLast4;
      // A refund's webhook carries the refund's own authorization: the sale's stays on its receipt.
      if (facts.authorizationCode && facts.approved && facts.kind === 'sale')
        patch.authorizationCode = facts.authorizationCode;
      if (facts.kind === 'sale' && !facts.approved && isUnresolved(current.status)) {
        patch.failureReason = `${DECLINE_PREFIX}${facts.result}`;
      }
      if (Object.keys(patch).length > 0) payments.patch(current.id, patch, this.engine.now());
      await this.engine.verify(payments.get(current.id) ?? current);
    });
    return {
      stored,
      verification: verification.catch((error: unknown) =>
        this.engine.deps.logger.error('webhook verification failed', { paymentId: payment.id, error }),
      ),
    };
  }
}
