/**
 * Full refunds of approved card payments (`POST /refund` by uniqueReference, §2.5 b). Needs a
 * manager's PIN (payments-lessons rule 10). The outcome arrives by webhook and get-status.
 */
import { paymentView, type PaymentView } from '../../domain/payment-view';
import { fail, ok, type Result } from '../../domain/result';
import type { UsersRepo } from '../../ports/users.port';
import type { PaymentEngine } from './payment-engine';

/** Refund use case. */
export class RefundsService {
  constructor(
    private readonly engine: PaymentEngine,
    private readonly users: UsersRepo,
  ) {}

  /** Requests the refund; a second call re-sends it while the first is unconfirmed. */
  async refund(paymentId: number, managerPin: string): Promise<Result<PaymentView>> {
    const manager = this.users.managerByPin(managerPin);
    if (!manager) return fail('forbidden', 'A manager PIN is required to refund.');
    return this.engine.withLock(paymentId, async () => {
      const payment = this.engine.deps.payments.get(paymentId);
      if (!payment || payment.method !== 'card') return fail('not_found', `No card payment ${paymentId}`);
      if (payment.status !== 'approved' && payment.status !== 'refund_requested') {
        return fail('conflict', `Only approved payments can be refunded; this one is ${payment.status}.`);
      }
      const now = this.engine.now();
      this.engine.deps.audit.append(
        { action: 'payment.refund.requested', actorUserId: manager.id, subject: `payment:${payment.id}` },
        now,
      );
      const outcome = await this.engine.deps.gateway().refund(payment.uniqueReference ?? '');
      this.engine.record(payment, 'refund_request', outcome, 'kushki');
      if (outcome.kind === 'rejected') {
        // Kushki says it cannot be refunded now: check what it holds instead of guessing.
        return ok(paymentView(await this.engine.verify(payment)));
      }
      // Requested, or uncertain: either way the refund may be under way; verification settles it.
      const moved = this.engine.moveTo(payment, 'refund_requested', 'local');
      return ok(paymentView(this.engine.scheduleNext(moved)));
    });
  }
}
