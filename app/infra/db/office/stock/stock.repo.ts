import type { Database } from 'better-sqlite3';
import {
  decodeReason,
  stockValue,
  type InventoryValuation,
  type LowStockList,
  type StockChange,
  type StockMovementKind,
  type StockMovementsPage,
  type StockMovementView,
  type StockProductView,
} from '../../../../domain/office/stock';
import type { ProductUnit } from '../../../../domain/products/product-record';
import type { NewStockMovement, SaleLineStock, StockRepo } from '../../../../ports/stock.port';

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  category: string;
  unit: string;
  stock_milli: number;
  min_stock_milli: number | null;
  cost_centavos: number | null;
  track_stock: number;
}

interface MovementRow {
  id: number;
  product_id: number;
  kind: string;
  quantity_milli: number;
  unit_cost_centavos: number | null;
  reason: string | null;
  sale_id: number | null;
  refund_id: number | null;
  user_id: number | null;
  user_name: string | null;
  at: number;
}

const PRODUCT_COLUMNS = `p.id, p.sku, p.name, p.category, p.unit, p.stock_milli, p.min_stock_milli, p.cost_centavos,
  p.track_stock`;

function productView(row: ProductRow): StockProductView {
  return {
    productId: row.id,
    sku: row.sku,
    name: row.name,
    department: row.category,
    unit: row.unit as ProductUnit,
    stock: row.stock_milli,
    minStock: row.min_stock_milli,
    cost: row.cost_centavos,
  };
}

function movementView(row: MovementRow, stockAfter: number): StockMovementView {
  const kind = row.kind as StockMovementKind;
  return {
    id: row.id,
    productId: row.product_id,
    kind,
    quantity: row.quantity_milli,
    unitCost: row.unit_cost_centavos,
    ...decodeReason(kind, row.reason),
    saleId: row.sale_id,
    refundId: row.refund_id,
    userId: row.user_id,
    userName: row.user_name,
    at: row.at,
    stockAfter,
  };
}

/**
 * The stock ledger on SQLite. Every write is one statement pair in one transaction: the movement
 * row and `products.stock_milli += quantity`, so the stock shown is always the ledger's sum (the
 * append-only triggers of migration 010 keep the ledger itself from being edited).
 */
export class SqliteStockRepo implements StockRepo {
  private readonly stmts;

