/**
 * The office's stock (issue 13, item 4): the append-only movements ledger and the views built on it.
 * Quantities are integer thousandths of the product's unit (Milli: a piece is 1000, 1.250 kg is
 * 1250); money is integer centavos. Pure types, importable by the renderer.
 */
import type { Centavos } from '../money';
import type { Milli, ProductUnit } from '../products/product-record';

/** What a movement records. `import` is written by the catalog import (products area). */
export const STOCK_MOVEMENT_KINDS = ['sale', 'refund', 'receipt', 'adjustment', 'import'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** Why a manager adjusts stock by hand: a physical count, shrinkage (merma), expiry, or other (with text). */
export const ADJUSTMENT_REASONS = ['count', 'shrinkage', 'expiry', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** One row of the ledger as the office shows it. */
export interface StockMovementView {
  id: number;
  productId: number;
  kind: StockMovementKind;
  /** Signed: a sale is negative, a receipt positive. */
  quantity: Milli;
  unitCost: Centavos | null;
  /** An adjustment's reason code, or null for other kinds. */
  adjustmentReason: AdjustmentReason | null;
  /** The manager's note (receipt or adjustment), or null. */
  note: string | null;
  saleId: number | null;
  refundId: number | null;
  userId: number | null;
  userName: string | null;
  at: number;
  /** The product's stock right after this movement (the running sum of the ledger up to it). */
  stockAfter: Milli;
}

/** A product's stock as the stock screens show it. */
export interface StockProductView {
  productId: number;
  sku: string;
  name: string;
  department: string;
  unit: ProductUnit;
  stock: Milli;
  minStock: Milli | null;
  cost: Centavos | null;
}

/** A movement just written and the product's stock after it. */
export interface StockChange {
  movement: StockMovementView;
  product: StockProductView;
}

/** One page of a product's ledger, newest first; pass `nextBefore` as `before` for the next page. */
export interface StockMovementsPage {
  product: StockProductView;
  movements: StockMovementView[];
  nextBefore: number | null;
}

/** Tracked products below their minimum, and every tracked product with negative stock. */
export interface LowStockList {
  /** Stock below the minimum (negative ones included), most short first. */
  items: (StockProductView & { negative: boolean; shortBy: Milli })[];
}

/** One product's value at cost. */
export interface ValuationRow extends StockProductView {
  value: Centavos;
}

/**
 * The inventory at cost: Σ stock × cost over tracked products with stock > 0 and a known cost.
 * Products with stock but no cost, and products below zero, are listed apart and not valued.
 */
export interface InventoryValuation {
  total: Centavos;
  valued: ValuationRow[];
  unknownCost: StockProductView[];
  negative: StockProductView[];
}

/** The value of `stock` thousandths at `cost` per unit, rounded half up to the centavo. */
export function stockValue(stock: Milli, cost: Centavos): Centavos {
  return Math.floor((stock * cost + 500) / 1000);
}

/** Reasons stored in the ledger's `reason` column: a code, and the note after ": " when there is one. */
export function encodeReason(code: AdjustmentReason | null, note: string | null): string | null {
  if (code === null) return note;
  return note ? `${code}: ${note}` : code;
}

/** The inverse of {@link encodeReason} for a movement of `kind`. */
export function decodeReason(
  kind: StockMovementKind,
  stored: string | null,
): { adjustmentReason: AdjustmentReason | null; note: string | null } {
  if (kind !== 'adjustment' || stored === null) return { adjustmentReason: null, note: stored };
  const [code, ...rest] = stored.split(': ');
  const known = (ADJUSTMENT_REASONS as readonly string[]).includes(code ?? '');
  if (!known) return { adjustmentReason: 'other', note: stored };
  return { adjustmentReason: code as AdjustmentReason, note: rest.length > 0 ? rest.join(': ') : null };
}
