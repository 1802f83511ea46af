import type { Database } from 'better-sqlite3';
import type { PaymentStatus } from '../../../../domain/payment-status';
import {
  expectedCash,
  type BlockingPayment,
  type CashFlow,
  type CashMovementView,
  type DenominationCounts,
  type ShiftView,
} from '../../../../domain/office/shifts';
import type { NewCashMovement, ShiftClose, ShiftsRepo } from '../../../../ports/shifts.port';
import { SERVER_REGISTER_ID } from '../../../../domain/registers';

/** The store server's own counter (register 0 since migration 017). */
export const MAIN_REGISTER = SERVER_REGISTER_ID;

interface ShiftRow {
  id: number;
  register_id: number;
  register_name: string | null;
  opened_by: number;
  opened_by_name: string | null;
  opened_at: number;
  opening_float_centavos: number;
  closed_by: number | null;
  closed_by_name: string | null;
  closed_at: number | null;
  counted_centavos: number | null;
  expected_centavos: number | null;
  difference_centavos: number | null;
  denominations: string | null;
}

interface MovementRow {
  id: number;
  kind: 'in' | 'out';
  amount_centavos: number;
  reason: string;
  created_by: number;
  by_name: string | null;
  created_at: number;
}

const SHIFT_COLUMNS = `s.id, s.register_id, rg.name AS register_name, s.opened_by, ou.name AS opened_by_name,
  s.opened_at, s.opening_float_centavos,
  s.closed_by, cu.name AS closed_by_name, s.closed_at, s.counted_centavos, s.expected_centavos,
  s.difference_centavos, s.denominations
  FROM shifts s LEFT JOIN users ou ON ou.id = s.opened_by LEFT JOIN users cu ON cu.id = s.closed_by
  LEFT JOIN registers rg ON rg.id = s.register_id`;

/** What a cash sale kept counts while it holds money, and also once refunded (the refund is its own line). */
const CASH_TAKEN = `method = 'cash' AND status IN ('approved', 'refund_requested', 'refunded')`;

/** Far future: the end of an open shift's window. */
const OPEN_END = Number.MAX_SAFE_INTEGER;

/** Maps a movement row to the view. */
export function movementFromRow(row: MovementRow): CashMovementView {
  return {
    id: row.id,
    kind: row.kind,
    amount: row.amount_centavos,
    reason: row.reason,
    by: { id: row.created_by, name: row.by_name ?? '' },
    at: row.created_at,
  };
}

/**
 * Shifts, their cash movements and the cash flow of their window on SQLite.
 *
 * [Note: shift window]
 * A shift's payments are those created in [opened_at, closed_at), an open shift's up to now (the
 * brief's rule: payments belong to a shift by time, not by a column on the payment, so the cashier's
 * flow needs no change). Refunds count in the window where Kushki confirmed them. The daily report's
 * "cash outside shifts" uses the same half-open window. Since issue 17 a shift is one register's
 * drawer: its window holds only that register's payments (`payments.register_id`, the sale's).
 */
export class SqliteShiftsRepo implements ShiftsRepo {
  private readonly s;

  constructor(
    private readonly db: Database,
    /** The register whose drawer `openShift`, `open` and `blockingPayments` mean by default. */
    private readonly registerId: number = MAIN_REGISTER,
  ) {
    this.s = {
      open: db.prepare<[number], ShiftRow>(
        `SELECT ${SHIFT_COLUMNS} WHERE s.register_id = ? AND s.closed_at IS NULL`,
      ),
      byId: db.prepare<[number], ShiftRow>(`SELECT ${SHIFT_COLUMNS} WHERE s.id = ?`),
      // Shifts that overlap [start, end): opened before its end and not closed before its start.
      overlapping: db.prepare<[number, number], ShiftRow>(
        `SELECT ${SHIFT_COLUMNS} WHERE s.opened_at < ? AND (s.closed_at IS NULL OR s.closed_at > ?)
         ORDER BY s.opened_at, s.id`,
      ),
      insert: db.prepare(
        `INSERT INTO shifts (register_id, opened_by, opened_at, opening_float_centavos)
         VALUES (@register, @by, @at, @float)`,
      ),
      close: db.prepare(
        `UPDATE shifts SET closed_by = @by, closed_at = @at, counted_centavos = @counted,
           expected_centavos = @expected, difference_centavos = @difference, denominations = @denominations
         WHERE id = @id AND closed_at IS NULL`,
      ),
      insertMovement: db.prepare(
        `INSERT INTO cash_movements (shift_id, kind, amount_centavos, reason, created_by, created_at)
         VALUES (@shiftId, @kind, @amount, @reason, @by, @at)`,
      ),
      movements: db.prepare<[number], MovementRow>(
        `SELECT m.id, m.kind, m.amount_centavos, m.reason, m.created_by, u.name AS by_name, m.created_at
           FROM cash_movements m LEFT JOIN users u ON u.id = m.created_by WHERE m.shift_id = ? ORDER BY m.id`,
      ),
      cashSales: db.prepare<[number, number, number], { total: number }>(
        `SELECT COALESCE(SUM(amount_centavos), 0) AS total FROM payments
          WHERE register_id = ? AND created_at >= ? AND created_at < ? AND ${CASH_TAKEN}`,
      ),
      cashRefunds: db.prepare<[number, number, number], { total: number }>(
        `SELECT COALESCE(SUM(p.amount_centavos), 0) AS total
           FROM payment_events e JOIN payments p ON p.id = e.payment_id
          WHERE p.register_id = ? AND e.to_status = 'refunded' AND e.at >= ? AND e.at < ? AND p.method = 'cash'`,
      ),
      // Cash given back by returns from this shift's drawer (migration 015). See [Note: returns].
      cashReturns: db.prepare<[number], { total: number }>(
        `SELECT COALESCE(SUM(amount_centavos), 0) AS total FROM returns WHERE shift_id = ? AND method = 'cash'`,
      ),
      blocking: db.prepare<
        [number, number, number],
        {
          id: number;
          sale_id: number;
          unique_reference: string | null;
          status: string;
          amount_centavos: number;
          created_at: number;
        }
      >(
        `SELECT id, sale_id, unique_reference, status, amount_centavos, created_at FROM payments
          WHERE register_id = ? AND created_at >= ? AND created_at < ? AND method = 'card'
            AND status IN ('requested', 'sent', 'unknown')
          ORDER BY id`,
      ),
    };
  }

