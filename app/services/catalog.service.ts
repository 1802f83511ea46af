import type { Category, Product } from '../domain/catalog';
import type { CatalogRepo } from '../ports/catalog.port';

const DEFAULT_LIMIT = 100;

/** Finding products at the counter: by text (name, SKU, barcode) and by category. */
export class CatalogService {
  constructor(private readonly catalog: CatalogRepo) {}

  /** Searches active products; an empty text with a category lists that category. */
  search(query: { text: string; category?: string | undefined; limit?: number | undefined }): Product[] {
    return this.catalog.search({
      text: query.text,
      category: query.category,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
  }

  /** Categories that have active products, with counts. */
  categories(): Category[] {
    return this.catalog.categories();
  }
}
