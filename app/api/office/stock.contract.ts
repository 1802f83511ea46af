/**
 * The manager's office, stock (issue 13, item 4): goods receipts, adjustments, the low-stock list, a
 * product's movements ledger and the inventory at cost. Every `office.*` channel is `manager` (see
 * [Note: the office needs a manager]). Quantities are thousandths of the unit (1 pieza = 1000).
 */
import type {
  AdjustmentReason,
  InventoryValuation,
  LowStockList,
  StockChange,
  StockMovementsPage,
} from '../../domain/office/stock';

export interface StockContract {
  /** Goods received (entrada de mercancía): adds stock; the unit cost becomes the product's cost. */
  'office.stock.receive': {
    policy: 'manager';
    args: { productId: number; quantity: number; unitCost: number; note?: string | undefined };
    result: StockChange;
  };
  /** A hand adjustment with a reason: a signed `delta`, or for a physical count the `counted` quantity. */
  'office.stock.adjust': {
    policy: 'manager';
    args: {
      productId: number;
      reason: AdjustmentReason;
      note?: string | undefined;
      delta?: number | undefined;
      counted?: number | undefined;
    };
    result: StockChange;
  };
  /** Tracked products below their minimum, negative stock included. */
  'office.stock.lowStock': { policy: 'manager'; args: Record<string, never>; result: LowStockList };
  /** A product's ledger, newest first; `before` is the previous page's `nextBefore`. */
  'office.stock.movements': {
    policy: 'manager';
    args: { productId: number; before?: number | undefined; limit?: number | undefined };
    result: StockMovementsPage;
  };
  /** The inventory at cost; products without a cost and with negative stock listed apart. */
  'office.stock.valuation': { policy: 'manager'; args: Record<string, never>; result: InventoryValuation };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const STOCK_CHANNELS = [
  'office.stock.receive',
  'office.stock.adjust',
  'office.stock.lowStock',
  'office.stock.movements',
  'office.stock.valuation',
] as const satisfies readonly (keyof StockContract)[];
