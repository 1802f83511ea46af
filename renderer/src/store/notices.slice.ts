import type { CajaApi } from '../../../app/api/contract';
import type { PaymentNotice } from '../../../app/domain/payment-notice';
import type { GetState, SetState } from './store-types';

// Enough for a shift; the list only has to outlive the moments between a checkout and its notice.
const SETTLED_KEPT = 50;

/**
 * Payments that were in doubt when Caja stopped and have resolved since, shown on the counter until
 * a cashier acknowledges each. See [Note: payments in doubt at start-up].
 */
export interface NoticesSlice {
  paymentNotices: PaymentNotice[];
  /**
   * Payments whose outcome the checkout itself showed (a resumed payment that resolved on screen)
   * and that the cashier moved on from: their notices count as seen and are acknowledged.
   */
  settledInCheckout: number[];
  loadPaymentNotices(): Promise<void>;
  acknowledgePaymentNotice(paymentId: number): Promise<void>;
  /** The trusted side says the notices changed: reload them if someone is at the counter. */
  applyNoticesChanged(): void;
  /** The cashier left a checkout that showed how these payments ended. */
  settledInCheckoutSeen(paymentIds: readonly number[]): void;
}

/** Notice actions; the trusted side keeps the list, this slice shows it and says when one is seen. */
export function createNoticesSlice(api: CajaApi, set: SetState, get: GetState): NoticesSlice {
  const acknowledgeSettled = () => {
    const settled = get().settledInCheckout;
    for (const notice of get().paymentNotices) {
      if (settled.includes(notice.paymentId)) void get().acknowledgePaymentNotice(notice.paymentId);
    }
  };
  return {
    paymentNotices: [],
    settledInCheckout: [],
    async loadPaymentNotices() {
      const reply = await api.invoke('payments.notices.list', {});
      if (!reply.ok) {
        get().showError(reply.error);
        return;
      }
      set({ paymentNotices: reply.value });
      acknowledgeSettled();
    },
    async acknowledgePaymentNotice(paymentId) {
      const reply = await api.invoke('payments.notices.acknowledge', { paymentId });
      if (reply.ok) set({ paymentNotices: reply.value });
      // Someone else (another window of this register) acknowledged it first.
      else if (reply.error.code === 'not_found')
        set({ paymentNotices: get().paymentNotices.filter((n) => n.paymentId !== paymentId) });
      else get().showError(reply.error);
    },
    applyNoticesChanged() {
      const session = get().session;
      if (session && !session.locked) void get().loadPaymentNotices();
    },
    settledInCheckoutSeen(paymentIds) {
      if (paymentIds.length === 0) return;
      const settled = [...get().settledInCheckout.filter((id) => !paymentIds.includes(id)), ...paymentIds];
      set({ settledInCheckout: settled.slice(-SETTLED_KEPT) });
      acknowledgeSettled();
    },
  };
}

/** The notices to show now: not the payment the checkout is showing, nor one it already showed. */
export function visiblePaymentNotices(state: {
  paymentNotices: PaymentNotice[];
  settledInCheckout: number[];
  activePayment: { id: number } | null;
  completed: { saleId: number } | null;
}): PaymentNotice[] {
  return state.paymentNotices.filter(
    (n) =>
      n.paymentId !== state.activePayment?.id &&
      n.saleId !== state.completed?.saleId &&
      !state.settledInCheckout.includes(n.paymentId),
  );
}
