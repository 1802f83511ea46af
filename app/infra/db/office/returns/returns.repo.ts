import type { Database } from 'better-sqlite3';
import type { PaymentMethod } from '../../../../domain/payment';
import type { PaymentStatus } from '../../../../domain/payment-status';
import { saleLineFromRow, type SaleLineRow } from '../../sales.repo';
import type { ReturnsSummary, ReturnView } from '../../../../domain/office/returns';
import type { NewReturn, ReturnsRepo, SaleForReturn } from '../../../../ports/returns.port';

/**
 * Returns that hold their quantities and money: cash ones, and card ones whose refund has not failed.
 * The same rule as migration 015's trigger. Used as `FROM returns r LEFT JOIN refunds f …`.
 */
export const ACTIVE_RETURN = `(r.refund_id IS NULL OR f.status <> 'failed')`;

/** The summary's returns: made in [@start, @end), still active, of @register's sales (any when NULL). */
const SUMMARY_WHERE = `r.created_at >= @start AND r.created_at < @end AND ${ACTIVE_RETURN}
  AND (@register IS NULL OR (SELECT s.register_id FROM sales s WHERE s.id = r.sale_id) = @register)`;
type SummaryParams = { start: number; end: number; register: number | null };

/**
 * Thousandths a sale line sold: its weighed thousandths, else pieces × 1000 (the trigger of
 * migration 015 says the same).
 */
const SOLD_MILLI = `COALESCE(l.quantity_milli, l.quantity * 1000)`;

type LineRow = SaleLineRow & { sold_milli: number; returned_milli: number };

interface ReturnRow {
  id: number;
  sale_id: number;
  method: PaymentMethod;
  amount_centavos: number;
  refund_id: number | null;
  refund_status: string | null;
  shift_id: number | null;
  reason: string | null;
  created_by: number;
  by_name: string | null;
  created_at: number;
}

/** Adds a group's quantity and amount into the row at `key`, starting it from `start` if new. */
function addInto<K, R extends { quantity: number; amount: number }>(
  rows: Map<K, R>,
  key: K,
  start: R,
  group: { quantity: number; amount: number },
): void {
  const row = rows.get(key) ?? start;
  row.quantity += group.quantity;
  row.amount += group.amount;
  rows.set(key, row);
}

/** Returns on SQLite. */
export class SqliteReturnsRepo implements ReturnsRepo {
  private readonly s;

  constructor(private readonly db: Database) {
    const returnColumns = `r.id, r.sale_id, r.method, r.amount_centavos, r.refund_id, f.status AS refund_status,
      r.shift_id, r.reason, r.created_by, u.name AS by_name, r.created_at
      FROM returns r LEFT JOIN refunds f ON f.id = r.refund_id LEFT JOIN users u ON u.id = r.created_by`;
    this.s = {
      sale: db.prepare<
        [number],
        {
          id: number;
          status: string;
          completed_at: number | null;
          total: number | null;
          cashier: string | null;
        }
      >(
        `SELECT s.id, s.status, s.completed_at, s.total_centavos AS total, u.name AS cashier
           FROM sales s LEFT JOIN users u ON u.id = s.cashier_id WHERE s.id = ?`,
      ),
      lines: db.prepare<[number], LineRow>(
        `SELECT l.id, l.product_id, l.sku, l.name, l.unit_price_centavos, l.iva_rate_bp, l.quantity, l.discount_bp,
                l.quantity_milli, l.unit, l.label_amount_centavos, l.open_price, l.iva_exempt,
                ${SOLD_MILLI} AS sold_milli,
                (SELECT COALESCE(SUM(x.quantity_milli), 0) FROM return_lines x
                   JOIN returns r ON r.id = x.return_id LEFT JOIN refunds f ON f.id = r.refund_id
                  WHERE x.sale_line_id = l.id AND ${ACTIVE_RETURN}) AS returned_milli
           FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.id`,
      ),
      payments: db.prepare<
        [number],
        {
          id: number;
          method: PaymentMethod;
          status: PaymentStatus;
          amount_centavos: number;
          card_brand: string | null;
          card_last4: string | null;
        }
      >(
        `SELECT id, method, status, amount_centavos, card_brand, card_last4 FROM payments
          WHERE sale_id = ? AND status IN ('approved', 'refund_requested', 'refunded') ORDER BY id`,
      ),
      insert: db.prepare(
        `INSERT INTO returns (sale_id, method, amount_centavos, refund_id, shift_id, reason, created_by, created_at)
         VALUES (@saleId, @method, @amount, @refundId, @shiftId, @reason, @by, @at)`,
      ),
      insertLine: db.prepare(
        `INSERT INTO return_lines (return_id, sale_line_id, quantity_milli, amount_centavos)
         VALUES (@returnId, @saleLineId, @quantity, @amount)`,
      ),
      byId: db.prepare<[number], ReturnRow>(`SELECT ${returnColumns} WHERE r.id = ?`),
      forSale: db.prepare<[number], ReturnRow>(`SELECT ${returnColumns} WHERE r.sale_id = ? ORDER BY r.id`),
      linesOf: db.prepare<
        [number],
        { sale_line_id: number; name: string; quantity_milli: number; amount_centavos: number }
      >(
        `SELECT x.sale_line_id, l.name, x.quantity_milli, x.amount_centavos
           FROM return_lines x JOIN sale_lines l ON l.id = x.sale_line_id WHERE x.return_id = ? ORDER BY x.id`,
      ),
      totals: db.prepare<[SummaryParams], { method: PaymentMethod; n: number; amount: number }>(
        `SELECT r.method AS method, COUNT(*) AS n, SUM(r.amount_centavos) AS amount
           FROM returns r LEFT JOIN refunds f ON f.id = r.refund_id
          WHERE ${SUMMARY_WHERE} GROUP BY r.method`,
      ),
      byProduct: db.prepare<
        [SummaryParams],
        {
          product_id: number | null;
          sku: string;
          name: string;
          department: string | null;
          quantity: number;
          amount: number;
        }
      >(
        `SELECT l.product_id, COALESCE(p.sku, l.sku) AS sku, COALESCE(p.name, l.name) AS name,
                l.department AS department, SUM(x.quantity_milli) AS quantity, SUM(x.amount_centavos) AS amount
           FROM returns r LEFT JOIN refunds f ON f.id = r.refund_id
           JOIN return_lines x ON x.return_id = r.id JOIN sale_lines l ON l.id = x.sale_line_id
           LEFT JOIN products p ON p.id = l.product_id
          WHERE ${SUMMARY_WHERE}
          GROUP BY l.product_id, l.department`,
      ),
    };
  }

