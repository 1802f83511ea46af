/** A user as the core knows it. Never carries the PIN hash out of infra. */
export interface UserSummary {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
}

/** User look-ups the services need. */
export interface UsersRepo {
  /** The active manager whose PIN this is, if any. */
  managerByPin(pin: string): UserSummary | undefined;
}
