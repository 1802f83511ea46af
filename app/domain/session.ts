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

/**
 * A counter PC left alone locks after five minutes, so nobody rings sales under someone else's
 * name. The renderer counts input; the trusted side counts API calls (issue 11), so a page that is
 * gone or never locks itself cannot keep the session open.
 */
export const IDLE_LOCK_MS = 5 * 60_000;

/** Why the register was locked, as the audit log records it. */
export type SessionLockReason =
  'on_demand' | 'idle' | 'last_connection_closed' | 'last_window_closed' | 'user_locked';
