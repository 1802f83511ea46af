import type { CajaApi } from '../../../app/api/contract';
import type { SessionView, UserSummary } from '../../../app/domain/session';
import type { GetState, SetState } from './store-types';

/** Outcome of a PIN attempt, for the login screen to explain. */
export type SignInOutcome = 'ok' | 'wrong' | 'wait' | 'locked' | 'error';

/** Who is at the register, as the trusted side reports it. */
export interface SessionSlice {
  session: SessionView | null;
  users: UserSummary[];
  /** Epoch ms until which the trusted side refuses PINs (after repeated wrong ones). */
  pinBlockedUntil: number;
  loadSession(): Promise<void>;
  signIn(userId: number, pin: string): Promise<SignInOutcome>;
  lock(): Promise<void>;
  signOut(): Promise<void>;
  applySession(session: SessionView | null): void;
}

/** Session actions. The PIN goes to the trusted side and is never kept here. */
export function createSessionSlice(api: CajaApi, set: SetState, get: GetState): SessionSlice {
  return {
    session: null,
    users: [],
    pinBlockedUntil: 0,
    async loadSession() {
      const [session, users] = await Promise.all([
        api.invoke('session.get', {}),
        api.invoke('session.users.list', {}),
      ]);
      if (session.ok) set({ session: session.value });
      if (users.ok) set({ users: users.value });
    },
    async signIn(userId, pin) {
      const reply = await api.invoke('session.signIn', { userId, pin });
      if (reply.ok) {
        set({ session: reply.value, pinBlockedUntil: 0, screen: 'sell' });
        return 'ok';
      }
      const wait = reply.error.retryAfterMs ?? 0;
      set({ pinBlockedUntil: wait > 0 ? Date.now() + wait : 0 });
      if (reply.error.code === 'forbidden') return 'wrong';
      if (reply.error.code === 'rate_limited') return 'wait';
      if (reply.error.code === 'user_locked') return 'locked';
      get().showError(reply.error);
      return 'error';
    },
    async lock() {
      const reply = await api.invoke('session.lock', {});
      if (reply.ok) set({ session: reply.value });
    },
    async signOut() {
      const reply = await api.invoke('session.signOut', {});
      if (reply.ok) set({ session: null });
    },
    applySession(session) {
      set({ session });
    },
  };
}
