import type { Database } from 'better-sqlite3';
import type { Category } from '../../../../domain/catalog';
import type { ProductFields } from '../../../../domain/products/product-draft';
import {
  PRODUCT_UNITS,
  type ProductRecord,
  type ProductUnit,
} from '../../../../domain/products/product-record';
import { foldForSearch } from '../../../../domain/text';
import type {
  BarcodeHolder,
  ProductListFilter,
  ProductsAdminRepo,
} from '../../../../ports/products-admin.port';

interface RecordRow {
  id: number;
  sku: string;
  name: string;
  price_centavos: number;
  iva_rate_bp: number;
  iva_exempt: number;
  category: string;
  unit: string;
  sold_by_weight: number;
  cost_centavos: number | null;
  track_stock: number;
  min_stock_milli: number | null;
  stock_milli: number;
  active: number;
  barcodes: string | null;
}

// Barcodes come as one JSON array in position order; codes are [A-Za-z0-9._-] so nothing needs escaping.
const COLUMNS = `p.id, p.sku, p.name, p.price_centavos, p.iva_rate_bp, p.iva_exempt, p.category, p.unit,
  p.sold_by_weight, p.cost_centavos, p.track_stock, p.min_stock_milli, p.stock_milli, p.active,
  (SELECT json_group_array(code) FROM (SELECT code FROM product_barcodes b
     WHERE b.product_id = p.id ORDER BY position)) AS barcodes`;

function recordFromRow(row: RecordRow): ProductRecord {
  return {
    id: row.id,
    sku: row.sku,
    barcodes: row.barcodes ? (JSON.parse(row.barcodes) as string[]) : [],
    name: row.name,
    price: row.price_centavos,
    iva: row.iva_exempt === 1 ? { kind: 'exempt' } : { kind: 'rate', rateBp: row.iva_rate_bp },
    department: row.category,
    unit: (PRODUCT_UNITS as readonly string[]).includes(row.unit) ? (row.unit as ProductUnit) : 'pieza',
    soldByWeight: row.sold_by_weight === 1,
    cost: row.cost_centavos,
    trackStock: row.track_stock === 1,
    minStock: row.min_stock_milli,
    stock: row.stock_milli,
    active: row.active === 1,
  };
}

