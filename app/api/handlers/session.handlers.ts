import type { Handlers } from '../dispatch';
import type { Channel } from '../contract';
import { fail } from '../../domain/result';
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

/**
 * Channels that change a sale or move money: refused unless someone is signed in and the register is
 * unlocked, so every such action has an actor. Reads (cart, tender, payment status) stay open so a
 * locked screen still shows a payment in doubt.
 */
export const SESSION_REQUIRED: readonly Channel[] = [
  'sales.cart.addProduct',
  'sales.cart.scan',
  'sales.cart.setQuantity',
  'sales.cart.removeLine',
  'sales.cart.clear',
  'sales.cart.park',
  'sales.cart.setDiscount',
  'sales.parked.recall',
  'payments.card.start',
  'payments.cancel',
  'payments.cash.pay',
  // A refund moves money and checks a manager PIN: without a session it would be an open prompt that
  // anyone holding the page's token could use to lock every manager (issue 11 review).
  'payments.refund',
  'payments.notices.acknowledge',
];

/** Wraps the listed handlers so they answer `session_required` while nobody is signed in. */
export function requireSession(handlers: Handlers, session: SessionService): Handlers {
  const guarded = { ...handlers } as Record<Channel, Handlers[Channel]>;
  for (const channel of SESSION_REQUIRED) {
    const inner = handlers[channel] as (args: never) => unknown;
    guarded[channel] = ((args: never) =>
      session.actor() === null
        ? fail('session_required', 'Sign in to do this.')
        : inner(args)) as Handlers[Channel];
  }
  return guarded as Handlers;
}

/** True for the manager's office channels, which need the manager role. */
export function isOfficeChannel(channel: Channel): boolean {
  return channel.startsWith('office.');
}

/**
 * [Note: the office needs a manager]
 * Every `office.*` channel — reads included, since the day's figures and the payment timelines are
 * a manager's business — answers `session_required` with nobody signed in or the register locked,
 * and `forbidden` to a cashier. The rule is by name prefix, so a new office channel cannot be
 * added without it.
 */
export function requireManager(handlers: Handlers, session: SessionService): Handlers {
  const guarded = { ...handlers } as Record<Channel, Handlers[Channel]>;
  for (const channel of Object.keys(handlers) as Channel[]) {
    if (!isOfficeChannel(channel)) continue;
    const inner = handlers[channel] as (args: never) => unknown;
    guarded[channel] = ((args: never) => {
      const current = session.get();
      if (!current || current.locked) return fail('session_required', 'Sign in as a manager to do this.');
      if (current.user.role !== 'manager') return fail('forbidden', 'Only a manager can do this.');
      return inner(args);
    }) as Handlers[Channel];
  }
  return guarded as Handlers;
}
