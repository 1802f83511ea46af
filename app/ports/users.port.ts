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
