import type { Database } from 'better-sqlite3';
import type { UserSummary, UsersRepo } from '../../ports/users.port';
import { verifyPin } from '../security/pin-hash';

interface UserRow {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  pin_hash: string;
}

/** Users on SQLite; PIN hashes stay in here. */
export class SqliteUsersRepo implements UsersRepo {
  private readonly managers;

  constructor(db: Database) {
    this.managers = db.prepare<[], UserRow>(
      `SELECT id, name, role, pin_hash FROM users WHERE role = 'manager' AND active = 1 ORDER BY id`,
    );
  }

  managerByPin(pin: string): UserSummary | undefined {
    const match = this.managers.all().find((row) => verifyPin(pin, row.pin_hash));
    return match ? { id: match.id, name: match.name, role: match.role } : undefined;
  }
}
