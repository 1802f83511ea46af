import type { PinFailures } from '../domain/pin-guard';
import type { Result } from '../domain/result';
import type { UserSummary } from '../domain/session';

export type { UserSummary };

/** User look-ups the services need. */
export interface UsersRepo {
  /** Active users, for the sign-in screen. */
  list(): UserSummary[];
  /** The active user `userId`, if any (no PIN check). */
  activeUser(userId: number): UserSummary | undefined;
  /** Active managers, for a PIN typed at an approval prompt. */
  activeManagers(): UserSummary[];
  /** The active user `userId` when `pin` is theirs. Hashing runs off the host's thread. */
  verify(userId: number, pin: string): Promise<UserSummary | undefined>;
  /** Any user's name (also inactive ones: old receipts keep their cashier). */
  nameOf(userId: number): string | undefined;
}

/** Each user's run of wrong PINs, kept across restarts. See [Note: PIN failures per target]. */
export interface PinFailuresRepo {
  /** The user's current run (NO_FAILURES when there is none). */
  get(userId: number): PinFailures;
  save(userId: number, state: PinFailures): void;
  /** Forgets the run: a correct PIN, or a manager's unlock. */
  clear(userId: number): void;
}

/**
 * A manager's PIN typed to approve something (a discount, a refund) without signing in: the
 * approving manager, or why not (`forbidden`, `rate_limited`, `user_locked`).
 */
export type ManagerApproval = (pin: string) => Promise<Result<UserSummary>>;

/** A user row for the manager's table: no PIN hash ever leaves the repo. */
export interface UserRecord {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
  active: boolean;
  /** Locked after too many wrong PINs, until a manager unlocks them. */
  locked: boolean;
}

/** Managing users (issue 7). Users are never deleted: sales and payments reference them. */
export interface UserAdminRepo {
  /** Every user, active ones first. */
  all(): UserRecord[];
  record(userId: number): UserRecord | undefined;
  /** Adds a user; the repo hashes the PIN (off the host's thread). */
  add(user: { name: string; role: 'cashier' | 'manager'; pin: string }, now: number): Promise<UserRecord>;
  setPin(userId: number, pin: string): Promise<void>;
  setRole(userId: number, role: 'cashier' | 'manager'): void;
  deactivate(userId: number): void;
  activeManagerCount(): number;
}
