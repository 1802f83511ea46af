import type { Handlers } from '../dispatch';
import type { CartService } from '../../services/cart.service';

/** Handlers of the `sales.cart.*` channels. */
export function salesHandlers(
  cart: CartService,
): Pick<
  Handlers,
  | 'sales.cart.get'
  | 'sales.cart.addProduct'
  | 'sales.cart.setQuantity'
  | 'sales.cart.removeLine'
  | 'sales.cart.clear'
  | 'sales.cart.setDiscount'
  | 'sales.cart.park'
  | 'sales.parked.list'
  | 'sales.parked.recall'
> {
  return {
    'sales.cart.get': () => cart.get(),
    'sales.cart.addProduct': ({ productId, quantity }) => cart.addProduct(productId, quantity),
    'sales.cart.setQuantity': ({ lineId, quantity }) => cart.setQuantity(lineId, quantity),
    'sales.cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
    'sales.cart.clear': () => cart.clear(),
    'sales.cart.setDiscount': ({ lineId, discountBp, managerPin }) =>
      cart.setDiscount(lineId, discountBp, managerPin),
    'sales.cart.park': () => cart.park(),
    'sales.parked.list': () => cart.parked(),
    'sales.parked.recall': ({ saleId }) => cart.recall(saleId),
  };
}
