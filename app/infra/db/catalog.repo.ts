import type { Database } from 'better-sqlite3';
import type { Category, Product } from '../../domain/catalog';
import type { ProductUnit } from '../../domain/products/product-record';
import { foldForSearch } from '../../domain/text';
import type { CatalogRepo } from '../../ports/catalog.port';

interface ProductRow {
  id: number;
  sku: string;
  barcode: string | null;
  name: string;
  price_centavos: number;
  iva_rate_bp: number;
  category: string;
  active: number;
  sold_by_weight: number;
  unit: string;
}

/** Maps a products row to the domain. */
export function productFromRow(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    price: row.price_centavos,
    ivaRateBp: row.iva_rate_bp,
    category: row.category,
    active: row.active === 1,
    soldByWeight: row.sold_by_weight === 1,
    unit: row.unit as ProductUnit,
  };
}

/** Maps a new product to the row values of an INSERT. */
export function productToRow(product: Omit<Product, 'id'>, now: number) {
  return {
    sku: product.sku,
    barcode: product.barcode,
    name: product.name,
    search_text: foldForSearch(product.name),
    price_centavos: product.price,
    iva_rate_bp: product.ivaRateBp,
    category: product.category,
    active: product.active ? 1 : 0,
    sold_by_weight: product.soldByWeight ? 1 : 0,
    unit: product.unit ?? 'pieza',
    created_at: now,
    updated_at: now,
  };
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The product's first barcode (migration 010 moved them to their own table; the old column is empty).
const COLUMNS = `id, sku, name, price_centavos, iva_rate_bp, category, active, sold_by_weight, unit,
  (SELECT code FROM product_barcodes b WHERE b.product_id = products.id ORDER BY position LIMIT 1) AS barcode`;

/** The shortest text the trigram index can look up. */
const TRIGRAM = 3;

/** SQLite-backed catalog with prepared statements. */
export class SqliteCatalogRepo implements CatalogRepo {
  private readonly searchStmt;
  private readonly searchIndexedStmt;
  private readonly prefixStmt;
  private readonly containsStmt;
  private readonly byIdStmt;
  private readonly byBarcodeStmt;
  private readonly bySkuStmt;
  private readonly categoriesStmt;
  private readonly insertStmt;
  private readonly insertBarcodeStmt;

  constructor(private readonly db: Database) {
    // Matches the folded name, the SKU or the barcode; names starting with the text sort first.
    const matches = `(search_text LIKE @like ESCAPE '\\' OR sku LIKE @like ESCAPE '\\'
            OR EXISTS (SELECT 1 FROM product_barcodes b
                        WHERE b.product_id = products.id AND b.code LIKE @like ESCAPE '\\'))`;
    const order = `ORDER BY (search_text LIKE @prefix ESCAPE '\\') DESC, name LIMIT @limit`;
    this.searchStmt = db.prepare<
      { like: string; prefix: string; category: string | null; limit: number },
      ProductRow
    >(
      `SELECT ${COLUMNS} FROM products
        WHERE active = 1
          AND (@category IS NULL OR category = @category)
          AND ${matches}
        ${order}`,
    );
    // See [Note: product search index] (migration 011): the trigram index finds the candidates, the
    // same LIKE as above confirms them, so the results are exactly the plain scan's.
    // A store migrated by the build that held 011 as a placeholder has no index: it keeps the scan.
    const indexed =
      db.prepare(`SELECT 1 FROM sqlite_master WHERE name IN ('products_fts', 'product_codes_fts')`).all()
        .length === 2;
    this.searchIndexedStmt = indexed
      ? db.prepare<
          { like: string; prefix: string; phrase: string; category: string | null; limit: number },
          ProductRow
        >(
          `SELECT ${COLUMNS} FROM products
        WHERE id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH @phrase
                     UNION SELECT rowid >> 4 FROM product_codes_fts WHERE product_codes_fts MATCH @phrase)
          AND active = 1
          AND (@category IS NULL OR category = @category)
          AND ${matches}
        ${order}`,
        )
      : null;
    // Short texts (one or two characters) in two ordered steps that each stop at the limit: names
    // starting with the text (a range of the search_text index), then the other matches walked in
    // name order. Same rows and order as the single query, without sorting every product.
    this.prefixStmt = db.prepare<
      { lo: string; hi: string; category: string | null; limit: number },
      ProductRow
    >(
      `SELECT ${COLUMNS} FROM products
        WHERE active = 1 AND search_text >= @lo AND search_text < @hi
          AND (@category IS NULL OR category = @category)
        ORDER BY name LIMIT @limit`,
    );
    this.containsStmt = db.prepare<
      { like: string; lo: string; hi: string; category: string | null; limit: number },
      ProductRow
    >(
      `SELECT ${COLUMNS} FROM products
        WHERE active = 1
          AND (@category IS NULL OR category = @category)
          AND NOT (search_text >= @lo AND search_text < @hi)
          AND ${matches}
        ORDER BY name LIMIT @limit`,
    );
    this.byIdStmt = db.prepare<[number], ProductRow>(`SELECT ${COLUMNS} FROM products WHERE id = ?`);
    this.byBarcodeStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM products
        WHERE id = (SELECT product_id FROM product_barcodes WHERE code = ?) AND active = 1`,
    );
    this.bySkuStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM products WHERE sku = ? AND active = 1`,
    );
    this.categoriesStmt = db.prepare<[], { name: string; product_count: number }>(
      `SELECT category AS name, COUNT(*) AS product_count FROM products WHERE active = 1
        GROUP BY category ORDER BY category`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO products (sku, name, search_text, price_centavos, iva_rate_bp, category, active,
         sold_by_weight, unit, created_at, updated_at)
       VALUES (@sku, @name, @search_text, @price_centavos, @iva_rate_bp, @category, @active,
         @sold_by_weight, @unit, @created_at, @updated_at)`,
    );
    this.insertBarcodeStmt = db.prepare<[string, number | bigint, number]>(
      `INSERT INTO product_barcodes (code, product_id, position) VALUES (?, ?, ?)`,
    );
  }

  search(query: { text: string; category?: string | undefined; limit: number }): Product[] {
    const folded = foldForSearch(query.text);
    const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
    const params = {
      like: likeContains(folded),
      prefix: `${escaped}%`,
      category: query.category ?? null,
      limit: query.limit,
    };
    // Trigrams need three characters; one or two go through the two ordered steps, and the empty text
    // (a category's listing) through the single query.
    const length = [...folded].length;
    if (length >= TRIGRAM && this.searchIndexedStmt) {
      return this.searchIndexedStmt
        .all({ ...params, phrase: `"${folded.replaceAll('"', '""')}"` })
        .map(productFromRow);
    }
    if (length === 0 || length >= TRIGRAM) return this.searchStmt.all(params).map(productFromRow);
    const range = { lo: folded, hi: `${folded}\u{10FFFF}`, category: params.category };
    const first = this.prefixStmt.all({ ...range, limit: query.limit });
    const rest =
      first.length < query.limit
        ? this.containsStmt.all({ ...range, like: params.like, limit: query.limit - first.length })
        : [];
    return [...first, ...rest].map(productFromRow);
  }

  findById(id: number): Product | undefined {
    const row = this.byIdStmt.get(id);
    return row ? productFromRow(row) : undefined;
  }

  findByCode(code: string): Product | undefined {
    const row = this.byBarcodeStmt.get(code) ?? this.bySkuStmt.get(code);
    return row ? productFromRow(row) : undefined;
  }

  categories(): Category[] {
    return this.categoriesStmt.all().map((row) => ({ name: row.name, productCount: row.product_count }));
  }

  /** Inserts products in one transaction (used by the demo seed and imports). */
  insertMany(products: readonly Omit<Product, 'id'>[], now: number): void {
    this.db.transaction(() => {
      for (const product of products) {
        const { barcode, ...row } = productToRow(product, now);
        const { lastInsertRowid } = this.insertStmt.run(row);
        if (barcode) this.insertBarcodeStmt.run(barcode, lastInsertRowid, 0);
      }
    })();
  }

  /** How many products exist, active or not. */
  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
  }
}
