import type { Centavos, RateBp } from '../money';

/**
 * A product as the back office edits it (issue 13). The counter keeps its smaller `Product`
 * (domain/catalog.ts); this is the whole record behind it.
 */

/** Units a product is sold and stocked in. */
export const PRODUCT_UNITS = ['pieza', 'kg', 'g', 'l', 'm'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

/**
 * IVA as the SAT distinguishes it: a rate (16 %, 8 % in the border region, 0 % tasa cero) or
 * exento, which charges nothing like tasa 0 but is reported apart.
 */
export type IvaTreatment = { kind: 'rate'; rateBp: RateBp } | { kind: 'exempt' };

/** Stock and quantities in integer thousandths of the unit: 1 pieza = 1000, 1.250 kg = 1250. */
export type Milli = number;
export const MILLI_PER_UNIT = 1000;

export interface ProductRecord {
  id: number;
  sku: string;
  /** Every code the product is found by, the first one printed on labels and receipts. */
  barcodes: string[];
  name: string;
  /** Price with IVA included. */
  price: Centavos;
  iva: IvaTreatment;
  /** Stored as `products.category` (the counter's category grid); shown as Departamento. */
  department: string;
  unit: ProductUnit;
  soldByWeight: boolean;
  cost: Centavos | null;
  trackStock: boolean;
  minStock: Milli | null;
  stock: Milli;
  active: boolean;
}
