import type { Category, Product } from '../domain/catalog';

/** Read access to the product catalog. */
export interface CatalogRepo {
  search(query: { text: string; category?: string | undefined; limit: number }): Product[];
  findById(id: number): Product | undefined;
  /** Exact match on barcode, else on SKU (case-insensitive). Active products only. */
  findByCode(code: string): Product | undefined;
  categories(): Category[];
}
