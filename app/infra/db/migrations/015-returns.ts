import type { Migration } from './migration';

/**
 * Issue 14 item 6: returns by item. A return is a header (`returns`: the sale, how the money went
 * back, who did it) and its lines (`return_lines`: which sale line, how many thousandths, how much).
 * See [Note: returns] in app/services/office/returns/returns.service.ts.
 *
 * - A card return points at its row in the refund ledger (migration 005), which carries the money to
 *   Kushki; a cash return points at the shift whose drawer paid it. Exactly one of the two.
 * - Quantities are thousandths (Milli) so weighed lines can be returned in part; a line sold by the
 *   piece counts `quantity × 1000`.
 * - The trigger refuses a line returned beyond what was sold less what earlier returns took back,
 *   whatever code writes it. A return whose card refund failed gives its quantities back.
 * - Both tables are evidence about money: append-only.
 * - return_lines references sale_lines: a later migration that rebuilds sale_lines (as 014 did) must
 *   keep every id and run with foreign keys off, and re-create the triggers below.
 */
export const migration015: Migration = {
  version: 15,
  name: 'returns',
  up(db) {
    // Migration 014 (weighed lines, issue 14 item 5) adds sale_lines.quantity_milli, NULL on piece
    // lines; it is read here so the trigger counts a weighed line's thousandths whatever order the
    // two branches merged in. Code elsewhere reads the same rule (SOLD_MILLI in returns.repo.ts).
    const columns = db.prepare(`PRAGMA table_info(sale_lines)`).all() as { name: string }[];
    const sold = columns.some((c) => c.name === 'quantity_milli')
      ? 'COALESCE(quantity_milli, quantity * 1000)'
      : 'quantity * 1000';
    db.exec(`
      CREATE TABLE returns (
        id               INTEGER PRIMARY KEY,
        sale_id          INTEGER NOT NULL REFERENCES sales (id),
        method           TEXT NOT NULL CHECK (method IN ('card', 'cash')),
        amount_centavos  INTEGER NOT NULL CHECK (amount_centavos > 0),
        refund_id        INTEGER UNIQUE REFERENCES refunds (id),
        shift_id         INTEGER REFERENCES shifts (id),
        reason           TEXT CHECK (reason IS NULL OR length(reason) <= 200),
        created_by       INTEGER NOT NULL REFERENCES users (id),
        created_at       INTEGER NOT NULL,
        CHECK ((method = 'card') = (refund_id IS NOT NULL)),
        CHECK ((method = 'cash') = (shift_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX returns_by_sale ON returns (sale_id, id);
      CREATE INDEX returns_by_time ON returns (created_at);
      CREATE INDEX returns_cash_by_shift ON returns (shift_id) WHERE method = 'cash';

      CREATE TABLE return_lines (
        id               INTEGER PRIMARY KEY,
        return_id        INTEGER NOT NULL REFERENCES returns (id),
        sale_line_id     INTEGER NOT NULL REFERENCES sale_lines (id),
        quantity_milli   INTEGER NOT NULL CHECK (quantity_milli > 0),
        amount_centavos  INTEGER NOT NULL CHECK (amount_centavos >= 0),
        UNIQUE (return_id, sale_line_id)
      ) STRICT;
      CREATE INDEX return_lines_by_sale_line ON return_lines (sale_line_id);

      -- Never more back than was sold: quantities of returns not given back by a failed card refund.
      CREATE TRIGGER return_lines_within_sold BEFORE INSERT ON return_lines
      WHEN (SELECT COALESCE(SUM(x.quantity_milli), 0) FROM return_lines x
              JOIN returns r ON r.id = x.return_id LEFT JOIN refunds f ON f.id = r.refund_id
             WHERE x.sale_line_id = NEW.sale_line_id AND (f.id IS NULL OR f.status <> 'failed'))
           + NEW.quantity_milli
         > (SELECT ${sold} FROM sale_lines WHERE id = NEW.sale_line_id)
      BEGIN SELECT RAISE(ABORT, 'return exceeds the quantity sold'); END;
      -- A line belongs to the sale of its return.
      CREATE TRIGGER return_lines_same_sale BEFORE INSERT ON return_lines
      WHEN (SELECT sale_id FROM sale_lines WHERE id = NEW.sale_line_id)
           IS NOT (SELECT sale_id FROM returns WHERE id = NEW.return_id)
      BEGIN SELECT RAISE(ABORT, 'a return line must be a line of the returned sale'); END;

      CREATE TRIGGER returns_refuse_update BEFORE UPDATE ON returns
      BEGIN SELECT RAISE(ABORT, 'returns are append-only'); END;
      CREATE TRIGGER returns_refuse_delete BEFORE DELETE ON returns
      BEGIN SELECT RAISE(ABORT, 'returns are append-only'); END;
      CREATE TRIGGER return_lines_refuse_update BEFORE UPDATE ON return_lines
      BEGIN SELECT RAISE(ABORT, 'return_lines is append-only'); END;
      CREATE TRIGGER return_lines_refuse_delete BEFORE DELETE ON return_lines
      BEGIN SELECT RAISE(ABORT, 'return_lines is append-only'); END;
    `);
  },
};
