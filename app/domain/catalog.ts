import type { Centavos, RateBp } from './money';

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
}

/** A category with how many active products it holds, for the category grid. */
export interface Category {
  name: string;
  productCount: number;
}
