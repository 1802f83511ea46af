import type { Database } from 'better-sqlite3';
import type { Product } from '../../domain/catalog';
import type { ProductUnit } from '../../domain/products/product-record';
import type { Sale, SaleLine, SaleStatus } from '../../domain/sale';
import { MAX_LINE_QUANTITY } from '../../domain/cart-pricing';
import type { NewOpenPriceLine, NewWeighedLine, SalesRepo } from '../../ports/sales.port';
import { addSaleToProductSalesSummary } from './office/reports/product-sales-summary';
import { SERVER_REGISTER_ID } from '../../domain/registers';

interface SaleRow {
  id: number;
  status: string;
  opened_at: number;
  updated_at: number;
}

/** A sale_lines row as the repos read it. */
export interface SaleLineRow {
  id: number;
  product_id: number | null;
  sku: string;
  name: string;
  unit_price_centavos: number;
  iva_rate_bp: number;
  quantity: number;
  discount_bp: number;
  quantity_milli: number | null;
  unit: string;
  label_amount_centavos: number | null;
  open_price: number;
  iva_exempt: number;
}

/** Maps a sale_lines row to the domain. */
export function saleLineFromRow(row: SaleLineRow): SaleLine {
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    unitPrice: row.unit_price_centavos,
    ivaRateBp: row.iva_rate_bp,
    quantity: row.quantity,
    discountBp: row.discount_bp,
    quantityMilli: row.quantity_milli,
    unit: row.unit as ProductUnit,
    labelAmount: row.label_amount_centavos,
    openPrice: row.open_price === 1,
    ivaExempt: row.iva_exempt === 1,
  };
}

/** Maps a sales row and its lines to the domain. */
export function saleFromRows(row: SaleRow, lines: SaleLineRow[]): Sale {
  return {
    id: row.id,
    status: row.status as SaleStatus,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    lines: lines.map(saleLineFromRow),
  };
}

/**
 * SQLite-backed sales. Every mutation runs in one transaction with the sale's updated_at, so a
 * crash between two statements can never leave a half-applied cart change.
 *
 * One instance per register (issue 17): its open sale, parked list, recall and recent receipts are
 * that register's, and the sales it opens carry it. Edits by sale id stay by id: the services
 * reach a sale only through the register's own open sale or a completed sale's receipt.
 */
export class SqliteSalesRepo implements SalesRepo {
  private readonly stmts;
  /** One immediate transaction for every cart edit, built once (this is the scan path). */
  private readonly cartEdit: <T>(edit: () => T) => T;