function fieldsToRow(fields: ProductFields, now: number) {
  return {
    sku: fields.sku,
    name: fields.name,
    search_text: foldForSearch(fields.name),
    price_centavos: fields.price,
    iva_rate_bp: fields.iva.kind === 'rate' ? fields.iva.rateBp : 0,
    iva_exempt: fields.iva.kind === 'exempt' ? 1 : 0,
    category: fields.department,
    unit: fields.unit,
    sold_by_weight: fields.soldByWeight ? 1 : 0,
    cost_centavos: fields.cost,
    track_stock: fields.trackStock ? 1 : 0,
    min_stock_milli: fields.minStock,
    updated_at: now,
  };
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The back office's products on SQLite. */
export class SqliteProductsAdminRepo implements ProductsAdminRepo {
  private readonly byIdStmt;
  private readonly bySkuStmt;
  private readonly holderStmt;
  private readonly insertStmt;
  private readonly insertBarcodesStmt;
  private readonly updateStmt;
  private readonly deleteBarcodesStmt;
  private readonly codesStmt;
  private readonly setActiveStmt;
  private readonly departmentsStmt;
  private readonly movementStmt;
  private readonly moveStockStmt;
  private readonly allStmt;

  constructor(private readonly db: Database) {
    this.byIdStmt = db.prepare<[number], RecordRow>(`SELECT ${COLUMNS} FROM products p WHERE p.id = ?`);
    this.bySkuStmt = db.prepare<[string], RecordRow>(`SELECT ${COLUMNS} FROM products p WHERE p.sku = ?`);
    this.holderStmt = db.prepare<[string], { productId: number; sku: string; name: string }>(
      `SELECT p.id AS productId, p.sku, p.name FROM product_barcodes b JOIN products p ON p.id = b.product_id
        WHERE b.code = ?`,
    );
    // [Note: batched product inserts] One statement per batch of products, not one per product:
    // SQLite opens a statement savepoint per statement, and the FTS5 search index behind the
    // insert triggers (migration 011) flushes its pending terms at every savepoint, which made a
    // 50,000-row import spend most of its time flushing. A batch is a JSON array read by json_each.
    this.insertStmt = db.prepare<[string], { id: number; sku: string }>(
      `INSERT INTO products (sku, name, search_text, price_centavos, iva_rate_bp, iva_exempt, category, unit,
         sold_by_weight, cost_centavos, track_stock, min_stock_milli, active, created_at, updated_at)
       SELECT r ->> '$.sku', r ->> '$.name', r ->> '$.search_text', r ->> '$.price_centavos',
              r ->> '$.iva_rate_bp', r ->> '$.iva_exempt', r ->> '$.category', r ->> '$.unit',
              r ->> '$.sold_by_weight', r ->> '$.cost_centavos', r ->> '$.track_stock',
              r ->> '$.min_stock_milli', r ->> '$.active', r ->> '$.updated_at', r ->> '$.updated_at'
         FROM (SELECT value AS r FROM json_each(?) ORDER BY key)
       RETURNING id, sku`,
    );
    this.insertBarcodesStmt = db.prepare<[string]>(
      `INSERT INTO product_barcodes (code, product_id, position)
       SELECT value ->> '$[0]', value ->> '$[1]', value ->> '$[2]' FROM json_each(?) ORDER BY key`,
    );
    this.updateStmt = db.prepare(
      `UPDATE products SET sku = @sku, name = @name, search_text = @search_text,
         price_centavos = @price_centavos, iva_rate_bp = @iva_rate_bp, iva_exempt = @iva_exempt,
         category = @category, unit = @unit, sold_by_weight = @sold_by_weight,
         cost_centavos = @cost_centavos, track_stock = @track_stock, min_stock_milli = @min_stock_milli,
         updated_at = @updated_at
       WHERE id = @id`,
    );
    this.codesStmt = db.prepare<[number], { code: string }>(
      `SELECT code FROM product_barcodes WHERE product_id = ? ORDER BY position`,
    );
    this.deleteBarcodesStmt = db.prepare<[number]>(`DELETE FROM product_barcodes WHERE product_id = ?`);
    this.setActiveStmt = db.prepare<[number, number, number]>(
      `UPDATE products SET active = ?, updated_at = ? WHERE id = ?`,
    );
    this.departmentsStmt = db.prepare<[], { name: string; product_count: number }>(
      `SELECT category AS name, COUNT(*) AS product_count FROM products GROUP BY category ORDER BY category`,
    );
    this.movementStmt = db.prepare(
      `INSERT INTO stock_movements (product_id, kind, quantity_milli, user_id, at)
       VALUES (@productId, @kind, @quantity, @userId, @at)`,
    );
    this.moveStockStmt = db.prepare<[number, number]>(
      `UPDATE products SET stock_milli = stock_milli + ? WHERE id = ?`,
    );
    this.allStmt = db.prepare<[], RecordRow>(`SELECT ${COLUMNS} FROM products p ORDER BY p.sku`);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  list(filter: ProductListFilter): { items: ProductRecord[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const text = foldForSearch(filter.text);
    if (text !== '') {
      where.push(`(p.search_text LIKE @like ESCAPE '\\' OR p.sku LIKE @like ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM product_barcodes b WHERE b.product_id = p.id AND b.code LIKE @like ESCAPE '\\'))`);
      params.like = likeContains(text);
    }
    if (filter.department !== null) {
      where.push('p.category = @department');
      params.department = filter.department;
    }
    if (filter.active !== 'all') where.push(`p.active = ${filter.active === 'active' ? 1 : 0}`);
    if (filter.lowStock) {
      where.push('p.track_stock = 1 AND p.min_stock_milli IS NOT NULL AND p.stock_milli < p.min_stock_milli');
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM products p ${clause}`).get(params) as { n: number }
    ).n;
    const items = this.db
      .prepare<Record<string, unknown>, RecordRow>(
        `SELECT ${COLUMNS} FROM products p ${clause} ORDER BY p.name, p.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: filter.limit, offset: filter.offset })
      .map(recordFromRow);
    return { items, total };
  }

  get(id: number): ProductRecord | undefined {
    const row = this.byIdStmt.get(id);
    return row ? recordFromRow(row) : undefined;
  }

  findBySku(sku: string): ProductRecord | undefined {
    const row = this.bySkuStmt.get(sku);
    return row ? recordFromRow(row) : undefined;
  }

  barcodeHolder(code: string): BarcodeHolder | undefined {
    return this.holderStmt.get(code);
  }

  insert(fields: ProductFields, active: boolean, now: number): number {
    return this.insertMany([fields], active, now)[0]!;
  }

  insertMany(products: readonly ProductFields[], active: boolean, now: number): number[] {
    if (products.length === 0) return [];
    const rows = products.map((fields) => ({ ...fieldsToRow(fields, now), active: active ? 1 : 0 }));
    // RETURNING's order is unspecified: match the ids back by SKU (unique, case-insensitively).
    const ids = new Map<string, number>();
    for (const { id, sku } of this.insertStmt.all(JSON.stringify(rows))) ids.set(sku.toLowerCase(), id);
    const idOf = (fields: ProductFields) => {
      const id = ids.get(fields.sku.toLowerCase());
      if (id === undefined) throw new Error(`product ${fields.sku} was not inserted`);
      return id;
    };
    const codes = products.flatMap((fields) => {
      const id = idOf(fields);
      return fields.barcodes.map((code, position) => [code, id, position]);
    });
    if (codes.length > 0) this.insertBarcodesStmt.run(JSON.stringify(codes));
    return products.map(idOf);
  }

  update(id: number, fields: ProductFields, now: number): void {
    this.updateStmt.run({ ...fieldsToRow(fields, now), id });
    // A repricing import touches thousands of products: their codes (and the search index) only when they changed.
    const current = this.codesStmt.all(id).map((row) => row.code);
    if (current.length === fields.barcodes.length && current.every((code, i) => code === fields.barcodes[i]))
      return;
    this.deleteBarcodesStmt.run(id);
    this.writeBarcodes(id, fields.barcodes);
  }

  private writeBarcodes(id: number, codes: readonly string[]): void {
    if (codes.length > 0) {
      this.insertBarcodesStmt.run(JSON.stringify(codes.map((code, position) => [code, id, position])));
    }
  }

  setActive(id: number, active: boolean, now: number): void {
    this.setActiveStmt.run(active ? 1 : 0, now, id);
  }

  departments(): Category[] {
    return this.departmentsStmt.all().map((row) => ({ name: row.name, productCount: row.product_count }));
  }

  addStockMovement(movement: {
    productId: number;
    kind: 'import';
    quantity: number;
    userId: number | null;
    at: number;
  }): void {
    this.movementStmt.run(movement);
    this.moveStockStmt.run(movement.quantity, movement.productId);
  }

  all(): ProductRecord[] {
    return this.allStmt.all().map(recordFromRow);
  }
}
