import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { StockContract } from '../../../app/api/office/stock.contract';

type AreaChannel = keyof StockContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const stockSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.stock.receive': { productId: 1, quantity: 12_000, unitCost: 1_150, note: 'Factura 123' },
  'office.stock.adjust': { productId: 1, reason: 'shrinkage', delta: -1_000 },
  'office.stock.lowStock': {},
  'office.stock.movements': { productId: 1 },
  'office.stock.valuation': {},
};

const notFound = { ok: false, error: { code: 'not_found', message: 'sample' } } as const;

/** Trivial answers for this area's channels (dispatch tests). */
export const stockTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.stock.receive': () => notFound,
  'office.stock.adjust': () => notFound,
  'office.stock.lowStock': () => ({ items: [] }),
  'office.stock.movements': () => notFound,
  'office.stock.valuation': () => ({ total: 0, valued: [], unknownCost: [], negative: [] }),
};
