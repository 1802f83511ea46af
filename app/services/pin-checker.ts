/**
 * Checks PINs with the slow-down and lock of [Note: PIN failures per target]: sign-in against one
 * user, approval prompts against every manager. Every wrong PIN and every lock is audited.
 */
import { afterWrongPin, pinDelayMs, pinGate, type PinGate } from '../domain/pin-guard';
import { fail, ok, type Result } from '../domain/result';
import type { UserSummary } from '../domain/session';
import type { AuditLog } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { PinFailuresRepo, UsersRepo } from '../ports/users.port';

/** What the checker needs. */
export interface PinCheckerDeps {
  users: UsersRepo;
  failures: PinFailuresRepo;
  clock: Clock;
  audit: AuditLog;
  /** Told when a user has just been locked (the session ends their unlocked use of the register). */
  onLocked?: (userId: number) => void;
}

const LOCKED_MESSAGE = 'This user is locked after too many wrong PINs; a manager can unlock them.';

function waitFailure<T>(retryAfterMs: number): Result<T> {
  return fail('rate_limited', 'Too many wrong PINs; wait before trying again.', { retryAfterMs });
}

/** PIN checks, one at a time, against persisted per-user failure counts. */
export class PinChecker {
  // Checks run one after another: hashing is asynchronous now, and two guesses in flight at once
  // would both pass the gate before either failure was counted.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PinCheckerDeps) {}

  /** The user `userId` when `pin` is theirs, unless they must wait or are locked. */
  checkUser(userId: number, pin: string): Promise<Result<UserSummary>> {
    return this.oneAtATime(async () => {
      const user = this.deps.users.activeUser(userId);
      // Nobody to protect: no count (and no row to count on); the picker lists only active users.
      if (!user) return fail('forbidden', 'Wrong PIN.');
      const gate = this.gate(userId);
      if (gate.kind === 'locked') return fail('user_locked', LOCKED_MESSAGE);
      if (gate.kind === 'wait') return waitFailure(gate.retryAfterMs);
      const matched = await this.deps.users.verify(userId, pin);
      if (matched) return ok(this.succeeded(matched));
      const after = this.wrongPin(user, 'session.pin_rejected');
      if (after.lockedAt !== null) return fail('user_locked', LOCKED_MESSAGE);
      return fail('forbidden', 'Wrong PIN.', { retryAfterMs: pinDelayMs(after.failures) });
    });
  }

  /**
   * A manager's PIN at an approval prompt. It is tried against each active manager who may be tried
   * now (not waiting, not locked), and a wrong one counts against each of them: the prompt guesses
   * at every manager at once, so it must cost each of them as a sign-in guess would.
   */
  checkManagers(pin: string): Promise<Result<UserSummary>> {
    return this.oneAtATime(async () => {
      const managers = this.deps.users.activeManagers().map((user) => ({ user, gate: this.gate(user.id) }));
      const open = managers.filter((m) => m.gate.kind === 'open').map((m) => m.user);
      for (const manager of open) {
        const matched = await this.deps.users.verify(manager.id, pin);
        if (matched) return ok(this.succeeded(matched));
      }
      // A cashier typing their own PIN at a manager's prompt is a misunderstanding, not a guess at a
      // manager's PIN: say so (issue 14) and count nothing against the managers.
      if (await this.isCashiersPin(pin)) {
        return fail('forbidden', 'That PIN is a cashier’s; a manager must type theirs.', {
          reason: 'not_a_manager',
        });
      }
      const lockedNow = open.filter(
        (m) => this.wrongPin(m, 'session.manager_pin_rejected').lockedAt !== null,
      );
      const stillOpen = open.length - lockedNow.length;
      // A manager skipped for a wait may be the one who typed it: say "wait", not "wrong".
      const waits = managers.flatMap((m) => (m.gate.kind === 'wait' ? [m.gate.retryAfterMs] : []));
      if (waits.length > 0) return waitFailure(Math.min(...waits));
      if (stillOpen === 0 && managers.length > 0) return fail('user_locked', LOCKED_MESSAGE);
      return fail('forbidden', 'A manager PIN is required.', { reason: 'wrong_manager_pin' });
    });
  }

  private async isCashiersPin(pin: string): Promise<boolean> {
    for (const user of this.deps.users.list()) {
      if (
        user.role === 'cashier' &&
        this.gate(user.id).kind === 'open' &&
        (await this.deps.users.verify(user.id, pin))
      ) {
        return true;
      }
    }
    return false;
  }

  private gate(userId: number): PinGate {
    return pinGate(this.deps.failures.get(userId), this.deps.clock.now());
  }

  private succeeded(user: UserSummary): UserSummary {
    if (this.deps.failures.get(user.id).failures > 0) this.deps.failures.clear(user.id);
    return user;
  }

  /** Counts one wrong PIN against `user`, audits it, and locks the user at the limit. */
  private wrongPin(user: UserSummary, action: string) {
    const now = this.deps.clock.now();
    const before = this.deps.failures.get(user.id);
    const after = afterWrongPin(before, now);
    this.deps.failures.save(user.id, after);
    const subject = `user:${user.id}`;
    this.deps.audit.append({ action, subject, details: { failures: after.failures } }, now);
    if (before.lockedAt === null && after.lockedAt !== null) {
      this.deps.audit.append(
        { action: 'session.user_locked', subject, details: { failures: after.failures } },
        now,
      );
      this.deps.onLocked?.(user.id);
    }
    return after;
  }

  private oneAtATime<T>(check: () => Promise<T>): Promise<T> {
    const run = this.queue.then(check, check);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
