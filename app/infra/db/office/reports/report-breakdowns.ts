import type { Database } from 'better-sqlite3';
import type { PaymentMethod } from '../../../../domain/payment';
import type {
  BreakdownRow,
  RegisterBreakdownRow,
  ReportBreakdowns,
  ReportScope,
  ReportTotals,
} from '../../../../domain/office/reports';
import type { StoreTimeZone } from '../../../../domain/store-time-zone';
import { storeHourOf, type DayRange } from '../../../../domain/office/store-day';

const HOUR_MS = 3_600_000;

/**
 * [Note: report periods]
 * Both reports run over a list of store days passed as JSON and joined as a tiny driving table, so
 * each day is one range scan of an index on time (payments_report, payment_events_refunded; see
 * migration 003) and DST days keep their true length. Rows come back grouped by (day, elapsed hour,
 * tender, brand, cashier) — a few thousand at most for a month — and are rolled up here.
 */
const PERIODS = `WITH d AS (
  SELECT json_extract(value, '$.i') AS i, json_extract(value, '$.start') AS start,
         json_extract(value, '$.end') AS end_
    FROM json_each(@periods))`;

/**
 * A register filter (issue 17) on the register column `column`, or none for the whole store (two
 * statements, so the whole store's plan is exactly the one without registers).
 */
type Scoped = boolean;
const ofRegister = (scoped: Scoped, column: string) => (scoped ? `${column} = @register` : 'true');

/**
 * Sales: payments that took money in the period. A sale's IVA is shared among its payments pro rata,
 * rounded half up per payment in integers; a sale not yet completed has no IVA stored and counts 0.
 * The register is read from the sale (a payment's is copied from it, migration 017): the sales row
 * is read anyway for the IVA, while payments_report does not cover payments.register_id, so reading
 * it there would add a table lookup per payment. Grouping by register still costs the whole-store
 * year's money totals about a quarter more (more groups to roll up): `npm run bench:reports`.
 */
const salesSql = (scoped: Scoped) => `${PERIODS}
SELECT d.i AS day_index, (p.created_at - d.start) / ${HOUR_MS} AS elapsed_hour, p.method AS method,
       p.card_brand AS brand, p.created_by AS cashier, s.register_id AS register, COUNT(*) AS n, SUM(p.amount_centavos) AS sales,
       SUM(p.tip_centavos) AS tips,
       SUM(CASE WHEN s.total_centavos > 0 AND s.iva_centavos IS NOT NULL
                THEN (2 * s.iva_centavos * p.amount_centavos + s.total_centavos) / (2 * s.total_centavos)
                ELSE 0 END) AS iva
  FROM d JOIN payments p ON p.created_at >= d.start AND p.created_at < d.end_
   AND p.status IN ('approved', 'refund_requested', 'refunded')
  JOIN sales s ON s.id = p.sale_id AND ${ofRegister(scoped, 's.register_id')}
 GROUP BY 1, 2, 3, 4, 5, 6`;

/**
 * Refunds: counted when Kushki confirmed them, grouped by the refunded payment's tender, brand and
 * cashier. Each confirmed row of the refund ledger (migration 005; partial refunds included, card
 * returns by item among them) counts
 * its own amount at the moment it was confirmed (a finished refund's updated_at never changes). A
 * payment that reached 'refunded' with no ledger row at all (a full refund recorded before the
 * ledger existed) counts its whole amount at that transition. CROSS JOIN keeps the days as the
 * outer loop (SQLite does not reorder it): without it the planner scanned a year of refund events.
 * Cash returns by item (migration 015) count as cash refunds when they were made, under the sale's
 * cashier: the drawer paid them at once. See [Note: returns].
 */
const refundsSql = (scoped: Scoped) => `${PERIODS},
r AS (
  SELECT d.i AS day_index, r.updated_at - d.start AS elapsed, p.method AS method, p.card_brand AS brand,
         p.created_by AS cashier, p.register_id AS register, r.amount_centavos AS amount
    FROM d CROSS JOIN refunds r ON r.status = 'confirmed' AND r.updated_at >= d.start AND r.updated_at < d.end_
    JOIN payments p ON p.id = r.payment_id
   WHERE ${ofRegister(scoped, 'p.register_id')}
  UNION ALL
  SELECT d.i, e.at - d.start, p.method, p.card_brand, p.created_by, p.register_id, p.amount_centavos
    FROM d CROSS JOIN payment_events e ON e.to_status = 'refunded' AND e.at >= d.start AND e.at < d.end_
    JOIN payments p ON p.id = e.payment_id
   WHERE NOT EXISTS (SELECT 1 FROM refunds x WHERE x.payment_id = e.payment_id) AND ${ofRegister(scoped, 'p.register_id')}
  UNION ALL
  SELECT d.i, t.created_at - d.start, 'cash', NULL, s.cashier_id, s.register_id, t.amount_centavos
    FROM d CROSS JOIN returns t ON t.method = 'cash' AND t.created_at >= d.start AND t.created_at < d.end_
    JOIN sales s ON s.id = t.sale_id
   WHERE ${ofRegister(scoped, 's.register_id')})
SELECT day_index, elapsed / ${HOUR_MS} AS elapsed_hour, method, brand, cashier, register, COUNT(*) AS n,
       SUM(amount) AS refunds
  FROM r
 GROUP BY 1, 2, 3, 4, 5, 6`;

