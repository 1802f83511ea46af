import type { Core } from '../../app/host/create-core';

/**
 * Signs the demo cashier (Ana López, PIN 1111, the first seeded user) in at this core, as the PIN
 * screen would. The session service answers synchronously, so the session is open on return.
 */
export function signInDemoCashier(core: Core): void {
  void core.dispatch('session.signIn', { userId: 1, pin: '1111' });
}
