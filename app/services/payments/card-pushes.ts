/**
 * Sending a card payment's push to the terminal, and what to do when get-status says Kushki never
 * registered it. Built from ports before the engine, which calls `onNotRegistered` back with itself.
 * See [Note: engine follow-ups].
 */
import type { Payment } from '../../domain/payment';
import { verificationDeadline, type VerificationTimings } from '../../domain/verification-schedule';
import type { PaymentGateway } from '../../ports/payment-gateway.port';
import type { PaymentsRepo } from '../../ports/payments.port';
import type { EngineOperations } from './engine-follow-ups';

/** Seconds a request waits on the terminal for a card (§8 #15: the Kushki demo sends 60). */
export const DEFAULT_TTL_SECONDS = 90;

/** Ports of the pushes. */
export interface CardPushesDeps {
  payments: PaymentsRepo;
  /** Resolved per call: the environment or key may change while Caja runs. */
  gateway: () => PaymentGateway;
  timings: VerificationTimings;
  /** The text the terminal shows for a sale; "Venta <id>" by default. */
  description?: ((saleId: number) => string) | undefined;
}

/** The push of a card payment, first or again with the same reference. */
export class CardPushes {
  constructor(private readonly deps: CardPushesDeps) {}

  /** Sends (or re-sends, with the same reference) the push. Caller holds the lock. */
  async send(paymentId: number, engine: EngineOperations): Promise<Payment | undefined> {
    const { payments } = this.deps;
    const payment = payments.get(paymentId);
    if (!payment || (payment.status !== 'requested' && payment.status !== 'unknown')) return payment;
    const outcome = await this.deps.gateway().push({
      serialNumber: payment.terminalSerial ?? '',
      amount: payment.amount,
      tip: payment.tip,
      msi: payment.msi,
      identifier: payment.identifier ?? '',
      uniqueReference: payment.uniqueReference ?? '',
      description: this.deps.description?.(payment.saleId) ?? `Venta ${payment.saleId}`,
      ttlSeconds: payment.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    });
    engine.record(payment, 'push', outcome, 'kushki');
    switch (outcome.kind) {
      case 'queued':
        return engine.scheduleNext(engine.moveTo(payment, 'sent', 'local'));
      case 'duplicate':
        // 004–007: Kushki already holds this reference; get-status says in which state. Never re-charge.
        return engine.verify(payment);
      case 'rejected':
        if (outcome.responseCode === '101') {
          // The terminal was unreachable; make sure the request can never pop up on it later.
          await engine.cancelAtKushki(payment);
        }
        return engine.moveTo(payments.get(payment.id) ?? payment, 'failed', 'local', {
          failureReason: `kushki:${outcome.responseCode}`,
        });
      case 'uncertain':
        // Rule 2: a lost answer is not a failure. Verify; get-status tells whether it landed.
        return engine.scheduleNext(payment);
    }
  }

  /** get-status does not know the reference: the push never landed. Re-send it, or give up after the deadline. */
  async onNotRegistered(payment: Payment, engine: EngineOperations): Promise<Payment> {
    const deadline = verificationDeadline(payment.createdAt, payment.ttlSeconds ?? 60, this.deps.timings);
    if (engine.now() < deadline) {
      engine.record(payment, 'resend', 'get-status does not know the reference; sending again');
      return (await this.send(payment.id, engine)) ?? payment;
    }
    return engine.moveTo(payment, 'failed', 'local', { failureReason: 'never_registered' });
  }
}