  /** Runs `work` in one IMMEDIATE transaction (a close reads and writes the drawer atomically). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The register's open shift, if any. */
  openShift(register = this.registerId): ShiftView | null {
    const row = this.s.open.get(register);
    return row ? this.view(row) : null;
  }

  /** A shift by id. */
  get(id: number): ShiftView | null {
    const row = this.s.byId.get(id);
    return row ? this.view(row) : null;
  }

  /** Shifts overlapping [start, end), oldest first. */
  overlapping(start: number, end: number): ShiftView[] {
    return this.s.overlapping.all(end, start).map((row) => this.view(row));
  }

  /** Opens a shift; the partial unique index refuses a second open one (the caller checks first). */
  open(by: number, openingFloat: number, at: number, register = this.registerId): number {
    return Number(this.s.insert.run({ register, by, at, float: openingFloat }).lastInsertRowid);
  }

  /** Appends a cash in or out to a shift. */
  addMovement(movement: NewCashMovement): void {
    this.s.insertMovement.run(movement);
  }

  /** Closes an open shift with its count; false when it was no longer open. */
  close(close: ShiftClose): boolean {
    const result = this.s.close.run({
      id: close.id,
      by: close.by,
      at: close.at,
      counted: close.counted,
      expected: close.expected,
      difference: close.counted - close.expected,
      denominations: JSON.stringify(close.denominations),
    });
    return result.changes === 1;
  }

  /** This register's card payments of [start, end) whose outcome is not known: they keep its shift from closing. */
  blockingPayments(start: number, end = OPEN_END): BlockingPayment[] {
    return this.s.blocking.all(this.registerId, start, end).map((row) => ({
      paymentId: row.id,
      saleId: row.sale_id,
      reference: row.unique_reference,
      status: row.status as PaymentStatus,
      amount: row.amount_centavos,
      createdAt: row.created_at,
    }));
  }

  /**
   * The cash flow of a window: float given, sales and refunds from payments, in/out from movements,
   * and the cash returns paid from this shift's drawer.
   */
  private cashFlow(
    registerId: number,
    shiftId: number,
    movements: MovementRow[],
    openingFloat: number,
    start: number,
    end: number,
  ): CashFlow {
    const sum = (kind: 'in' | 'out') =>
      movements.filter((m) => m.kind === kind).reduce((total, m) => total + m.amount_centavos, 0);
    return {
      openingFloat,
      cashSales: this.s.cashSales.get(registerId, start, end)?.total ?? 0,
      cashIn: sum('in'),
      cashOut: sum('out'),
      cashRefunds:
        (this.s.cashRefunds.get(registerId, start, end)?.total ?? 0) +
        (this.s.cashReturns.get(shiftId)?.total ?? 0),
    };
  }

  private view(row: ShiftRow): ShiftView {
    const movements = this.s.movements.all(row.id);
    const flow = this.cashFlow(
      row.register_id,
      row.id,
      movements,
      row.opening_float_centavos,
      row.opened_at,
      row.closed_at ?? OPEN_END,
    );
    return {
      id: row.id,
      registerId: row.register_id,
      registerName: row.register_name ?? String(row.register_id),
      ...flow,
      openedBy: { id: row.opened_by, name: row.opened_by_name ?? '' },
      openedAt: row.opened_at,
      closedBy: row.closed_by === null ? null : { id: row.closed_by, name: row.closed_by_name ?? '' },
      closedAt: row.closed_at,
      // A closed shift shows what was stored at closing; an open one, what the drawer should hold now.
      expected: row.expected_centavos ?? expectedCash(flow),
      counted: row.counted_centavos,
      difference: row.difference_centavos,
      denominations:
        row.denominations === null ? null : (JSON.parse(row.denominations) as DenominationCounts),
      movements: movements.map(movementFromRow),
    };
  }
}
