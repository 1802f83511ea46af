/**
 * The engine's collaborators inside a verification, and the narrow view of the engine they get.
 */
import type { Payment } from '../../domain/payment';
import type { KushkiStatusView } from '../../ports/payment-gateway.port';
import type { PaymentEngine } from './payment-engine';

/**
 * [Note: engine follow-ups]
 * Two use cases must act inside a verification: refunds settle (or send) their refunds after every
 * get-status, and the card use case re-sends a push Kushki never registered. They used to overwrite
 * hooks on the engine after building it. Now the follow-up logic lives in small classes built from
 * ports alone (RefundSettlement, CardPushes), built *before* the engine and handed to its
 * constructor; the engine passes itself, as the narrow `EngineOperations`, on each call. So nothing
 * is mutated after construction and there is no cycle between constructors: the services that
 * need both (CardPaymentsService, RefundsService) receive the engine and the follow-up object.
 */

/** The engine as its use cases and follow-ups see it: operations on payments; its ports stay private. */
export type EngineOperations = Pick<
  PaymentEngine,
  | 'now'
  | 'withLock'
  | 'publish'
  | 'record'
  | 'moveTo'
  | 'applyKushkiStatus'
  | 'cancelAtKushki'
  | 'verify'
  | 'scheduleNext'
  | 'schedule'
>;

/** Work other use cases do inside a verification. See [Note: engine follow-ups]. */
export interface StatusFollowUps {
  /** Kushki's status was just read and applied (refunds settle here). Caller holds the lock. */
  afterStatus(payment: Payment, view: KushkiStatusView, engine: EngineOperations): Promise<Payment>;
  /** get-status does not know the reference: re-push or give up. Caller holds the lock. */
  onNotRegistered(payment: Payment, engine: EngineOperations): Promise<Payment>;
}

/** No follow-ups: the status is applied and a request Kushki never saw is simply checked again. */
export const NO_FOLLOW_UPS: StatusFollowUps = {
  afterStatus: async (payment) => payment,
  onNotRegistered: async (payment, engine) => engine.scheduleNext(payment),
};
