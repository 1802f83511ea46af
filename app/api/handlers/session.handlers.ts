import type { Handlers } from '../dispatch';
import type { SessionService } from '../../services/session.service';

/** Handlers of the `session.*` channels. */
export function sessionHandlers(
  session: SessionService,
): Pick<
  Handlers,
  'session.users.list' | 'session.get' | 'session.signIn' | 'session.lock' | 'session.signOut'
> {
  return {
    'session.users.list': () => session.users(),
    'session.get': () => session.get(),
    'session.signIn': ({ userId, pin }) => session.signIn(userId, pin),
    'session.lock': () => session.lock(),
    'session.signOut': () => session.signOut(),
  };
}
