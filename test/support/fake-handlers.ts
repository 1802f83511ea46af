import type { Handlers } from '../../app/api/dispatch';
import type { Cart } from '../../app/domain/sale';

const emptyCart: Cart = {
  saleId: 1,
  lines: [],
  totals: { subtotal: 0, iva: 0, total: 0, ivaBreakdown: [], itemCount: 0 },
  updatedAt: 0,
};

/** A complete handler map with trivial answers, for dispatch tests that override one channel. */
export function trivialHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info.get': () => ({
      name: 'Caja',
      version: 'test',
      shell: 'web',
      language: 'es-MX',
      storeName: 'Test',
    }),
    'settings.language.set': ({ language }) => ({ language }),
    'catalog.categories.list': () => [],
    'catalog.products.search': () => [],
    'sales.cart.get': () => emptyCart,
    'sales.cart.addProduct': () => emptyCart,
    'sales.cart.scan': () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    'sales.cart.setQuantity': () => emptyCart,
    'sales.cart.removeLine': () => emptyCart,
    'sales.cart.clear': () => emptyCart,
    ...overrides,
  };
}