  constructor(
    private readonly db: Database,
    /** The register whose sales these are; the store server's own counter by default. */
    readonly registerId: number = SERVER_REGISTER_ID,
  ) {
    const transaction = db.transaction((edit: () => unknown) => edit());
    this.cartEdit = <T>(edit: () => T) => transaction.immediate(edit) as T;
    this.stmts = {
      openSale: db.prepare<[number], SaleRow>(
        `SELECT id, status, opened_at, updated_at FROM sales WHERE register_id = ? AND status = 'open'`,
      ),
      registerOf: db.prepare<[number], { register_id: number }>(`SELECT register_id FROM sales WHERE id = ?`),
      saleById: db.prepare<[number], SaleRow>(
        `SELECT id, status, opened_at, updated_at FROM sales WHERE id = ?`,
      ),
      insertSale: db.prepare<[number, number, number]>(
        `INSERT INTO sales (register_id, status, opened_at, updated_at) VALUES (?, 'open', ?, ?)`,
      ),
      // Strictly increasing, so updated_at doubles as the cart's revision: two changes in the same
      // millisecond still differ, and a window can drop a copy of a cart it has already shown.
      touchSale: db.prepare<[number, number]>(
        `UPDATE sales SET updated_at = MAX(?, updated_at + 1) WHERE id = ?`,
      ),
      lines: db.prepare<[number], SaleLineRow>(
        `SELECT id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, discount_bp,
                quantity_milli, unit, label_amount_centavos, open_price, iva_exempt
           FROM sale_lines WHERE sale_id = ? ORDER BY id`,
      ),
      lineForProduct: db.prepare<[number, number], { id: number; quantity: number }>(
        // Piece lines merge; a weighed line is one weighing and never merges (issue 14).
        `SELECT id, quantity FROM sale_lines WHERE sale_id = ? AND product_id = ? AND quantity_milli IS NULL`,
      ),
      // Cost, department and the exento flag are copied from the product row as it is now (issue
      // 13), like the price: margins and department totals of a sale never move when the catalog
      // is edited later. Read here so the counter's Product contract stays as it is.
      insertLine: db.prepare(
        `INSERT INTO sale_lines (sale_id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, added_at,
                                 unit_cost_centavos, department, iva_exempt)
         SELECT @saleId, @productId, @sku, @name, @price, @ivaRateBp, @quantity, @now,
                p.cost_centavos, p.category, p.iva_exempt
           FROM (SELECT 1) LEFT JOIN products p ON p.id = @productId`,
      ),
      // A weighed line: quantity 1, its weight in thousandths; unit and exento copied from the product.
      insertWeighedLine: db.prepare(
        `INSERT INTO sale_lines (sale_id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, added_at,
                                 unit_cost_centavos, department, iva_exempt, quantity_milli, unit,
                                 label_amount_centavos)
         SELECT @saleId, @productId, @sku, @name, @price, @ivaRateBp, 1, @now,
                p.cost_centavos, p.category, p.iva_exempt, @quantityMilli, p.unit, @labelAmount
           FROM products p WHERE p.id = @productId`,
      ),
      // An item not in the catalog: no product, no cost (its margin is unknown), no department.
      insertOpenPriceLine: db.prepare(
        `INSERT INTO sale_lines (sale_id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, added_at,
                                 iva_exempt, open_price, open_price_approved_by)
         VALUES (@saleId, NULL, '', @name, @price, @ivaRateBp, 1, @now, @ivaExempt, 1, @approvedBy)`,
      ),
      setQuantity: db.prepare<[number, number, number]>(
        `UPDATE sale_lines SET quantity = ? WHERE id = ? AND sale_id = ? AND quantity_milli IS NULL`,
      ),
      setDiscount: db.prepare<[number, number | null, number, number]>(
        `UPDATE sale_lines SET discount_bp = ?, discount_approved_by = ? WHERE id = ? AND sale_id = ?`,
      ),
      deleteLine: db.prepare<[number, number]>(`DELETE FROM sale_lines WHERE id = ? AND sale_id = ?`),
      deleteLines: db.prepare<[number]>(`DELETE FROM sale_lines WHERE sale_id = ?`),
      park: db.prepare<[number, number]>(
        `UPDATE sales SET status = 'parked', updated_at = MAX(?, updated_at + 1) WHERE id = ? AND status = 'open'`,
      ),
      parkedSales: db.prepare<[number], SaleRow>(
        `SELECT id, status, opened_at, updated_at FROM sales WHERE register_id = ? AND status = 'parked'
          ORDER BY updated_at DESC, id DESC`,
      ),
      parkedHere: db.prepare<[number, number], SaleRow>(
        `SELECT id, status, opened_at, updated_at FROM sales WHERE id = ? AND register_id = ? AND status = 'parked'`,
      ),
      unpark: db.prepare<[number, number]>(
        `UPDATE sales SET status = 'open', updated_at = MAX(?, updated_at + 1) WHERE id = ? AND status = 'parked'`,
      ),
      deleteEmptyOpen: db.prepare<[number]>(
        `DELETE FROM sales WHERE id = ? AND status = 'open'
           AND NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = sales.id)
           AND NOT EXISTS (SELECT 1 FROM payments WHERE sale_id = sales.id)`,
      ),
      completedAt: db.prepare<[number], { completed_at: number }>(
        `SELECT completed_at FROM sales WHERE id = ? AND status = 'completed'`,
      ),
      completedSales: db.prepare<
        [number, number],
        { id: number; completed_at: number; total_centavos: number }
      >(
        `SELECT id, completed_at, total_centavos FROM sales WHERE register_id = ? AND status = 'completed'
          ORDER BY completed_at DESC, id DESC LIMIT ?`,
      ),
      complete: db.prepare(
        `UPDATE sales SET status = 'completed', completed_at = @now, updated_at = @now, total_centavos = @total,
           iva_centavos = @iva WHERE id = @saleId AND status = 'open'`,
      ),
    };
  }

  private load(saleId: number): Sale {
    const row = this.stmts.saleById.get(saleId);
    if (!row) throw new Error(`sale ${saleId} vanished`);
    return saleFromRows(row, this.stmts.lines.all(saleId));
  }

  openSale(now: number): Sale {
    return this.openSaleOf(this.registerId, now);
  }

  openSaleId(now: number): number {
    const row = this.stmts.openSale.get(this.registerId);
    return row ? row.id : this.openSale(now).id;
  }

  registerOf(saleId: number): number | undefined {
    return this.stmts.registerOf.get(saleId)?.register_id;
  }

  openSaleBeside(saleId: number, now: number): Sale {
    return this.openSaleOf(this.registerOf(saleId) ?? this.registerId, now);
  }

  private openSaleOf(registerId: number, now: number): Sale {
    return this.db
      .transaction(() => {
        const row = this.stmts.openSale.get(registerId);
        if (row) return saleFromRows(row, this.stmts.lines.all(row.id));
        const id = Number(this.stmts.insertSale.run(registerId, now, now).lastInsertRowid);
        return this.load(id);
      })
      .immediate();
  }

