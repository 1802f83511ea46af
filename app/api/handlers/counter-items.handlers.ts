import type { Handlers } from '../dispatch';
import type { CounterItemsService } from '../../services/counter-items.service';

/**
 * Handlers of the counter items (issue 14) and of `sales.cart.scan`, which reads scale labels. The
 * area's `office.settings.counter.*` channels are the office's (handlers/office/counter-settings).
 */
export function counterItemsHandlers(
  items: CounterItemsService,
): Pick<Handlers, 'sales.cart.scan' | 'sales.cart.addWeighed' | 'sales.cart.addOpenPrice'> {
  return {
    'sales.cart.scan': ({ code }) => items.scan(code),
    'sales.cart.addWeighed': ({ productId, grams }) => items.addWeighed(productId, grams),
    'sales.cart.addOpenPrice': (args) => items.addOpenPrice(args),
  };
}
