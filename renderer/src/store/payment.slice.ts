import type { CajaApi, TerminalView } from '../../../app/api/contract';
import { isUnresolved } from '../../../app/domain/payment-status';
import type { PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import { formatMXN } from '../format/money';
import { managerPinRefusal, type GetState, type ManagerPinRefusal, type SetState } from './store-types';

/** What the cashier asked the terminal for, kept so a declined charge is retried in one click. */
export interface CardRequest {
  terminalSerial?: string | undefined;
  amount?: number | undefined;
  tip?: number | undefined;
  msi?: number | undefined;
}

/** A sale that just completed, shown until the cashier starts the next one. */
export interface CompletedSale {
  saleId: number;
  total: number;
  change: number;
  /** Card payments of the sale whose cancel came too late: the counter says so and offers the refund. */
  lateCancels: PaymentView[];
  /** Every payment of the sale: leaving this screen means the cashier saw how they ended. */
  paymentIds: number[];
}

/** How a counter refund ended, for the form to explain. */
export type RefundOutcome = 'ok' | ManagerPinRefusal | 'error';

/** `list` with `view` in place of its older copy (or added), when `view` is a too-late cancel. */
function withLateCancel(list: readonly PaymentView[], view: PaymentView): PaymentView[] {
  const current = list.find((p) => p.id === view.id);
  if (current && current.updatedAt > view.updatedAt) return [...list];
  if (!current && view.cancelOutcome !== 'too_late') return [...list];
  return [...list.filter((p) => p.id !== view.id), view];
}

/** Checkout: what the open sale owes, the payment being followed, and the terminals. */
export interface PaymentSlice {
  checkoutOpen: boolean;
  tender: TenderSummary | null;
  terminals: TerminalView[];
  /** The payment the in-progress panel follows (card or the last cash tender). */
  activePayment: PaymentView | null;
  lastCardRequest: CardRequest | null;
  completed: CompletedSale | null;
  busy: boolean;
  openCheckout(): Promise<void>;
  closeCheckout(): void;
  loadTender(): Promise<void>;
  loadTerminals(): Promise<void>;
  startCard(request: CardRequest): Promise<void>;
  retryCard(): Promise<void>;
  payCash(tendered: number, amount?: number): Promise<void>;
  cancelPayment(): Promise<void>;
  /** The counter's refund of a card payment (a manager types a PIN); see [Note: honest cancel]. */
  refundPayment(paymentId: number, managerPin: string): Promise<RefundOutcome>;
  verifyPayment(): Promise<void>;
  /** Back to the tender form after a final outcome without money. */
  dismissPayment(): void;
  applyPayment(view: PaymentView): void;
  /** The open sale's tender as the trusted side announced it (`sales.tender.updated`). */
  applyTender(tender: TenderSummary): void;
  applySaleCompleted(saleId: number): void;
  /** Restores the in-progress panel after a reload or restart when a payment is still in doubt. */
  resumeUnresolved(): Promise<void>;
}

/** Payment actions. The trusted side decides every outcome; this slice only follows its events. */
export function createPaymentSlice(api: CajaApi, set: SetState, get: GetState): PaymentSlice {
  const adopt = (view: PaymentView) => {
    const current = get().activePayment;
    // Events and replies cross: never let an older view of the same payment replace a newer one.
    if (current && current.id === view.id && current.updatedAt > view.updatedAt) return;
    set({ activePayment: view });
  };
  return {
    checkoutOpen: false,
    tender: null,
    terminals: [],
    activePayment: null,
    lastCardRequest: null,
    completed: null,
    busy: false,
    async openCheckout() {
      set({ checkoutOpen: true, completed: null });
      await Promise.all([get().loadTender(), get().terminals.length ? null : get().loadTerminals()]);
    },
    closeCheckout() {
      const { activePayment: active, completed } = get();
      // A payment in doubt keeps the panel: leaving it would invite a second charge.
      if (active && isUnresolved(active.status)) return;
      set({ checkoutOpen: false, activePayment: null, completed: null });
      // See [Note: payments in doubt at start-up]: what the checkout showed needs no second notice.
      get().settledInCheckoutSeen([...(completed?.paymentIds ?? []), ...(active ? [active.id] : [])]);
    },
    async loadTender() {
      const reply = await api.invoke('sales.tender.get', {});
      if (reply.ok) set({ tender: reply.value });
      else get().showError(reply.error);
    },
    async loadTerminals() {
      const reply = await api.invoke('terminals.list', {});
      if (reply.ok) set({ terminals: reply.value });
      else get().showError(reply.error);
    },
    async startCard(request) {
      set({ busy: true, lastCardRequest: request });
      const reply = await api.invoke('payments.card.start', request);
      set({ busy: false });
      if (reply.ok) {
        // The new payment's tender arrives as an event; see applyTender.
        adopt(reply.value);
        return;
      }
      get().showError(reply.error);
      // Refused: what the counter showed may be behind (paid or in doubt elsewhere); read it again.
      await get().loadTender();
    },
    async retryCard() {
      const previous = get().lastCardRequest ?? {};
      const shown = get().activePayment;
      set({ activePayment: null });
      if (shown) get().settledInCheckoutSeen([shown.id]);
      await get().startCard(previous);
    },
    async payCash(tendered, amount) {
      set({ busy: true });
      const reply = await api.invoke('payments.cash.pay', { tendered, ...(amount ? { amount } : {}) });
      set({ busy: false });
      if (!reply.ok) {
        get().showError(reply.error);
        return;
      }
      if (reply.value.saleCompleted) {
        const saleId = reply.value.payment.saleId;
        const already = get().completed;
        // The events of the completed sale usually come first (its tender, then sales.completed):
        // applySaleCompleted built the screen from the tender that held the cash; add the change.
        if (already?.saleId === saleId) {
          const paymentIds = [...new Set([...already.paymentIds, reply.value.payment.id])];
          set({ completed: { ...already, change: reply.value.change, paymentIds }, activePayment: null });
          return;
        }
        set({
          completed: {
            saleId,
            total: get().tender?.total ?? 0,
            change: reply.value.change,
            lateCancels: (get().tender?.payments ?? []).filter(
              (p) => p.saleId === saleId && p.cancelOutcome === 'too_late',
            ),
            paymentIds: [
              ...(get().tender?.payments ?? []).filter((p) => p.saleId === saleId).map((p) => p.id),
              reply.value.payment.id,
            ],
          },
          activePayment: null,
        });
      } else {
        get().notify('info', 'checkout.cashPartial', { change: formatMXN(reply.value.change) });
      }
      // What is still due arrives as `sales.tender.updated`.
    },
    async cancelPayment() {
      const active = get().activePayment;
      if (!active) return;
      const reply = await api.invoke('payments.cancel', { paymentId: active.id });
      // The events of a too-late cancel (approved, sale completed) arrive before this reply: follow
      // the reply like an event, so it cannot bring back a panel the completed sale replaced.
      if (reply.ok) get().applyPayment(reply.value);
      else get().showError(reply.error);
    },
    async refundPayment(paymentId, managerPin) {
      const reply = await api.invoke('payments.refund', { paymentId, managerPin });
      if (reply.ok) {
        get().applyPayment(reply.value);
        return 'ok';
      }
      if (reply.error.code === 'forbidden') return managerPinRefusal(reply.error);
      get().showError(reply.error);
      return 'error';
    },
    async verifyPayment() {
      const active = get().activePayment;
      if (!active) return;
      const reply = await api.invoke('payments.verify', { paymentId: active.id });
      if (reply.ok) adopt(reply.value);
      else get().showError(reply.error);
    },
    dismissPayment() {
      const active = get().activePayment;
      if (active && isUnresolved(active.status)) return;
      set({ activePayment: null });
      if (active) get().settledInCheckoutSeen([active.id]);
    },
    applyPayment(view) {
      const active = get().activePayment;
      if (active?.id === view.id) adopt(view);
      const completed = get().completed;
      if (completed?.saleId === view.saleId) {
        set({ completed: { ...completed, lateCancels: withLateCancel(completed.lateCancels, view) } });
      }
      // The tender follows in its own event (sales.tender.updated): no round trip here.
    },
    applyTender(tender) {
      set({ tender });
    },
    applySaleCompleted(saleId) {
      const tender = get().tender;
      const active = get().activePayment;
      if (tender?.saleId !== saleId && active?.saleId !== saleId) return;
      const payments = tender?.saleId === saleId ? tender.payments : [];
      const change = payments.reduce((sum, p) => sum + (p.method === 'cash' ? (p.change ?? 0) : 0), 0);
      const total = tender?.saleId === saleId ? tender.total : (active?.amount ?? 0);
      // The payment being followed is the newest copy; the tender's list may predate the cancel.
      const seen = active?.saleId === saleId ? [...payments, active] : payments;
      const lateCancels = seen.reduce<PaymentView[]>(withLateCancel, []);
      const paymentIds = [...new Set(seen.map((p) => p.id))];
      set((state) => ({
        checkoutOpen: state.checkoutOpen || active?.saleId === saleId,
        completed:
          state.completed?.saleId === saleId
            ? state.completed
            : { saleId, total, change, lateCancels, paymentIds },
        activePayment: null,
      }));
      // The next open sale's tender arrives as `sales.tender.updated`.
    },
    async resumeUnresolved() {
      await get().loadTender();
      const pending = get().tender?.payments.find((p) => isUnresolved(p.status));
      if (!pending) return;
      set({ checkoutOpen: true, activePayment: pending, lastCardRequest: { amount: pending.amount } });
      if (!get().terminals.length) await get().loadTerminals();
    },
  };
}