  /** Runs `work` in one IMMEDIATE transaction: two returns of one line are serialised. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  sale(saleId: number): SaleForReturn | undefined {
    const sale = this.s.sale.get(saleId);
    if (!sale) return undefined;
    return {
      saleId: sale.id,
      status: sale.status,
      completedAt: sale.completed_at,
      total: sale.total ?? 0,
      cashier: sale.cashier,
      lines: this.s.lines.all(saleId).map((row) => {
        const { id, ...line } = saleLineFromRow(row);
        // A weighed line (its unit copied when sold) returns in any thousandths; pieces whole.
        return {
          ...line,
          saleLineId: id,
          soldMilli: row.sold_milli,
          returnedMilli: row.returned_milli,
          byWeight: line.quantityMilli !== null,
        };
      }),
      payments: this.s.payments.all(saleId).map((p) => ({
        paymentId: p.id,
        method: p.method,
        status: p.status,
        amount: p.amount_centavos,
        cardBrand: p.card_brand,
        cardLast4: p.card_last4,
      })),
    };
  }

  insert(header: NewReturn, lines: { saleLineId: number; quantity: number; amount: number }[]): number {
    const returnId = Number(this.s.insert.run(header).lastInsertRowid);
    for (const line of lines) this.s.insertLine.run({ returnId, ...line });
    return returnId;
  }

  get(id: number): ReturnView | undefined {
    const row = this.s.byId.get(id);
    return row ? this.view(row) : undefined;
  }

  forSale(saleId: number): ReturnView[] {
    return this.s.forSale.all(saleId).map((row) => this.view(row));
  }

  summary(start: number, end: number, registerId?: number): ReturnsSummary {
    const params = { start, end, register: registerId ?? null };
    const totals = this.s.totals.all(params);
    const sumOf = (method?: PaymentMethod) =>
      totals.filter((t) => !method || t.method === method).reduce((sum, t) => sum + t.amount, 0);
    const groups = this.s.byProduct.all(params);
    const products = new Map<number, ReturnsSummary['byProduct'][number]>();
    const departments = new Map<string | null, ReturnsSummary['byDepartment'][number]>();
    for (const g of groups) {
      const start = { productId: g.product_id, sku: g.sku, name: g.name, quantity: 0, amount: 0 };
      addInto(products, g.product_id, start, g);
      addInto(departments, g.department, { department: g.department, quantity: 0, amount: 0 }, g);
    }
    const byAmount = (a: { amount: number }, b: { amount: number }) => b.amount - a.amount;
    return {
      count: totals.reduce((n, t) => n + t.n, 0),
      amount: sumOf(),
      cash: sumOf('cash'),
      card: sumOf('card'),
      byProduct: [...products.values()].sort(byAmount),
      byDepartment: [...departments.values()].sort(byAmount),
    };
  }

  private view(row: ReturnRow): ReturnView {
    return {
      id: row.id,
      saleId: row.sale_id,
      method: row.method,
      amount: row.amount_centavos,
      refundId: row.refund_id,
      refundStatus: row.refund_status,
      shiftId: row.shift_id,
      reason: row.reason,
      createdBy: row.created_by,
      createdByName: row.by_name,
      createdAt: row.created_at,
      lines: this.s.linesOf.all(row.id).map((l) => ({
        saleLineId: l.sale_line_id,
        name: l.name,
        quantity: l.quantity_milli,
        amount: l.amount_centavos,
      })),
    };
  }
}
