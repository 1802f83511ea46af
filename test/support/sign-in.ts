import type { Core } from '../../app/host/create-core';

/** The seeded demo users: the cashier first, then the manager. */
export const DEMO_USERS = {
  cashier: { id: 1, pin: '1111' },
  manager: { id: 2, pin: '9999' },
} as const;

/** Signs a demo user in at this core, as the PIN screen would; throws if the PIN is refused. */
async function signInDemo(core: Core, user: { id: number; pin: string }): Promise<void> {
  const reply = await core.dispatch('session.signIn', { userId: user.id, pin: user.pin });
  if (!reply.ok) throw new Error(`demo sign-in refused: ${reply.error.code}`);
}

/**
 * Signs the demo cashier (Ana López, PIN 1111, the first seeded user) in at this core. Await it:
 * the PIN is hashed off the host's thread (issue 11), so the session opens a little later.
 */
export function signInDemoCashier(core: Core): Promise<void> {
  return signInDemo(core, DEMO_USERS.cashier);
}

/** Signs the demo manager (Luis Hernández, PIN 9999) in at this core, for office channels. Await it. */
export function signInDemoManager(core: Core): Promise<void> {
  return signInDemo(core, DEMO_USERS.manager);
}
