import type { Database } from 'better-sqlite3';
import type { SaleRegisterLookup } from '../../ports/sale-register.port';

/** `sales.register_id` on SQLite: where a sale's ticket prints and whose drawer its cash opens. */
export class SqliteSaleRegisterReadModel implements SaleRegisterLookup {
  private readonly stmt;

  constructor(db: Database) {
    this.stmt = db.prepare(`SELECT register_id AS registerId FROM sales WHERE id = ?`);
  }

  registerOf(saleId: number): number | undefined {
    return (this.stmt.get(saleId) as { registerId: number } | undefined)?.registerId;
  }
}