  addProduct(saleId: number, product: Product, quantity: number, now: number): Sale {
    return this.cartEdit(() => {
      const existing = this.stmts.lineForProduct.get(saleId, product.id);
      if (existing) {
        this.stmts.setQuantity.run(
          Math.min(existing.quantity + quantity, MAX_LINE_QUANTITY),
          existing.id,
          saleId,
        );
      } else {
        this.stmts.insertLine.run({
          saleId,
          productId: product.id,
          sku: product.sku,
          name: product.name,
          price: product.price,
          ivaRateBp: product.ivaRateBp,
          quantity,
          now,
        });
      }
      this.stmts.touchSale.run(now, saleId);
      return this.load(saleId);
    });
  }

  addWeighed(saleId: number, line: NewWeighedLine, now: number): Sale {
    return this.cartEdit(() => {
      this.stmts.insertWeighedLine.run({
        saleId,
        productId: line.product.id,
        sku: line.product.sku,
        name: line.product.name,
        price: line.product.price,
        ivaRateBp: line.product.ivaRateBp,
        quantityMilli: line.quantityMilli,
        labelAmount: line.labelAmount,
        now,
      });
      this.stmts.touchSale.run(now, saleId);
      return this.load(saleId);
    });
  }

  addOpenPrice(saleId: number, line: NewOpenPriceLine, now: number): Sale {
    return this.cartEdit(() => {
      this.stmts.insertOpenPriceLine.run({
        saleId,
        name: line.name,
        price: line.price,
        ivaRateBp: line.ivaRateBp,
        ivaExempt: line.ivaExempt ? 1 : 0,
        approvedBy: line.approvedBy,
        now,
      });
      this.stmts.touchSale.run(now, saleId);
      return this.load(saleId);
    });
  }

  setQuantity(saleId: number, lineId: number, quantity: number, now: number): Sale | undefined {
    return this.cartEdit(() => {
      if (this.stmts.setQuantity.run(quantity, lineId, saleId).changes === 0) return undefined;
      this.stmts.touchSale.run(now, saleId);
      return this.load(saleId);
    });
  }

  removeLine(saleId: number, lineId: number, now: number): Sale | undefined {
    return this.cartEdit(() => {
      if (this.stmts.deleteLine.run(lineId, saleId).changes === 0) return undefined;
      this.stmts.touchSale.run(now, saleId);
      return this.load(saleId);
    });
  }

  getSale(saleId: number): Sale | undefined {
    const row = this.stmts.saleById.get(saleId);
    return row ? saleFromRows(row, this.stmts.lines.all(saleId)) : undefined;
  }

  completeSale(saleId: number, totals: { total: number; iva: number }, now: number): boolean {
    // Nested in the engine's completion transaction (a savepoint there), or its own when called alone:
    // the sale and its summary rows are written together or not at all. See [Note: product sales by hour].
    return this.db.transaction(() => {
      if (this.stmts.complete.run({ saleId, now, total: totals.total, iva: totals.iva }).changes !== 1) {
        return false;
      }
      addSaleToProductSalesSummary(this.db, saleId);
      return true;
    })();
  }

  setDiscount(
    saleId: number,
    lineId: number,
    discountBp: number,
    approvedBy: number | null,
    now: number,
  ): Sale | undefined {
    return this.cartEdit(() => {
      if (this.stmts.setDiscount.run(discountBp, approvedBy, lineId, saleId).changes !== 1) return undefined;
      this.stmts.touchSale.run(now, saleId);
      return this.load(saleId);
    });
  }

  park(saleId: number, now: number): boolean {
    return this.stmts.park.run(now, saleId).changes === 1;
  }

  parked(): Sale[] {
    return this.stmts.parkedSales
      .all(this.registerId)
      .map((row) => saleFromRows(row, this.stmts.lines.all(row.id)));
  }

  recall(saleId: number, now: number): Sale | undefined {
    return this.db
      .transaction(() => {
        // Only this register's own parked sales: another counter's customer is not recalled here.
        if (!this.stmts.parkedHere.get(saleId, this.registerId)) return undefined;
        const open = this.stmts.openSale.get(this.registerId);
        if (open) {
          const hasLines = this.stmts.lines.all(open.id).length > 0;
          if (hasLines) this.stmts.park.run(now, open.id);
          else if (this.stmts.deleteEmptyOpen.run(open.id).changes !== 1) return undefined;
        }
        this.stmts.unpark.run(now, saleId);
        return this.load(saleId);
      })
      .immediate();
  }

  completedAt(saleId: number): number | undefined {
    return this.stmts.completedAt.get(saleId)?.completed_at;
  }

  completedSales(limit: number): { saleId: number; completedAt: number; total: number }[] {
    return this.stmts.completedSales
      .all(this.registerId, limit)
      .map((row) => ({ saleId: row.id, completedAt: row.completed_at, total: row.total_centavos }));
  }

  clearLines(saleId: number, now: number): Sale {
    return this.cartEdit(() => {
      this.stmts.deleteLines.run(saleId);
      this.stmts.touchSale.run(now, saleId);
      return this.load(saleId);
    });
  }
}
