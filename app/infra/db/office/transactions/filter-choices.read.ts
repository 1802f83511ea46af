/** Distinct values for the transactions filter pickers, read without scanning the payments table. */
import type { Database, Statement } from 'better-sqlite3';
import type { FilterChoicesReadModel } from '../../../../ports/transactions-read.port';

/**
 * Distinct non-null values of an indexed column by hopping from one value to the next (a "skip
 * scan" written as a recursive CTE): one index seek per distinct value, not one step per payment.
 */
function distinctValues(db: Database, column: 'card_brand' | 'terminal_serial'): Statement {
  return db.prepare(`WITH RECURSIVE v(x) AS (
      SELECT MIN(${column}) FROM payments WHERE ${column} IS NOT NULL
      UNION ALL
      SELECT (SELECT MIN(${column}) FROM payments WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL
    ) SELECT x FROM v WHERE x IS NOT NULL`);
}

/** Reads the pickers' choices. */
export class SqliteFilterChoicesReadModel implements FilterChoicesReadModel {
  private readonly brands: Statement;
  private readonly terminals: Statement;
  private readonly cashiers: Statement;
  private readonly registerRows: Statement;

  constructor(db: Database) {
    this.brands = distinctValues(db, 'card_brand').pluck();
    this.terminals = distinctValues(db, 'terminal_serial').pluck();
    this.cashiers = db.prepare('SELECT id, name FROM users ORDER BY name');
    this.registerRows = db.prepare(
      'SELECT id, name, revoked_at IS NOT NULL AS revoked FROM registers ORDER BY id',
    );
  }

  /** Card brands seen on any payment. */
  cardBrands(): string[] {
    return this.brands.all() as string[];
  }

  /** Terminal serials seen on any payment. */
  terminalSerials(): string[] {
    return this.terminals.all() as string[];
  }

  /** Everyone who may have taken a payment (cashiers and managers, active or not). */
  users(): { id: number; name: string }[] {
    return this.cashiers.all() as { id: number; name: string }[];
  }

  /** Every register, by id (the server's own counter, 0, first), revoked ones included. */
  registers(): { id: number; name: string; revoked: boolean }[] {
    const rows = this.registerRows.all() as { id: number; name: string; revoked: number }[];
    return rows.map((r) => ({ id: r.id, name: r.name, revoked: r.revoked === 1 }));
  }
}
