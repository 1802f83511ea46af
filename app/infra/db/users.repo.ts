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
  private readonly active;
  private readonly byId;
  private readonly name;

  constructor(db: Database) {
    this.managers = db.prepare<[], UserRow>(
      `SELECT id, name, role, pin_hash FROM users WHERE role = 'manager' AND active = 1 ORDER BY id`,
    );
    this.active = db.prepare<[], UserRow>(
      `SELECT id, name, role, pin_hash FROM users WHERE active = 1 ORDER BY role, name`,
    );
    this.name = db.prepare<[number], { name: string }>(`SELECT name FROM users WHERE id = ?`);
    this.byId = db.prepare<[number], UserRow>(
      `SELECT id, name, role, pin_hash FROM users WHERE id = ? AND active = 1`,
    );
  }

  nameOf(userId: number): string | undefined {
    return this.name.get(userId)?.name;
  }

  list(): UserSummary[] {
    return this.active.all().map((row) => ({ id: row.id, name: row.name, role: row.role }));
  }

  verify(userId: number, pin: string): UserSummary | undefined {
    const row = this.byId.get(userId);
    return row && verifyPin(pin, row.pin_hash) ? { id: row.id, name: row.name, role: row.role } : undefined;
  }

  managerByPin(pin: string): UserSummary | undefined {
    const match = this.managers.all().find((row) => verifyPin(pin, row.pin_hash));
    return match ? { id: match.id, name: match.name, role: match.role } : undefined;
  }
}
