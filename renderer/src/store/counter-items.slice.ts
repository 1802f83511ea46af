import type { CajaApi } from '../../../app/api/contract';
import type { Product } from '../../../app/domain/catalog';
import type { IvaTreatment } from '../../../app/domain/products/product-record';
import type { GetState, SetState } from './store-types';

/** Items that are not one more piece (issue 14): weighed products and open-price items. */
export interface CounterItemsSlice {
  /** The product waiting for its weight (the weight dialog is open), or null. */
  weighing: Product | null;
  /** Whether the open-price ("Artículo común") dialog is open. */
  openPriceOpen: boolean;
  /** Adds a product, or asks for its weight first when it is sold by weight. */
  addOrWeigh(product: Product): Promise<boolean>;
  /** Opens the weight dialog for a product sold by weight. */
  askWeight(product: Product): void;
  closeWeighing(): void;
  /** Adds the product waiting for its weight; `grams` is thousandths of a kilogram. */
  addWeighed(grams: number): Promise<boolean>;
  showOpenPrice(open: boolean): void;
  /** Adds an open-price item; says when a manager's PIN is needed instead of showing an error. */
  addOpenPrice(item: {
    name: string;
    price: number;
    iva: IvaTreatment;
    managerPin?: string | undefined;
  }): Promise<'ok' | 'needs_manager' | 'error'>;
  /** The notice after a scan or search: "added", or "weigh it" when the weight dialog opened. */
  notifyAdded(name: string): void;
}

/** Weighed and open-price items: each action calls the API and stores the cart it returns. */
export function createCounterItemsSlice(api: CajaApi, set: SetState, get: GetState): CounterItemsSlice {
  return {
    weighing: null,
    openPriceOpen: false,
    async addOrWeigh(product) {
      if (product.soldByWeight) {
        get().askWeight(product);
        return true;
      }
      return get().addProduct(product.id);
    },
    askWeight(product) {
      set({ weighing: product });
    },
    closeWeighing() {
      set({ weighing: null });
    },
    async addWeighed(grams) {
      const product = get().weighing;
      if (!product) return false;
      const reply = await api.invoke('sales.cart.addWeighed', { productId: product.id, grams });
      if (!reply.ok) {
        get().showError(reply.error);
        return false;
      }
      get().applyCart(reply.value);
      set({ weighing: null });
      get().notify('info', 'notices.added', { name: product.name });
      return true;
    },
    showOpenPrice(open) {
      set({ openPriceOpen: open });
    },
    async addOpenPrice(item) {
      const reply = await api.invoke('sales.cart.addOpenPrice', {
        price: item.price,
        iva: item.iva,
        ...(item.name.trim() ? { name: item.name.trim() } : {}),
        ...(item.managerPin ? { managerPin: item.managerPin } : {}),
      });
      if (reply.ok) {
        get().applyCart(reply.value);
        set({ openPriceOpen: false });
        return 'ok';
      }
      if (reply.error.code === 'forbidden') return 'needs_manager';
      get().showError(reply.error);
      return 'error';
    },
    notifyAdded(name) {
      const weighing = get().weighing;
      if (weighing) get().notify('info', 'weigh.prompt', { name: weighing.name });
      else get().notify('info', 'notices.added', { name });
    },
  };
}
