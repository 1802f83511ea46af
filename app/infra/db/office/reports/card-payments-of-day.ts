import type { Database } from 'better-sqlite3';
import type { CardPaymentToCheck } from '../../../../ports/reports.port';

/** Card payments created in [start, end), oldest first (the reconciliation's list). */
export function cardPaymentsBetween(db: Database, start: number, end: number): CardPaymentToCheck[] {
  return db
    .prepare<[number, number], CardPaymentToCheck>(
      `SELECT id AS paymentId, sale_id AS saleId, unique_reference AS reference, status, amount_centavos AS amount
         FROM payments
        WHERE created_at >= ? AND created_at < ? AND method = 'card' AND unique_reference IS NOT NULL
        ORDER BY created_at, id`,
    )
    .all(start, end);
}
