import type { Database } from 'better-sqlite3';
import type { UserAdminRepo, UserRecord, UserSummary, UsersRepo } from '../../ports/users.port';
import { hashPin, verifyPin } from '../security/pin-hash';

interface UserRow {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  pin_hash: string;
}

/** Users on SQLite; PIN hashes stay in here. */
export class SqliteUsersRepo implements UsersRepo, UserAdminRepo {
  private readonly managers;
  private readonly active;
  private readonly byId;
  private readonly name;
  private readonly admin;

  constructor(db: Database) {
    this.admin = adminStatements(db);
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

  all(): UserRecord[] {
    return this.admin.all.all().map(toRecord);
  }

  record(userId: number): UserRecord | undefined {
    const row = this.admin.one.get(userId);
    return row ? toRecord(row) : undefined;
  }

  add(user: { name: string; role: 'cashier' | 'manager'; pin: string }, now: number): UserRecord {
    const id = Number(this.admin.insert.run(user.name, user.role, hashPin(user.pin), now).lastInsertRowid);
    return { id, name: user.name, role: user.role, active: true };
  }

  setPin(userId: number, pin: string): void {
    this.admin.setPin.run(hashPin(pin), userId);
  }

  setRole(userId: number, role: 'cashier' | 'manager'): void {
    this.admin.setRole.run(role, userId);
  }

  deactivate(userId: number): void {
    this.admin.deactivate.run(userId);
  }

  activeManagerCount(): number {
    return this.managers.all().length;
  }

  managerByPin(pin: string): UserSummary | undefined {
    const match = this.managers.all().find((row) => verifyPin(pin, row.pin_hash));
    return match ? { id: match.id, name: match.name, role: match.role } : undefined;
  }
}

interface AdminRow {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  active: number;
}

function toRecord(row: AdminRow): UserRecord {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1 };
}

/** The statements of user management; none of them selects pin_hash. */
function adminStatements(db: Database) {
  return {
    all: db.prepare<[], AdminRow>(`SELECT id, name, role, active FROM users ORDER BY active DESC, name`),
    one: db.prepare<[number], AdminRow>(`SELECT id, name, role, active FROM users WHERE id = ?`),
    insert: db.prepare<[string, string, string, number]>(
      `INSERT INTO users (name, role, pin_hash, active, created_at) VALUES (?, ?, ?, 1, ?)`,
    ),
    setPin: db.prepare<[string, number]>(`UPDATE users SET pin_hash = ? WHERE id = ?`),
    setRole: db.prepare<[string, number]>(`UPDATE users SET role = ? WHERE id = ?`),
    deactivate: db.prepare<[number]>(`UPDATE users SET active = 0 WHERE id = ?`),
  };
}
