import type { CajaApi } from '../../../app/api/contract';
import type { Result } from '../../../app/domain/result';
import type { Cart, ParkedSale } from '../../../app/domain/sale';
import { managerPinRefusal, type GetState, type ManagerPinRefusal, type SetState } from './store-types';

/** The open sale as last reported by the trusted side. */
export interface CartSlice {
  cart: Cart | null;
  loadCart(): Promise<void>;
  applyCart(cart: Cart): void;
  addProduct(productId: number): Promise<boolean>;
  /** Adds by exact barcode or SKU; the product's name, or null when nothing matched. */
  scan(code: string): Promise<string | null>;
  /**
   * Scans with a quantity: `3*7501234567890` (what cashiers type before scanning several of one
   * item) adds the product and sets its line to 3 more than it had; a plain code adds one.
   */
  scanWithQuantity(entry: string): Promise<string | null>;
  setQuantity(lineId: number, quantity: number): Promise<void>;
  removeLine(lineId: number): Promise<void>;
  clearCart(): Promise<void>;
  /** Sets a line's discount; says when a manager's PIN is needed instead of showing an error. */
  setDiscount(
    lineId: number,
    discountBp: number,
    managerPin?: string,
  ): Promise<'ok' | 'needs_manager' | ManagerPinRefusal | 'error'>;
  parked: ParkedSale[];
  parkedOpen: boolean;
  /** Puts the sale on hold and starts a new one. */
  parkSale(): Promise<void>;
  showParked(open: boolean): Promise<void>;
  recallSale(saleId: number): Promise<void>;
}

// A line holds at most 999 of a product (the database's rule since migration 001).
const MAX_LINE_QUANTITY = 999;

/** `3*code` (or `3x code`) → quantity and code; a bare code → quantity 1; null for nothing usable. */
export function parseQuantityEntry(entry: string): { quantity: number; code: string } | null {
  const text = entry.trim();
  const match = /^(\d{1,3})\s*[*xX]\s*(\S+)$/.exec(text);
  if (match) {
    const quantity = Number(match[1]);
    return quantity >= 1 && match[2] ? { quantity, code: match[2] } : null;
  }
  return text ? { quantity: 1, code: text } : null;
}

/** Cart actions: each one calls the API and stores the cart it returns. */
export function createCartSlice(api: CajaApi, set: SetState, get: GetState): CartSlice {
  const settle = (reply: Result<Cart>) => {
    if (reply.ok) {
      get().applyCart(reply.value);
      return true;
    }
    get().showError(reply.error);
    return false;
  };
  return {
    cart: null,
    async loadCart() {
      settle(await api.invoke('sales.cart.get', {}));
    },
    applyCart(cart) {
      // Every change arrives twice (the reply and the `sales.cart.updated` event) and the two can
      // cross. updatedAt grows with each change, so an older or identical copy is dropped: one
      // render per change, and never an older cart over a newer one.
      const current = get().cart;
      if (current && current.saleId === cart.saleId && current.updatedAt >= cart.updatedAt) return;
      set({ cart });
    },
    async addProduct(productId) {
      return settle(await api.invoke('sales.cart.addProduct', { productId }));
    },
    async scan(code) {
      const reply = await api.invoke('sales.cart.scan', { code });
      if (reply.ok) {
        get().applyCart(reply.value.cart);
        return reply.value.product.name;
      }
      // "Not found" is an answer, not a fault: the caller decides what to try next.
      if (reply.error.code !== 'not_found' && reply.error.code !== 'validation_failed')
        get().showError(reply.error);
      return null;
    },
    async scanWithQuantity(entry) {
      const parsed = parseQuantityEntry(entry);
      if (!parsed) return null;
      const before = get().cart?.lines ?? [];
      const reply = await api.invoke('sales.cart.scan', { code: parsed.code });
      if (!reply.ok) {
        if (reply.error.code !== 'not_found' && reply.error.code !== 'validation_failed')
          get().showError(reply.error);
        return null;
      }
      get().applyCart(reply.value.cart);
      if (parsed.quantity > 1) {
        const productId = reply.value.product.id;
        const had = before.find((line) => line.productId === productId)?.quantity ?? 0;
        const line = reply.value.cart.lines.find((l) => l.productId === productId);
        if (line) await get().setQuantity(line.id, Math.min(MAX_LINE_QUANTITY, had + parsed.quantity));
      }
      return reply.value.product.name;
    },
    async setQuantity(lineId, quantity) {
      if (quantity < 1) {
        await get().removeLine(lineId);
        return;
      }
      settle(await api.invoke('sales.cart.setQuantity', { lineId, quantity }));
    },
    async removeLine(lineId) {
      settle(await api.invoke('sales.cart.removeLine', { lineId }));
    },
    async clearCart() {
      settle(await api.invoke('sales.cart.clear', {}));
    },
    async setDiscount(lineId, discountBp, managerPin) {
      const reply = await api.invoke('sales.cart.setDiscount', {
        lineId,
        discountBp,
        ...(managerPin ? { managerPin } : {}),
      });
      if (reply.ok) {
        get().applyCart(reply.value);
        return 'ok';
      }
      // No PIN typed yet: ask for one. A PIN typed: say whose it was not (a cashier's, or nobody's).
      if (reply.error.code === 'forbidden')
        return managerPin ? managerPinRefusal(reply.error) : 'needs_manager';
      get().showError(reply.error);
      return 'error';
    },
    parked: [],
    parkedOpen: false,
    async parkSale() {
      if (settle(await api.invoke('sales.cart.park', {}))) get().notify('info', 'parked.done');
    },
    async showParked(open) {
      set({ parkedOpen: open });
      if (!open) return;
      const reply = await api.invoke('sales.parked.list', {});
      if (reply.ok) set({ parked: reply.value });
      else get().showError(reply.error);
    },
    async recallSale(saleId) {
      // The core puts a non-empty open sale on hold to recall this one: say so, so no basket
      // seems to vanish (issue 14, item 9).
      const swapped = (get().cart?.lines.length ?? 0) > 0;
      if (settle(await api.invoke('sales.parked.recall', { saleId }))) {
        set({ parkedOpen: false });
        get().notify('info', swapped ? 'parked.swapped' : 'parked.recalled');
      }
    },
  };
}
