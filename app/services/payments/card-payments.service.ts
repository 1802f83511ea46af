/**
 * Card payments on a Kushki terminal: start (reference first), send, cancel, verify, refund.
 * The HTTP answer to a push is never the outcome: approval comes only from get-status.
 */
import { randomUUID } from 'node:crypto';
import { msiAllowed, type Payment } from '../../domain/payment';
import { isUnresolved } from '../../domain/payment-status';
import { paymentView, type PaymentView } from '../../domain/payment-view';
import { fail, ok, type Result } from '../../domain/result';
import { verificationDeadline } from '../../domain/verification-schedule';
import type { ActorId } from '../../ports/payments.port';
import type { TerminalsService } from '../terminals.service';
import type { PaymentEngine } from './payment-engine';
import type { TenderService } from './tender.service';

/** Seconds a request waits on the terminal for a card (§8 #15: the Kushki demo sends 60). */
export const DEFAULT_TTL_SECONDS = 90;

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

/** Card payment use cases over the engine. */
export class CardPaymentsService {
  constructor(
    private readonly engine: PaymentEngine,
    private readonly tender: TenderService,
    private readonly terminals: TerminalsService,
    private readonly options: { ttlSeconds?: number; description?: (saleId: number) => string } = {},
  ) {
    engine.onNotRegistered = (payment) => this.onNotRegistered(payment);
  }

  /**
   * Rule 1, reference first: the payment, its identifier and uniqueReference are committed in one
   * transaction with the checks (open sale, nothing in doubt, amount due) before any request leaves.
   */
  start(request: StartCardPayment, actor: ActorId): Result<PaymentView> {
    const terminal = this.terminals.resolve(request.terminalSerial);
    if (!terminal) return fail('not_found', 'No such terminal; add it in settings first.');
    const { payments, audit } = this.engine.deps;
    const now = this.engine.now();
    const ttlSeconds = this.options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const created = payments.transaction((): Result<Payment> => {
      const due = this.tender.dueForNewTender();
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
    void this.engine.withLock(created.value.id, () => this.send(created.value.id));
    return ok(paymentView(created.value));
  }

  /** Sends (or re-sends, with the same reference) the push. Caller holds the lock. */
  private async send(paymentId: number): Promise<Payment | undefined> {
    const payment = this.engine.deps.payments.get(paymentId);
    if (!payment || (payment.status !== 'requested' && payment.status !== 'unknown')) return payment;
    const outcome = await this.engine.deps.gateway().push({
      serialNumber: payment.terminalSerial ?? '',
      amount: payment.amount,
      tip: payment.tip,
      msi: payment.msi,
      identifier: payment.identifier ?? '',
      uniqueReference: payment.uniqueReference ?? '',
      description: this.options.description?.(payment.saleId) ?? `Venta ${payment.saleId}`,
      ttlSeconds: payment.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    });
    this.engine.record(payment, 'push', outcome, 'kushki');
    switch (outcome.kind) {
      case 'queued':
        return this.engine.scheduleNext(this.engine.moveTo(payment, 'sent', 'local'));
      case 'duplicate':
        // 004–007: Kushki already holds this reference; get-status says in which state. Never re-charge.
        return this.engine.verify(payment);
      case 'rejected':
        if (outcome.responseCode === '101') {
          // The terminal was unreachable; make sure the request can never pop up on it later.
          await this.engine.cancelAtKushki(payment);
        }
        return this.engine.moveTo(this.engine.deps.payments.get(payment.id) ?? payment, 'failed', 'local', {
          failureReason: `kushki:${outcome.responseCode}`,
        });
      case 'uncertain':
        // Rule 2: a lost answer is not a failure. Verify; get-status tells whether it landed.
        return this.engine.scheduleNext(payment);
    }
  }

  /** get-status does not know the reference: the push never landed. Re-send it, or give up after the deadline. */
  private async onNotRegistered(payment: Payment): Promise<Payment> {
    const deadline = verificationDeadline(
      payment.createdAt,
      payment.ttlSeconds ?? 60,
      this.engine.deps.timings,
    );
    if (this.engine.now() < deadline) {
      this.engine.record(payment, 'resend', 'get-status does not know the reference; sending again');
      return (await this.send(payment.id)) ?? payment;
    }
    return this.engine.moveTo(payment, 'failed', 'local', { failureReason: 'never_registered' });
  }

  /** Rule 5, honest cancel: a request; Kushki accepts it only while the request is CREATED. */
  async cancel(paymentId: number, actor: ActorId): Promise<Result<PaymentView>> {
    return this.engine.withLock(paymentId, async () => {
      const payment = this.engine.deps.payments.get(paymentId);
      if (!payment || payment.method !== 'card') return fail('not_found', `No card payment ${paymentId}`);
      if (!isUnresolved(payment.status)) {
        return fail('conflict', `The payment is already ${payment.status}; it cannot be cancelled.`);
      }
      const now = this.engine.now();
      this.engine.deps.payments.patch(payment.id, { cancelRequested: true }, now);
      this.engine.deps.audit.append(
        { action: 'payment.card.cancel_requested', actorUserId: actor, subject: `payment:${payment.id}` },
        now,
      );
      const flagged = this.engine.deps.payments.get(payment.id) ?? payment;
      this.engine.record(flagged, 'cancel_requested', 'cashier asked to cancel', 'cashier');
      // Also when the push is still in doubt ('requested'): it may have landed.
      return ok(paymentView(await this.engine.cancelAtKushki(flagged)));
    });
  }

  /** Verifies now (the "verify now" button; also used after a relay event). */
  async verifyNow(paymentId: number): Promise<Result<PaymentView>> {
    return this.engine.withLock(paymentId, async () => {
      const payment = this.engine.deps.payments.get(paymentId);
      if (!payment || payment.method !== 'card') return fail('not_found', `No card payment ${paymentId}`);
      return ok(paymentView(await this.engine.verify(payment)));
    });
  }

  /** Start-up reconciliation (rule 8): every payment still in doubt is verified, and pending pushes re-sent. */
  async reconcileAll(): Promise<void> {
    for (const payment of this.engine.deps.payments.unresolved()) {
      await this.engine
        .withLock(payment.id, async () => {
          const current = this.engine.deps.payments.get(payment.id);
          if (current) await this.engine.verify(current);
        })
        .catch((error: unknown) =>
          this.engine.deps.logger.error('reconciliation failed', { paymentId: payment.id, error }),
        );
    }
    this.engine.schedule();
  }
}