interface GroupKey {
  day_index: number;
  elapsed_hour: number;
  method: PaymentMethod;
  brand: string | null;
  cashier: number | null;
  register: number;
  n: number;
}
interface SalesGroup extends GroupKey {
  sales: number;
  tips: number;
  iva: number;
}
interface RefundsGroup extends GroupKey {
  refunds: number;
}

/** Zero totals. */
export function emptyTotals(): ReportTotals {
  return { count: 0, sales: 0, tips: 0, iva: 0, refundCount: 0, refunds: 0, net: 0 };
}

/** Adds a group's sales or refunds into totals (net kept as sales − refunds). */
function add(totals: ReportTotals, group: SalesGroup | RefundsGroup): void {
  if ('sales' in group) {
    totals.count += group.n;
    totals.sales += group.sales;
    totals.tips += group.tips;
    totals.iva += group.iva;
  } else {
    totals.refundCount += group.n;
    totals.refunds += group.refunds;
  }
  totals.net = totals.sales - totals.refunds;
}

/** Adds a group into a register's row, which also splits the sales by tender. */
function addToRegister(
  rows: Map<number, RegisterBreakdownRow>,
  group: SalesGroup | RefundsGroup,
  names: Map<number, string>,
): void {
  let row = rows.get(group.register);
  if (!row) {
    const label = names.get(group.register) ?? null;
    row = { key: group.register, label, ...emptyTotals(), cardSales: 0, cashSales: 0 };
    rows.set(group.register, row);
  }
  add(row, group);
  if ('sales' in group) row[group.method === 'card' ? 'cardSales' : 'cashSales'] += group.sales;
}

/** A breakdown being built: rows by key, in first-seen order until sorted. */
class Rollup<K> {
  private readonly rows = new Map<K, BreakdownRow<K>>();
  constructor(private readonly label: (key: K) => string | null = () => null) {}

  add(key: K, group: SalesGroup | RefundsGroup): void {
    let row = this.rows.get(key);
    if (!row) {
      row = { key, label: this.label(key), ...emptyTotals() };
      this.rows.set(key, row);
    }
    add(row, group);
  }

  sorted(compare: (a: BreakdownRow<K>, b: BreakdownRow<K>) => number): BreakdownRow<K>[] {
    return [...this.rows.values()].sort(compare);
  }
}

const bySalesDesc = <K>(a: BreakdownRow<K>, b: BreakdownRow<K>) => b.sales - a.sales || b.refunds - a.refunds;
const byKeyAsc = <K extends number | string>(a: BreakdownRow<K>, b: BreakdownRow<K>) =>
  a.key < b.key ? -1 : 1;
const TENDER_ORDER: Record<PaymentMethod, number> = { cash: 0, card: 1 };

/** Every register's name by id (revoked ones too: their past sales still carry them). */
export function registerNames(db: Database): Map<number, string> {
  const rows = db.prepare<[], { id: number; name: string }>(`SELECT id, name FROM registers`).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The scope fields of a report: the register it is limited to and its name, or nulls for the store. */
export function scopeOf(
  db: Database,
  scope: ReportScope,
): { registerId: number | null; registerName: string | null } {
  if (scope.registerId === undefined) return { registerId: null, registerName: null };
  const name = registerNames(db).get(scope.registerId) ?? String(scope.registerId);
  return { registerId: scope.registerId, registerName: name };
}

/**
 * The breakdowns of the given days, plus totals per day, for the whole store or one register's
 * payments (`scope.registerId`). See [Note: report periods].
 */
export function reportBreakdowns(
  db: Database,
  days: readonly DayRange[],
  zone: StoreTimeZone,
  scope: ReportScope = {},
): ReportBreakdowns & { byDay: BreakdownRow<string>[] } {
  const params = {
    periods: JSON.stringify(days.map((day, i) => ({ i, start: day.start, end: day.end }))),
    register: scope.registerId ?? null,
  };
  const scoped = scope.registerId !== undefined;
  const sales = db.prepare<[typeof params], SalesGroup>(salesSql(scoped)).all(params);
  const refunds = db.prepare<[typeof params], RefundsGroup>(refundsSql(scoped)).all(params);
  const names = new Map(
    db
      .prepare<[], { id: number; name: string }>(`SELECT id, name FROM users`)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const registers = registerNames(db);
  const byRegister = new Map<number, RegisterBreakdownRow>();

  const totals = emptyTotals();
  const byTender = new Rollup<PaymentMethod>();
  const byBrand = new Rollup<string | null>();
  const byCashier = new Rollup<number | null>((id) => (id === null ? null : (names.get(id) ?? null)));
  const byHour = new Rollup<number>();
  const byDay = new Rollup<string>();
  for (const group of [...sales, ...refunds]) {
    const day = days[group.day_index];
    if (!day) continue;
    add(totals, group);
    byTender.add(group.method, group);
    if (group.method === 'card') byBrand.add(group.brand, group);
    byCashier.add(group.cashier, group);
    // Elapsed hours since local midnight become local hours (they differ only on a DST day).
    byHour.add(storeHourOf(day.start + group.elapsed_hour * HOUR_MS, zone), group);
    byDay.add(day.day, group);
    addToRegister(byRegister, group, registers);
  }
  return {
    totals,
    byRegister: [...byRegister.values()].sort((a, b) => a.key - b.key),
    byTender: byTender.sorted((a, b) => TENDER_ORDER[a.key] - TENDER_ORDER[b.key]),
    byBrand: byBrand.sorted(bySalesDesc),
    byCashier: byCashier.sorted(bySalesDesc),
    byHour: byHour.sorted(byKeyAsc),
    byDay: byDay.sorted(byKeyAsc),
  };
}
