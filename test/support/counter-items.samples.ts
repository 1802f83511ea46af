import type { ArgsOf } from '../../app/api/contract';
import type { Handlers } from '../../app/api/dispatch';
import type { CounterItemsContract } from '../../app/api/counter/counter-items.contract';
import { DEFAULT_OPEN_PRICE_LIMIT } from '../../app/domain/counter-settings';
import { DEFAULT_SCALE_LABEL_LAYOUTS } from '../../app/domain/scale-label';
import type { Cart } from '../../app/domain/sale';

type Area = keyof CounterItemsContract;

const emptyCart: Cart = {
  saleId: 1,
  lines: [],
  totals: { subtotal: 0, iva: 0, total: 0, ivaBreakdown: [], itemCount: 0 },
  updatedAt: 0,
};
const defaults = { openPriceLimit: DEFAULT_OPEN_PRICE_LIMIT, scaleLabels: [...DEFAULT_SCALE_LABEL_LAYOUTS] };

/** One valid argument per counter-items channel (issue 14). */
export function counterItemsSampleArgs(ids: { productId: number }): { [C in Area]: ArgsOf<C> } {
  return {
    'sales.cart.addWeighed': { productId: ids.productId, grams: 755 },
    // Under the default limit, so a sweep needs no manager PIN.
    'sales.cart.addOpenPrice': { price: 1500, iva: { kind: 'rate', rateBp: 1600 } },
    'office.settings.counter.get': {},
    'office.settings.counter.save': defaults,
  };
}

/** Trivial answers for the counter-items channels. */
export const counterItemsTrivialHandlers: Pick<Handlers, Area> = {
  'sales.cart.addWeighed': () => emptyCart,
  'sales.cart.addOpenPrice': () => emptyCart,
  'office.settings.counter.get': () => defaults,
  'office.settings.counter.save': (args) => args,
};
