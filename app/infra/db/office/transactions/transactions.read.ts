/**
 * The transactions list's read model: a keyset page of payments (newest first, never OFFSET) and
 * the totals of the whole filtered set. Indexes: migration 004. Plans: `npm run bench:reports`.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { TransactionRow, TransactionTotals } from '../../../../domain/office/transactions';
import type { PaymentStatus } from '../../../../domain/payment-status';
import type { Keyset, PaymentFilter, TransactionsReadModel } from '../../../../ports/transactions-read.port';
import { paymentFilterWhere } from './transaction-filter.sql';

/** The columns of a list row, shared with the payment detail. */
export const ROW_COLUMNS = `p.id, p.sale_id, p.created_at, p.method, p.status, p.amount_centavos, p.tip_centavos,
  p.card_brand, p.card_last4, p.authorization_code, p.unique_reference, p.terminal_serial,
  u.name AS cashier_name, p.register_id, rg.name AS register_name`;

/** The joins {@link ROW_COLUMNS} reads from, after `payments p`. */
export const ROW_JOINS = `LEFT JOIN users u ON u.id = p.created_by LEFT JOIN registers rg ON rg.id = p.register_id`;

/** A row as SQLite returns {@link ROW_COLUMNS}. */
export interface RowRecord {
  id: number;
  sale_id: number;
  created_at: number;
  method: 'card' | 'cash';
  status: PaymentStatus;
  amount_centavos: number;
  tip_centavos: number;
  card_brand: string | null;
  card_last4: string | null;
  authorization_code: string | null;
  unique_reference: string | null;
  terminal_serial: string | null;
  cashier_name: string | null;
  register_id: number;
  register_name: string | null;
}

/** Maps a stored row to a list row. */
export function transactionRowFromRecord(r: RowRecord): TransactionRow {
  return {
    id: r.id,
    saleId: r.sale_id,
    createdAt: r.created_at,
    method: r.method,
    status: r.status,
    amount: r.amount_centavos,
    tip: r.tip_centavos,
    cardBrand: r.card_brand,
    last4: r.card_last4,
    authorizationCode: r.authorization_code,
    uniqueReference: r.unique_reference,
    terminalSerial: r.terminal_serial,
    cashierName: r.cashier_name,
    registerId: r.register_id,
    // A register row is never deleted (migration 016); the id stands in should one be missing.
    registerName: r.register_name ?? String(r.register_id),
  };
}

/** Reads pages and totals; statements are prepared once per filter shape. */
export class SqliteTransactionsReadModel implements TransactionsReadModel {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  /** Up to `limit` rows older than `after` (or the newest), newest first. */
  page(filter: PaymentFilter, after: Keyset | null, limit: number): TransactionRow[] {
    const where = paymentFilterWhere(filter);
    // `created_at <= @afterAt` bounds the index range; the OR breaks ties on the same millisecond by id.
    const keyset = after
      ? ' AND p.created_at <= @afterAt AND (p.created_at < @afterAt OR p.id < @afterId)'
      : '';
    const sql = `SELECT ${ROW_COLUMNS} FROM payments p ${ROW_JOINS}
      WHERE ${where.sql}${keyset} ORDER BY p.created_at DESC, p.id DESC LIMIT @limit`;
    const params = {
      ...where.params,
      limit,
      ...(after ? { afterAt: after.createdAt, afterId: after.id } : {}),
    };
    return (this.prepared(sql).all(params) as RowRecord[]).map(transactionRowFromRecord);
  }

  /** Count and sums over every payment the filter matches. */
  totals(filter: PaymentFilter): TransactionTotals {
    const where = paymentFilterWhere(filter);
    const sql = `SELECT COUNT(*) AS count,
        COALESCE(SUM(p.amount_centavos), 0) AS amount,
        COALESCE(SUM(p.tip_centavos), 0) AS tips,
        COALESCE(SUM(p.status = 'approved'), 0) AS approvedCount,
        COALESCE(SUM(CASE WHEN p.status = 'approved' THEN p.amount_centavos END), 0) AS approvedAmount,
        COALESCE(SUM(CASE WHEN p.status = 'approved' THEN p.tip_centavos END), 0) AS approvedTips
      FROM payments p WHERE ${where.sql}`;
    return this.prepared(sql).get(where.params) as TransactionTotals;
  }

  /** The plans SQLite picks for a filter's page and totals (bench output, reviews). */
  plans(filter: PaymentFilter): { page: string[]; totals: string[] } {
    const where = paymentFilterWhere(filter);
    const explain = (sql: string, params: object) =>
      (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    return {
      page: explain(
        `SELECT ${ROW_COLUMNS} FROM payments p ${ROW_JOINS}
         WHERE ${where.sql} ORDER BY p.created_at DESC, p.id DESC LIMIT 50`,
        where.params,
      ),
      totals: explain(
        `SELECT COUNT(*), SUM(p.amount_centavos) FROM payments p WHERE ${where.sql}`,
        where.params,
      ),
    };
  }

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
