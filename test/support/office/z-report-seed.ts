/**
 * A small deterministic store history for the Z report tests: sales and payments spread over a
 * Mexico City day and its edges (the evening before, the early morning after), with split tender,
 * tips, every payment status, refunds confirmed the same day and the next, three cashiers (one with
 * accents in her name) and one closed shift. Written straight into SQLite so the tests check the
 * report's SQL against their own arithmetic over this list, not against the code under test.
 */
import type { Database } from 'better-sqlite3';
import { createRandom } from '../../../common/random/prng';

/** One seeded payment, as the test's independent computation reads it. */
export interface SeededPayment {
  id: number;
  saleId: number;
  method: 'cash' | 'card';
  status: string;
  amount: number;
  tip: number;
  brand: string | null;
  cashier: number | null;
  createdAt: number;
  /** When Kushki confirmed the refund, for refunded payments. */
  refundedAt: number | null;
  saleTotal: number;
  saleIva: number;
}

/** One seeded shift window. */
export interface SeededShift {
  openedAt: number;
  closedAt: number;
}

/** What was seeded. */
export interface SeededHistory {
  payments: SeededPayment[];
  shifts: SeededShift[];
  /** The third cashier, whose name has accents (CSV/PDF checks). */
  accentedCashier: { id: number; name: string };
}

const HOUR = 3_600_000;
/** Mexico City has been UTC−6 all year since 2022: local midnight of 2026-11-23 is 06:00 UTC. */
export const SEED_DAY = '2026-11-23';
export const SEED_DAY_START = Date.UTC(2026, 10, 23, 6);
export const SEED_DAY_END = SEED_DAY_START + 24 * HOUR;

const BRANDS = ['VISA', 'MASTERCARD', 'AMEX', null] as const;
const CARD_STATUSES = [
  ...Array<string>(14).fill('approved'),
  'declined',
  'declined',
  'refunded',
  'refunded',
  'refunded',
  'refund_requested',
  'unknown',
  'canceled',
  'expired',
  'failed',
];

/** Seeds `sales` sales around SEED_DAY into an already migrated database. */
export function seedZReportHistory(db: Database, sales = 80, seed = 7): SeededHistory {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const accented = { id: 0, name: 'Begoña Íñiguez' };
  accented.id = Number(
    db
      .prepare(
        `INSERT INTO users (name, role, pin_hash, active, created_at) VALUES (?, 'cashier', 'x', 1, ?)`,
      )
      .run(accented.name, SEED_DAY_START).lastInsertRowid,
  );
  const cashiers = [1, 2, accented.id, null];
  const insertSale = db.prepare(
    `INSERT INTO sales (status, opened_at, updated_at, completed_at, total_centavos, iva_centavos)
     VALUES ('completed', @at, @at, @at, @total, @iva)`,
  );
  const insertPayment = db.prepare(
    `INSERT INTO payments (sale_id, method, status, amount_centavos, tip_centavos, tendered_centavos, change_centavos,
       identifier, unique_reference, card_brand, created_by, created_at, updated_at)
     VALUES (@saleId, @method, @status, @amount, @tip, @tendered, @change, @ref, @ref, @brand, @cashier, @at, @at)`,
  );
  const insertRefund = db.prepare(
    `INSERT INTO payment_events (payment_id, unique_reference, kind, source, from_status, to_status, at)
     VALUES (?, ?, 'transition', 'kushki_status', 'refund_requested', 'refunded', ?)`,
  );
  const payments: SeededPayment[] = [];
  db.transaction(() => {
    for (let i = 0; i < sales; i++) {
      // From 3 h before the day to 3 h after it, on exact edges now and then.
      const edge = [SEED_DAY_START - 1, SEED_DAY_START, SEED_DAY_END - 1, SEED_DAY_END][i];
      const at = edge ?? SEED_DAY_START - 3 * HOUR + Math.floor(random() * 30 * HOUR);
      const total = 500 + Math.floor(random() * 150_000);
      const iva = random() < 0.7 ? Math.round((total * 16) / 116) : 0;
      const saleId = Number(insertSale.run({ at, total, iva }).lastInsertRowid);
      const split = random() < 0.25;
      const cashPart = split ? Math.max(100, Math.floor(total * random())) : total;
      const parts: { method: 'cash' | 'card'; amount: number }[] = split
        ? [
            { method: 'cash', amount: Math.min(cashPart, total - 1) },
            { method: 'card', amount: total - Math.min(cashPart, total - 1) },
          ]
        : [{ method: random() < 0.45 ? 'cash' : 'card', amount: total }];
      const cashier = pick(cashiers);
      parts.forEach((part, j) => {
        const card = part.method === 'card';
        const status = card ? pick(CARD_STATUSES) : 'approved';
        const tip = card && random() < 0.3 ? 100 * Math.floor(random() * 50) : 0;
        const tendered = card ? null : part.amount + Math.floor(random() * 10_000);
        const ref = card ? `seed-${i}-${j}` : null;
        const brand = card ? pick(BRANDS) : null;
        const createdAt = at + j * 1000;
        const id = Number(
          insertPayment.run({
            saleId,
            method: part.method,
            status,
            amount: part.amount,
            tip,
            tendered,
            change: tendered === null ? null : tendered - part.amount,
            ref,
            brand,
            cashier,
            at: createdAt,
          }).lastInsertRowid,
        );
        // Refunds land between 1 and 20 hours later: some the same day, some the next.
        const refundedAt = status === 'refunded' ? createdAt + HOUR + Math.floor(random() * 19 * HOUR) : null;
        if (refundedAt !== null) insertRefund.run(id, ref, refundedAt);
        payments.push({
          id,
          saleId,
          method: part.method,
          status,
          amount: part.amount,
          tip,
          brand,
          cashier,
          createdAt,
          refundedAt,
          saleTotal: total,
          saleIva: iva,
        });
      });
    }
  })();
  // One closed shift from 09:00 to 15:00 local: cash outside it is reported apart.
  const shift = { openedAt: SEED_DAY_START + 9 * HOUR, closedAt: SEED_DAY_START + 15 * HOUR };
  db.prepare(
    `INSERT INTO shifts (opened_by, opened_at, opening_float_centavos, closed_by, closed_at, counted_centavos,
       expected_centavos, difference_centavos, denominations)
     VALUES (2, ?, 50000, 2, ?, 50000, 50000, 0, '{"b500":1}')`,
  ).run(shift.openedAt, shift.closedAt);
  return { payments, shifts: [shift], accentedCashier: accented };
}
