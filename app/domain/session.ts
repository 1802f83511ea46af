/** A user as the core knows it. Never carries the PIN hash out of infra. */
export interface UserSummary {
  id: number;
  name: string;
  role: 'cashier' | 'manager';
}

/** Who is at the register, as the renderer sees it. See [Note: one session per register]. */
export interface SessionView {
  user: UserSummary;
  locked: boolean;
  since: number;
}
