/**
 * Counter items of issue 14 (items 4 and 5): lines sold by weight, open-price items ("artículo
 * común") and their settings (open-price limit, scale-label layouts). Scale labels themselves come
 * through `sales.cart.scan`, which reads them (see [Note: scale label layouts]).
 */
import type { CounterSettings } from '../../domain/counter-settings';
import type { IvaTreatment } from '../../domain/products/product-record';
import type { Cart } from '../../domain/sale';

export interface CounterItemsContract {
  /** Adds a product sold by weight: `grams` is the weight in thousandths of a kilogram (0.755 kg = 755). */
  'sales.cart.addWeighed': { policy: 'session'; args: { productId: number; grams: number }; result: Cart };
  /**
   * Adds an item not in the catalog: optional name ("Artículo común" when none), price in centavos
   * (IVA included), IVA. Above the store's limit a manager is signed in or types `managerPin`
   * (`forbidden` otherwise, like a discount).
   */
  'sales.cart.addOpenPrice': {
    policy: 'session';
    args: { name?: string | undefined; price: number; iva: IvaTreatment; managerPin?: string | undefined };
    result: Cart;
  };
  'office.settings.counter.get': { policy: 'manager'; args: Record<string, never>; result: CounterSettings };
  /** Saves the open-price limit and the scale-label layouts; a layout that does not add up is refused. */
  'office.settings.counter.save': { policy: 'manager'; args: CounterSettings; result: CounterSettings };
}

/** This area's channels. */
export const COUNTER_ITEMS_CHANNELS = [
  'sales.cart.addWeighed',
  'sales.cart.addOpenPrice',
  'office.settings.counter.get',
  'office.settings.counter.save',
] as const satisfies readonly (keyof CounterItemsContract)[];
