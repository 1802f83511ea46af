import type { CajaApi, TerminalView } from '../../../app/api/contract';
import { isUnresolved } from '../../../app/domain/payment-status';
import type { PaymentView, TenderSummary } from '../../../app/domain/payment-view';
import { formatMXN } from '../format/money';
import type { GetState, SetState } from './store-types';

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
  verifyPayment(): Promise<void>;
  /** Back to the tender form after a final outcome without money. */
  dismissPayment(): void;
  applyPayment(view: PaymentView): void;
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
      const active = get().activePayment;
      // A payment in doubt keeps the panel: leaving it would invite a second charge.
      if (active && isUnresolved(active.status)) return;
      set({ checkoutOpen: false, activePayment: null, completed: null });
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
      if (reply.ok) adopt(reply.value);
      else get().showError(reply.error);
      await get().loadTender();
    },
    async retryCard() {
      const previous = get().lastCardRequest ?? {};
      set({ activePayment: null });
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
        set({
          completed: {
            saleId: reply.value.payment.saleId,
            total: get().tender?.total ?? 0,
            change: reply.value.change,
          },
          activePayment: null,
        });
      } else {
        get().notify('info', 'checkout.cashPartial', { change: formatMXN(reply.value.change) });
      }
      await get().loadTender();
    },
    async cancelPayment() {
      const active = get().activePayment;
      if (!active) return;
      const reply = await api.invoke('payments.cancel', { paymentId: active.id });
      if (reply.ok) adopt(reply.value);
      else get().showError(reply.error);
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
    },
    applyPayment(view) {
      const active = get().activePayment;
      if (active?.id === view.id) adopt(view);
      if (get().tender?.saleId === view.saleId) void get().loadTender();
    },
    applySaleCompleted(saleId) {
      const tender = get().tender;
      const active = get().activePayment;
      if (tender?.saleId !== saleId && active?.saleId !== saleId) return;
      const payments = tender?.saleId === saleId ? tender.payments : [];
      const change = payments.reduce((sum, p) => sum + (p.method === 'cash' ? (p.change ?? 0) : 0), 0);
      const total = tender?.saleId === saleId ? tender.total : (active?.amount ?? 0);
      set((state) => ({
        checkoutOpen: state.checkoutOpen || active?.saleId === saleId,
        completed: state.completed?.saleId === saleId ? state.completed : { saleId, total, change },
        activePayment: null,
      }));
      void get().loadTender();
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
