/**
 * Users and PINs as the manager manages them. Users are deactivated, never deleted (sales and
 * payments reference them); the last active manager can be neither demoted nor deactivated, or
 * nobody could reach the office again. PINs are hashed by the repo; no hash ever leaves it.
 */
import { fail, ok, type Result } from '../../../domain/result';
import type { OfficeUser } from '../../../domain/office/settings';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { PinFailuresRepo, UserAdminRepo } from '../../../ports/users.port';

type Role = OfficeUser['role'];

/** Listing, adding and changing users, audited. */
export class UsersAdminService {
  constructor(
    private readonly deps: {
      users: UserAdminRepo;
      /** Wrong-PIN runs: unlocking a user ends theirs. See [Note: PIN failures per target]. */
      failures: PinFailuresRepo;
      audit: AuditLog;
      clock: Clock;
      /**
       * Ends the register's session if `userId` holds it: the session keeps the role it signed in
       * with, so a demoted or deactivated user must not keep using the office until they sign out.
       */
      endSessionOf: (userId: number) => void;
    },
  ) {}

  list(): OfficeUser[] {
    return this.deps.users.all();
  }

  /** Adds a user; `actor` is null only for the first manager, whom the first-run wizard creates. */
  async add(
    user: { name: string; role: Role; pin: string },
    actor: number | null,
  ): Promise<Result<OfficeUser>> {
    const name = user.name.trim();
    if (this.nameTaken(name)) return fail('conflict', 'An active user already has this name.');
    const added = await this.deps.users.add({ name, role: user.role, pin: user.pin }, this.deps.clock.now());
    this.audit('users.added', actor, added.id, { name, role: user.role });
    return ok(added);
  }

  async setPin(userId: number, pin: string, actor: number): Promise<Result<OfficeUser>> {
    const user = this.active(userId);
    if (!user.ok) return user;
    await this.deps.users.setPin(userId, pin);
    this.audit('users.pinChanged', actor, userId, {});
    return ok(user.value);
  }

  setRole(userId: number, role: Role, actor: number): Result<OfficeUser> {
    const user = this.active(userId);
    if (!user.ok) return user;
    if (user.value.role === role) return ok(user.value);
    if (role === 'cashier' && this.isLastManager(user.value)) {
      return fail('conflict', 'The last active manager cannot be demoted.');
    }
    this.deps.users.setRole(userId, role);
    this.audit('users.roleChanged', actor, userId, { from: user.value.role, to: role });
    if (role === 'cashier') this.deps.endSessionOf(userId);
    return ok({ ...user.value, role });
  }

  deactivate(userId: number, actor: number): Result<OfficeUser> {
    const user = this.active(userId);
    if (!user.ok) return user;
    if (this.isLastManager(user.value)) {
      return fail('conflict', 'The last active manager cannot be deactivated.');
    }
    this.deps.users.deactivate(userId);
    this.audit('users.deactivated', actor, userId, { name: user.value.name });
    this.deps.endSessionOf(userId);
    return ok({ ...user.value, active: false });
  }

  /**
   * Unlocks a user locked by wrong PINs and forgets their run of them. A locked manager cannot sign
   * in to do this for themselves: another manager does, or the recovery command (README).
   */
  unlock(
    userId: number,
    actor: number | null,
    via: 'office' | 'recovery_command' = 'office',
  ): Result<OfficeUser> {
    const user = this.active(userId);
    if (!user.ok) return user;
    const run = this.deps.failures.get(userId);
    if (run.failures === 0) return ok(user.value);
    this.deps.failures.clear(userId);
    this.audit('users.unlocked', actor, userId, {
      failures: run.failures,
      wasLocked: user.value.locked,
      via,
    });
    return ok({ ...user.value, locked: false });
  }

  private active(userId: number): Result<OfficeUser> {
    const user = this.deps.users.record(userId);
    return user?.active ? ok(user) : fail('not_found', `No active user ${userId}`);
  }

  private isLastManager(user: OfficeUser): boolean {
    return user.role === 'manager' && this.deps.users.activeManagerCount() <= 1;
  }

  private nameTaken(name: string): boolean {
    const folded = name.toLocaleLowerCase('es-MX');
    return this.deps.users.all().some((u) => u.active && u.name.toLocaleLowerCase('es-MX') === folded);
  }

  private audit(action: string, actor: number | null, userId: number, details: Record<string, unknown>) {
    this.deps.audit.append(
      { action, actorUserId: actor, subject: `user:${userId}`, details },
      this.deps.clock.now(),
    );
  }
}
