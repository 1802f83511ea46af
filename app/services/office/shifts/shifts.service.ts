/**
 * The cash drawer's shifts: open with a counted float, cash in and out with a reason, close with a
 * count per bill and coin (Odoo POS's session closing, NexoPOS's cash ledger). Closing is refused
 * while any card payment of the shift is still in doubt (payments-lessons rule 9).
 */
import type { DrawerService } from '../../printing/drawer.service';
import { SERVER_REGISTER_ID } from '../../../domain/registers';
import type { StoreTimeZone } from '../../../domain/store-time-zone';
import { centavosToDecimalString } from '../../../domain/money';
import { dayRange } from '../../../domain/office/store-day';
import {
  countedTotal,
  type BlockingPayment,
  type CurrentShift,
  type DenominationCounts,
  type ShiftView,
} from '../../../domain/office/shifts';
import { fail, ok, type Result } from '../../../domain/result';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { ShiftsRepo } from '../../../ports/shifts.port';

/** What the shifts service needs. */
export interface ShiftsDeps {
  repo: ShiftsRepo;
  /** The store's zone: a day's shifts are those overlapping that store day. */
  timeZone: () => StoreTimeZone;
  audit: AuditLog;
  clock: Clock;
  /** The manager doing it (the `manager` channel policy guarantees one). */
  manager: () => number;
  /** The cash drawer, opened for a cash in or out (issue 15); never awaited. */
  drawer?: Pick<DrawerService, 'kick'>;
  /** The register whose shift and drawer these are (issue 17); the server's own counter by default. */
  registerId?: number;
}

/** Says which payments block a close, for the error message (the UI lists them from `current`). */
function describeBlocking(blocking: BlockingPayment[]): string {
  return blocking
    .map(
      (p) =>
        `#${p.paymentId} (${p.reference ?? 'no reference'}, ${p.status}, $${centavosToDecimalString(p.amount)})`,
    )
    .join(', ');
}

/** Shift use cases. */
export class ShiftsService {
  constructor(private readonly deps: ShiftsDeps) {}

  /** The open shift and the card payments that would stop it from closing. */
  current(): CurrentShift {
    const shift = this.deps.repo.openShift();
    return { shift, blocking: shift ? this.deps.repo.blockingPayments(shift.openedAt) : [] };
  }

  /** Opens a shift with the float counted into the drawer. */
  open(float: number): Result<ShiftView> {
    const { repo, audit } = this.deps;
    const now = this.deps.clock.now();
    const actor = this.deps.manager();
    return repo.transaction(() => {
      const already = repo.openShift();
      if (already) return fail<ShiftView>('conflict', `Shift ${already.id} is already open; close it first.`);
      const id = repo.open(actor, float, now);
      audit.append(
        { action: 'shift.opened', actorUserId: actor, subject: `shift:${id}`, details: { float } },
        now,
      );
      return ok(repo.get(id)!);
    });
  }

  /** Cash in or out of the open shift's drawer; cash out cannot take more than the drawer should hold. */
  moveCash(kind: 'in' | 'out', amount: number, reason: string): Result<ShiftView> {
    const { repo, audit } = this.deps;
    const now = this.deps.clock.now();
    const actor = this.deps.manager();
    const moved = repo.transaction(() => {
      const shift = repo.openShift();
      if (!shift) return fail<ShiftView>('conflict', 'No shift is open: open one before moving cash.');
      if (kind === 'out' && amount > shift.expected) {
        return fail<ShiftView>(
          'conflict',
          `Cash out (${amount}) is more than the drawer should hold (${shift.expected}).`,
        );
      }
      repo.addMovement({ shiftId: shift.id, kind, amount, reason, by: actor, at: now });
      audit.append(
        {
          action: `shift.cash.${kind}`,
          actorUserId: actor,
          subject: `shift:${shift.id}`,
          details: { amount, reason },
        },
        now,
      );
      return ok(repo.get(shift.id)!);
    });
    // After the commit: the money is counted in or out of an open drawer, and a printer never holds it up.
    if (moved.ok) {
      const registerId = this.deps.registerId ?? SERVER_REGISTER_ID;
      void this.deps.drawer?.kick({ kind: 'cash_movement', movement: kind }, actor, registerId);
    }
    return moved;
  }

  /** Closes the open shift with the count; refused while a card payment of the shift is in doubt. */
  close(denominations: DenominationCounts): Result<ShiftView> {
    const { repo, audit } = this.deps;
    const now = this.deps.clock.now();
    const actor = this.deps.manager();
    return repo.transaction(() => {
      const shift = repo.openShift();
      if (!shift) return fail<ShiftView>('conflict', 'No shift is open.');
      const blocking = repo.blockingPayments(shift.openedAt);
      if (blocking.length > 0) {
        audit.append(
          {
            action: 'shift.close.refused',
            actorUserId: actor,
            subject: `shift:${shift.id}`,
            details: { blocking: blocking.map((p) => ({ paymentId: p.paymentId, status: p.status })) },
          },
          now,
        );
        return fail<ShiftView>(
          'conflict',
          `The shift cannot close while these card payments are not resolved: ${describeBlocking(blocking)}.`,
          {
            issues: blocking.map((p) => ({
              path: `payments.${p.paymentId}`,
              message: `${p.reference ?? ''} ${p.status}`.trim(),
            })),
          },
        );
      }
      const counted = countedTotal(denominations);
      // Drop zero counts so the stored count says only what was in the drawer.
      const stored = Object.fromEntries(Object.entries(denominations).filter(([, n]) => (n ?? 0) > 0));
      repo.close({
        id: shift.id,
        by: actor,
        at: now,
        counted,
        expected: shift.expected,
        denominations: stored,
      });
      audit.append(
        {
          action: 'shift.closed',
          actorUserId: actor,
          subject: `shift:${shift.id}`,
          details: {
            counted,
            expected: shift.expected,
            difference: counted - shift.expected,
            denominations: stored,
          },
        },
        now,
      );
      return ok(repo.get(shift.id)!);
    });
  }

  /** Shifts overlapping a store day. */
  list(day: string): ShiftView[] {
    const range = dayRange(day, this.deps.timeZone());
    return this.deps.repo.overlapping(range.start, range.end);
  }
}
