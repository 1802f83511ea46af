import type { Core } from '../../app/host/create-core';

/**
 * Signs the demo cashier (Ana López, PIN 1111, the first seeded user) in at this core, as the PIN
 * screen would. The session service answers synchronously, so the session is open on return.
 */
export function signInDemoCashier(core: Core): void {
  void core.dispatch('session.signIn', { userId: 1, pin: '1111' });
}

/** The seeded demo users: the cashier first, then the manager. */
export const DEMO_USERS = {
  cashier: { id: 1, pin: '1111' },
  manager: { id: 2, pin: '9999' },
} as const;

/** Signs the demo manager (Luis Hernández, PIN 9999) in at this core, for office channels. */
export function signInDemoManager(core: Core): void {
  void core.dispatch('session.signIn', { userId: DEMO_USERS.manager.id, pin: DEMO_USERS.manager.pin });
}
