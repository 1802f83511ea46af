import type { Database } from 'better-sqlite3';
import type { UserAdminRepo, UserRecord, UserSummary, UsersRepo } from '../../ports/users.port';
import { hashPin, verifyPin } from '../security/pin-hash';

interface UserRow {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  pin_hash: string;
}

function toSummary(row: { id: number; name: string; role: 'cashier' | 'manager' }): UserSummary {
  return { id: row.id, name: row.name, role: row.role };
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
    return this.active.all().map(toSummary);
  }

  activeUser(userId: number): UserSummary | undefined {
    const row = this.byId.get(userId);
    return row ? toSummary(row) : undefined;
  }

  activeManagers(): UserSummary[] {
    return this.managers.all().map(toSummary);
  }

  async verify(userId: number, pin: string): Promise<UserSummary | undefined> {
    const row = this.byId.get(userId);
    return row && (await verifyPin(pin, row.pin_hash)) ? toSummary(row) : undefined;
  }

  all(): UserRecord[] {
    return this.admin.all.all().map(toRecord);
  }

  record(userId: number): UserRecord | undefined {
    const row = this.admin.one.get(userId);
    return row ? toRecord(row) : undefined;
  }

  async add(
    user: { name: string; role: 'cashier' | 'manager'; pin: string },
    now: number,
  ): Promise<UserRecord> {
    const hash = await hashPin(user.pin);
    const id = Number(this.admin.insert.run(user.name, user.role, hash, now).lastInsertRowid);
    return { id, name: user.name, role: user.role, active: true, locked: false };
  }

  async setPin(userId: number, pin: string): Promise<void> {
    this.admin.setPin.run(await hashPin(pin), userId);
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
}

interface AdminRow {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  active: number;
  locked: number;
}

function toRecord(row: AdminRow): UserRecord {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1, locked: row.locked === 1 };
}

/** The statements of user management; none of them selects pin_hash. */
function adminStatements(db: Database) {
  // A user is locked while their run of wrong PINs has a lock time (see [Note: PIN failures per target]).
  const columns = `u.id, u.name, u.role, u.active, (a.locked_at IS NOT NULL) AS locked
    FROM users u LEFT JOIN pin_attempts a ON a.user_id = u.id`;
  return {
    all: db.prepare<[], AdminRow>(`SELECT ${columns} ORDER BY u.active DESC, u.name`),
    one: db.prepare<[number], AdminRow>(`SELECT ${columns} WHERE u.id = ?`),
    insert: db.prepare<[string, string, string, number]>(
      `INSERT INTO users (name, role, pin_hash, active, created_at) VALUES (?, ?, ?, 1, ?)`,
    ),
    setPin: db.prepare<[string, number]>(`UPDATE users SET pin_hash = ? WHERE id = ?`),
    setRole: db.prepare<[string, number]>(`UPDATE users SET role = ? WHERE id = ?`),
    deactivate: db.prepare<[number]>(`UPDATE users SET active = 0 WHERE id = ?`),
  };
}
