import type { Centavos, RateBp } from './money';
import type { ProductUnit } from './products/product-record';

/** A product as the counter sells it. The price includes IVA. */
export interface Product {
  id: number;
  sku: string;
  barcode: string | null;
  name: string;
  price: Centavos;
  ivaRateBp: RateBp;
  category: string;
  active: boolean;
  /** Sold by weight (issue 14): the counter asks for the weight; absent means false. */
  soldByWeight?: boolean | undefined;
  /** The unit the price is per; absent means 'pieza'. */
  unit?: ProductUnit | undefined;
}

/** A category with how many active products it holds, for the category grid. */
export interface Category {
  name: string;
  productCount: number;
}
