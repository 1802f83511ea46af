/**
 * Card payments on a Kushki terminal: start (reference first), send, cancel, verify, refund.
 * The HTTP answer to a push is never the outcome: approval comes only from get-status.
 */
import { randomUUID } from 'node:crypto';
import { msiAllowed, type Payment } from '../../domain/payment';
import { isUnresolved } from '../../domain/payment-status';
import { paymentView, type PaymentView } from '../../domain/payment-view';
import { fail, ok, type Result } from '../../domain/result';
import type { AuditLog } from '../../ports/audit.port';
import type { Logger } from '../../ports/logger.port';
import type { ActorId, PaymentsRepo } from '../../ports/payments.port';
import type { TerminalsService } from '../terminals.service';
import { DEFAULT_TTL_SECONDS, type CardPushes } from './card-pushes';
import type { EngineOperations } from './engine-follow-ups';
import type { TenderService } from './tender.service';
import type { PaymentGateway } from '../../ports/payment-gateway.port';

/** What the cashier asks for. Amounts in centavos. */
export interface StartCardPayment {
  terminalSerial?: string | undefined;
  amount?: number | undefined;
  tip?: number | undefined;
  msi?: number | undefined;
}

/** A new reference: 32 hex characters, within §8 #20's 64 alphanumerics, sent as identifier and uniqueReference. */
export function newReference(): string {
  return randomUUID().replaceAll('-', '');
}

/** Ports and collaborators of the card use cases. */
export interface CardPaymentsDeps {
  engine: EngineOperations;
  /** The same pushes the engine re-sends through (see [Note: engine follow-ups]). */
  pushes: CardPushes;
  tender: TenderService;
  terminals: Pick<TerminalsService, 'resolve'>;
  payments: PaymentsRepo;
  audit: AuditLog;
  logger: Logger;
  /** Seconds a request waits for a card; DEFAULT_TTL_SECONDS when absent. */
  ttlSeconds?: number | undefined;
  /** Kushki's API as configured now: asked whether a key is set before a charge is recorded. */
  gateway?: () => PaymentGateway;
}

/** Card payment use cases over the engine. */
export class CardPaymentsService {
  private readonly engine: EngineOperations;

  constructor(private readonly deps: CardPaymentsDeps) {
    this.engine = deps.engine;
  }

  /**
   * Rule 1, reference first: the payment, its identifier and uniqueReference are committed in one
   * transaction with the checks (open sale, nothing in doubt, amount due) before any request leaves.
   */
  start(request: StartCardPayment, actor: ActorId): Result<PaymentView> {
    // The key first: a store that has none cannot charge on any terminal, so that is what to fix.
    if (this.deps.gateway?.().hasKey?.() === false) {
      return fail('conflict', 'No Kushki key is configured; a manager sets it in the office.', {
        reason: 'kushki_key_missing',
      });
    }
    const terminal = this.deps.terminals.resolve(request.terminalSerial);
    if (!terminal) {
      return fail('not_found', 'No such terminal; add it in settings first.', { reason: 'terminal_missing' });
    }
    const { payments, audit } = this.deps;
    const now = this.engine.now();
    const ttlSeconds = this.deps.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const created = payments.transaction((): Result<Payment> => {
      const due = this.deps.tender.dueForNewTender();
      if (!due.ok) return due;
      const amount = request.amount ?? due.value.due;
      if (amount <= 0 || amount > due.value.due) {
        return fail(
          'validation_failed',
          `Amount must be between 0.01 and the ${due.value.due} centavos due.`,
        );
      }
      if (!msiAllowed(request.msi ?? 0, amount)) {
        return fail('validation_failed', 'The amount is below the minimum for those interest-free months.');
      }
      const reference = newReference();
      const payment = payments.insert(
        {
          saleId: due.value.saleId,
          method: 'card',
          status: 'requested',
          amount,
          tip: request.tip ?? 0,
          msi: request.msi ?? 0,
          identifier: reference,
          uniqueReference: reference,
          terminalSerial: terminal.serial,
          ttlSeconds,
          createdBy: actor,
        },
        now,
      );
      payments.appendEvent(
        {
          paymentId: payment.id,
          uniqueReference: reference,
          kind: 'created',
          source: 'cashier',
          actorUserId: actor,
        },
        now,
      );
      audit.append(
        {
          action: 'payment.card.started',
          actorUserId: actor,
          subject: `payment:${payment.id}`,
          details: { amount },
        },
        now,
      );
      return ok(payment);
    });
    if (!created.ok) return created;
    this.engine.publish(created.value.id);
    void this.engine.withLock(created.value.id, () => this.deps.pushes.send(created.value.id, this.engine));
    return ok(paymentView(created.value));
  }

  /** Rule 5, honest cancel: a request; Kushki accepts it only while the request is CREATED. */
  async cancel(paymentId: number, actor: ActorId): Promise<Result<PaymentView>> {
    return this.engine.withLock(paymentId, async () => {
      const payment = this.deps.payments.get(paymentId);
      if (!payment || payment.method !== 'card') return fail('not_found', `No card payment ${paymentId}`);
      if (!isUnresolved(payment.status)) {
        return fail('conflict', `The payment is already ${payment.status}; it cannot be cancelled.`, {
          reason: 'payment_final',
        });
      }
      const now = this.engine.now();
      this.deps.payments.patch(payment.id, { cancelRequested: true }, now);
      this.deps.audit.append(
        { action: 'payment.card.cancel_requested', actorUserId: actor, subject: `payment:${payment.id}` },
        now,
      );
      const flagged = this.deps.payments.get(payment.id) ?? payment;
      this.engine.record(flagged, 'cancel_requested', 'cashier asked to cancel', 'cashier');
      // Also when the push is still in doubt ('requested'): it may have landed.
      return ok(paymentView(await this.engine.cancelAtKushki(flagged)));
    });
  }

  /** Verifies now (the "verify now" button; also used after a relay event). */
  async verifyNow(paymentId: number): Promise<Result<PaymentView>> {
    return this.engine.withLock(paymentId, async () => {
      const payment = this.deps.payments.get(paymentId);
      if (!payment || payment.method !== 'card') return fail('not_found', `No card payment ${paymentId}`);
      return ok(paymentView(await this.engine.verify(payment)));
    });
  }

  /** Start-up reconciliation (rule 8): every payment still in doubt is verified, and pending pushes re-sent. */
  async reconcileAll(): Promise<void> {
    for (const payment of this.deps.payments.unresolved()) {
      await this.engine
        .withLock(payment.id, async () => {
          const current = this.deps.payments.get(payment.id);
          if (current) await this.engine.verify(current);
        })
        .catch((error: unknown) =>
          this.deps.logger.error('reconciliation failed', { paymentId: payment.id, error }),
        );
    }
    this.engine.schedule();
  }
}
