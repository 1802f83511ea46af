import type { Handlers } from '../../dispatch';
import type { StockContract } from '../../office/stock.contract';
import type { StockService } from '../../../services/office/stock/stock.service';

/** What the stock channels call (built by app/host/build-office.ts). */
export interface StockHandlersDeps {
  stock: StockService;
}

/** Handlers of the office's stock channels. */
export function stockHandlers({ stock }: StockHandlersDeps): Pick<Handlers, keyof StockContract> {
  return {
    'office.stock.receive': (args) => stock.receive(args),
    'office.stock.adjust': ({ productId, reason, note, delta, counted }) =>
      counted !== undefined
        ? stock.adjust({ productId, reason, note, counted })
        : stock.adjust({ productId, reason, note, delta: delta ?? 0 }),
    'office.stock.lowStock': () => stock.lowStock(),
    'office.stock.movements': ({ productId, before, limit }) =>
      stock.movements(productId, before ?? null, limit),
    'office.stock.valuation': () => stock.valuation(),
  };
}
