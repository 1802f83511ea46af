/**
 * Who is at the register. [Note: one session per register]
 * The session lives on the trusted side, one per core: a register has one drawer and one open sale,
 * so every window of it shows the same signed-in user. The renderer only asks to sign in, lock or
 * sign out; every sale and payment action is attributed to `actor()` here, never to a renderer claim.
 */
import { fail, ok, type Result } from '../domain/result';
import type { AuditLog } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { EventBus } from '../ports/event-bus.port';
import type { SessionView, UserSummary } from '../domain/session';
import type { UsersRepo } from '../ports/users.port';

// Wrong PINs are free up to this many in a row; then each one doubles the wait (1 s, 2 s, 4 s … 60 s).
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 60_000;

/** The delay imposed after `failures` wrong PINs in a row. */
export function pinDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1_000 * 2 ** (failures - FREE_ATTEMPTS));
}

/** Sign-in, lock and switch user, with the slow-down on repeated wrong PINs kept server side. */
export class SessionService {
  private current: SessionView | null = null;
  private failures = 0;
  private blockedUntil = 0;

  constructor(private readonly deps: { users: UsersRepo; clock: Clock; events: EventBus; audit: AuditLog }) {}

  /** The session, or null when nobody is signed in. */
  get(): SessionView | null {
    return this.current;
  }

  /** The id of the signed-in, unlocked user: who every action is attributed to. */
  actor(): number | null {
    return this.current && !this.current.locked ? this.current.user.id : null;
  }

  /** Users who may sign in at this register (names and roles only). */
  users(): UserSummary[] {
    return this.deps.users.list();
  }

  /** Signs a user in (also unlocks, or switches user) when the PIN matches. */
  signIn(userId: number, pin: string): Result<SessionView> {
    const now = this.deps.clock.now();
    if (now < this.blockedUntil) {
      return fail('rate_limited', 'Too many wrong PINs; wait before trying again.', {
        retryAfterMs: this.blockedUntil - now,
      });
    }
    const user = this.deps.users.verify(userId, pin);
    if (!user) {
      this.failures += 1;
      this.blockedUntil = now + pinDelayMs(this.failures);
      this.deps.audit.append({ action: 'session.pin_rejected', subject: `user:${userId}` }, now);
      return fail('forbidden', 'Wrong PIN.', { retryAfterMs: pinDelayMs(this.failures) });
    }
    this.failures = 0;
    this.blockedUntil = 0;
    const previous = this.current;
    this.current = { user, locked: false, since: previous?.user.id === user.id ? previous.since : now };
    this.deps.audit.append(
      {
        action: previous && previous.user.id !== user.id ? 'session.switched' : 'session.signed_in',
        actorUserId: user.id,
        subject: `user:${user.id}`,
      },
      now,
    );
    this.publish();
    return ok(this.current);
  }

  /**
   * A manager's PIN typed to approve something (a discount, a refund). It shares the slow-down with
   * sign-in, so approval prompts cannot be used to guess a manager's PIN at full speed.
   */
  approveAsManager(pin: string): UserSummary | undefined {
    const now = this.deps.clock.now();
    if (now < this.blockedUntil) return undefined;
    const manager = this.deps.users.managerByPin(pin);
    if (manager) return manager;
    this.failures += 1;
    this.blockedUntil = now + pinDelayMs(this.failures);
    this.deps.audit.append({ action: 'session.manager_pin_rejected' }, now);
    return undefined;
  }

  /** Locks the register (on demand or when idle); the same or another user unlocks with a PIN. */
  lock(): SessionView | null {
    if (this.current && !this.current.locked) {
      this.current = { ...this.current, locked: true };
      this.deps.audit.append(
        { action: 'session.locked', actorUserId: this.current.user.id },
        this.deps.clock.now(),
      );
      this.publish();
    }
    return this.current;
  }

  /** Ends the session. */
  signOut(): null {
    if (this.current) {
      this.deps.audit.append(
        { action: 'session.signed_out', actorUserId: this.current.user.id },
        this.deps.clock.now(),
      );
      this.current = null;
      this.publish();
    }
    return null;
  }

  private publish() {
    this.deps.events.emit('session.changed', this.current);
  }
}
