/**
 * Who is at the register. [Note: one session per register]
 * The session lives on the trusted side, one per register (one per register context since issue 17,
 * see [Note: register context]): a register has one drawer and one open sale, so every window of
 * it shows the same signed-in user, and another register of the store has its own. The renderer only asks to sign in, lock or
 * sign out; every sale and payment action is attributed to `actor()` here, never to a renderer claim.
 * The trusted side also locks on its own (issue 11): after IDLE_LOCK_MS without an API call, and
 * when the shell's last window or connection closes — a page that is gone cannot lock itself.
 */
import { ok, type Result } from '../domain/result';
import { IDLE_LOCK_MS, type SessionLockReason, type SessionView, type UserSummary } from '../domain/session';
import type { AuditLog } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { EventBus } from '../ports/event-bus.port';
import type { Timers } from '../ports/timers.port';
import type { PinFailuresRepo, UsersRepo } from '../ports/users.port';
import { PinChecker } from './pin-checker';

export { pinDelayMs } from '../domain/pin-guard';

/** What the session needs. */
export interface SessionDeps {
  users: UsersRepo;
  failures: PinFailuresRepo;
  clock: Clock;
  events: EventBus;
  audit: AuditLog;
  timers: Timers;
}

/** Sign-in, lock and switch user, with the PIN slow-down and the idle lock kept server side. */
export class SessionService {
  private current: SessionView | null = null;
  private readonly pins: PinChecker;
  private lastActivityAt = 0;
  private cancelIdleTimer: (() => void) | undefined;

  constructor(private readonly deps: SessionDeps) {
    this.pins = new PinChecker({
      ...deps,
      // A user locked out by wrong PINs must not keep the register open either.
      onLocked: (userId) => {
        if (this.current?.user.id === userId) this.lock('user_locked');
      },
    });
  }

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
  async signIn(userId: number, pin: string): Promise<Result<SessionView>> {
    const checked = await this.pins.checkUser(userId, pin);
    if (!checked.ok) return checked;
    const user = checked.value;
    const now = this.deps.clock.now();
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
    this.noteActivity();
    this.publish();
    return ok(this.current);
  }

  /**
   * A manager's PIN typed to approve something (a discount, a refund). Its wrong PINs count against
   * every manager it was tried against, so the prompt cannot guess at full speed either.
   */
  approveAsManager(pin: string): Promise<Result<UserSummary>> {
    return this.pins.checkManagers(pin);
  }

  /** An API call: the register is in use, so the idle lock waits again from now. */
  noteActivity(): void {
    this.lastActivityAt = this.deps.clock.now();
    if (this.actor() !== null) this.armIdleTimer();
  }

  /** Locks the register; the same or another user unlocks with a PIN. */
  lock(reason: SessionLockReason = 'on_demand'): SessionView | null {
    this.stopIdleTimer();
    if (this.current && !this.current.locked) {
      this.current = { ...this.current, locked: true };
      this.deps.audit.append(
        { action: 'session.locked', actorUserId: this.current.user.id, details: { reason } },
        this.deps.clock.now(),
      );
      this.publish();
    }
    return this.current;
  }

  /** Ends the session. */
  signOut(): null {
    this.stopIdleTimer();
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

  /** Stops the idle timer (the core is closing). */
  stop(): void {
    this.stopIdleTimer();
  }

  /**
   * One timer at a time, armed for the moment the register would become idle. Calls do not re-arm
   * it (a scan is the hot path); when it fires it locks, or re-arms for the time still left.
   */
  private armIdleTimer(): void {
    if (this.cancelIdleTimer) return;
    const wait = Math.max(0, this.lastActivityAt + IDLE_LOCK_MS - this.deps.clock.now());
    this.cancelIdleTimer = this.deps.timers.after(wait, () => {
      this.cancelIdleTimer = undefined;
      if (this.actor() === null) return;
      if (this.deps.clock.now() - this.lastActivityAt >= IDLE_LOCK_MS) this.lock('idle');
      else this.armIdleTimer();
    });
  }

  private stopIdleTimer(): void {
    this.cancelIdleTimer?.();
    this.cancelIdleTimer = undefined;
  }

  private publish() {
    this.deps.events.emit('session.changed', this.current);
  }
}