  constructor(private readonly db: Database) {
    this.stmts = {
      product: db.prepare<[number], ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ?`),
      insert: db.prepare(
        `INSERT INTO stock_movements (product_id, kind, quantity_milli, unit_cost_centavos, reason, sale_id,
                                      refund_id, user_id, at)
         VALUES (@productId, @kind, @quantity, @unitCost, @reason, @saleId, @refundId, @userId, @at)`,
      ),
      addStock: db.prepare<[number, number]>(
        `UPDATE products SET stock_milli = stock_milli + ? WHERE id = ?`,
      ),
      setCost: db.prepare<[number, number, number]>(
        `UPDATE products SET cost_centavos = ?, updated_at = MAX(?, updated_at) WHERE id = ?`,
      ),
      movementById: db.prepare<[number], MovementRow>(
        `SELECT m.*, u.name AS user_name FROM stock_movements m LEFT JOIN users u ON u.id = m.user_id
          WHERE m.id = ?`,
      ),
      // Thousandths per tracked product of a sale, less what it already took (a retried completion).
      // Pieces are quantity × 1000; a weighed line is already in thousandths (migration 014), and
      // several weighings of one product sum into its one movement (the index of migration 012).
      saleTakes: db.prepare<[number], { product_id: number; milli: number }>(
        `SELECT l.product_id, SUM(COALESCE(l.quantity_milli, l.quantity * 1000)) AS milli
           FROM sale_lines l JOIN products p ON p.id = l.product_id
          WHERE l.sale_id = ? AND p.track_stock = 1
            AND NOT EXISTS (SELECT 1 FROM stock_movements m
                             WHERE m.sale_id = l.sale_id AND m.product_id = l.product_id AND m.kind = 'sale')
          GROUP BY l.product_id`,
      ),
      saleLine: db.prepare<[number], { id: number; sale_id: number; product_id: number; status: string }>(
        `SELECT l.id, l.sale_id, l.product_id, s.status FROM sale_lines l JOIN sales s ON s.id = l.sale_id
          WHERE l.id = ?`,
      ),
      movedForSale: db.prepare<[number, number], { taken: number; restored: number }>(
        `SELECT COALESCE(-SUM(CASE WHEN kind = 'sale' THEN quantity_milli END), 0) AS taken,
                COALESCE(SUM(CASE WHEN kind = 'refund' THEN quantity_milli END), 0) AS restored
           FROM stock_movements WHERE sale_id = ? AND product_id = ? AND kind IN ('sale', 'refund')`,
      ),
      page: db.prepare<[number, number, number], MovementRow>(
        `SELECT m.*, u.name AS user_name FROM stock_movements m LEFT JOIN users u ON u.id = m.user_id
          WHERE m.product_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?`,
      ),
      newerSum: db.prepare<[number, number], { total: number }>(
        `SELECT COALESCE(SUM(quantity_milli), 0) AS total FROM stock_movements WHERE product_id = ? AND id >= ?`,
      ),
      lowStock: db.prepare<[], ProductRow>(
        `SELECT ${PRODUCT_COLUMNS} FROM products p
          WHERE p.track_stock = 1 AND p.active = 1 AND p.stock_milli < COALESCE(p.min_stock_milli, 0)
          ORDER BY p.stock_milli - COALESCE(p.min_stock_milli, 0), p.name`,
      ),
      tracked: db.prepare<[], ProductRow>(
        `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.track_stock = 1 AND p.stock_milli <> 0
          ORDER BY p.category, p.name`,
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  product(productId: number): (StockProductView & { trackStock: boolean }) | undefined {
    const row = this.stmts.product.get(productId);
    return row ? { ...productView(row), trackStock: row.track_stock === 1 } : undefined;
  }

  append(movement: NewStockMovement, now: number, options: { setCost?: boolean } = {}): StockChange {
    return this.db.transaction(() => {
      const id = Number(
        this.stmts.insert.run({
          productId: movement.productId,
          kind: movement.kind,
          quantity: movement.quantity,
          unitCost: movement.unitCost ?? null,
          reason: movement.reason ?? null,
          saleId: movement.saleId ?? null,
          refundId: movement.refundId ?? null,
          userId: movement.userId,
          at: now,
        }).lastInsertRowid,
      );
      this.stmts.addStock.run(movement.quantity, movement.productId);
      if (options.setCost && movement.unitCost != null) {
        this.stmts.setCost.run(movement.unitCost, now, movement.productId);
      }
      const product = this.stmts.product.get(movement.productId);
      const row = this.stmts.movementById.get(id);
      if (!product || !row) throw new Error(`stock movement ${id} vanished`);
      return { movement: movementView(row, product.stock_milli), product: productView(product) };
    })();
  }

  takeForSale(saleId: number, userId: number | null, now: number): void {
    // Nested in the completion's transaction (a savepoint there), or its own when called alone.
    this.db.transaction(() => {
      for (const take of this.stmts.saleTakes.all(saleId)) {
        this.append(
          {
            productId: take.product_id,
            kind: 'sale',
            quantity: -take.milli,
            saleId,
            userId,
          },
          now,
        );
      }
    })();
  }

  saleLineStock(saleLineId: number): SaleLineStock | undefined {
    const line = this.stmts.saleLine.get(saleLineId);
    if (!line || line.status !== 'completed') return undefined;
    const moved = this.stmts.movedForSale.get(line.sale_id, line.product_id) ?? { taken: 0, restored: 0 };
    return {
      saleLineId,
      saleId: line.sale_id,
      productId: line.product_id,
      taken: moved.taken,
      restored: moved.restored,
    };
  }

  movements(productId: number, before: number | null, limit: number): StockMovementsPage | undefined {
    const product = this.stmts.product.get(productId);
    if (!product) return undefined;
    const upper = before ?? Number.MAX_SAFE_INTEGER;
    const rows = this.stmts.page.all(productId, upper, limit + 1);
    const shown = rows.slice(0, limit);
    // The stock after each row: today's stock less every newer movement. See StockMovementView.
    let after =
      product.stock_milli - (before === null ? 0 : (this.stmts.newerSum.get(productId, before)?.total ?? 0));
    const movements = shown.map((row) => {
      const view = movementView(row, after);
      after -= row.quantity_milli;
      return view;
    });
    return {
      product: productView(product),
      movements,
      nextBefore: rows.length > limit ? (shown.at(-1)?.id ?? null) : null,
    };
  }

  lowStock(): LowStockList {
    return {
      items: this.stmts.lowStock.all().map((row) => ({
        ...productView(row),
        negative: row.stock_milli < 0,
        shortBy: (row.min_stock_milli ?? 0) - row.stock_milli,
      })),
    };
  }

  valuation(): InventoryValuation {
    const valuation: InventoryValuation = { total: 0, valued: [], unknownCost: [], negative: [] };
    for (const row of this.stmts.tracked.all()) {
      const view = productView(row);
      if (row.stock_milli < 0) valuation.negative.push(view);
      else if (row.cost_centavos === null) valuation.unknownCost.push(view);
      else {
        const value = stockValue(row.stock_milli, row.cost_centavos);
        valuation.total += value;
        valuation.valued.push({ ...view, value });
      }
    }
    return valuation;
  }
}
