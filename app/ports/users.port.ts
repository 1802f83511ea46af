import type { UserSummary } from '../domain/session';

export type { UserSummary };

/** User look-ups the services need. */
export interface UsersRepo {
  /** The active manager whose PIN this is, if any. */
  managerByPin(pin: string): UserSummary | undefined;
  /** Active users, for the sign-in screen. */
  list(): UserSummary[];
  /** The active user `userId` when `pin` is theirs. */
  verify(userId: number, pin: string): UserSummary | undefined;
  /** Any user's name (also inactive ones: old receipts keep their cashier). */
  nameOf(userId: number): string | undefined;
}

/** A user row for the manager's table: no PIN hash ever leaves the repo. */
export interface UserRecord {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  active: boolean;
}

/** Managing users (issue 7). Users are never deleted: sales and payments reference them. */
export interface UserAdminRepo {
  /** Every user, active ones first. */
  all(): UserRecord[];
  record(userId: number): UserRecord | undefined;
  /** Adds a user; the repo hashes the PIN. */
  add(user: { name: string; role: 'cashier' | 'manager'; pin: string }, now: number): UserRecord;
  setPin(userId: number, pin: string): void;
  setRole(userId: number, role: 'cashier' | 'manager'): void;
  deactivate(userId: number): void;
  activeManagerCount(): number;
}
