/** Storage of the cash drawer's shifts and their cash movements (infra/db/office/shifts/shifts.repo.ts). */
import type { BlockingPayment, DenominationCounts, ShiftView } from '../domain/office/shifts';

/** A cash in or out of a shift's drawer, as stored. */
export interface NewCashMovement {
  shiftId: number;
  kind: 'in' | 'out';
  amount: number;
  reason: string;
  by: number;
  at: number;
}

/** A shift's close with its count, as stored. */
export interface ShiftClose {
  id: number;
  by: number;
  at: number;
  counted: number;
  expected: number;
  denominations: DenominationCounts;
}

/** Shifts, their movements and the cash flow of their window. See [Note: shift window]. */
export interface ShiftsRepo {
  /** Runs `work` in one IMMEDIATE transaction (a close reads and writes the drawer atomically). */
  transaction<T>(work: () => T): T;
  /** The register's open shift, if any. */
  openShift(register?: number): ShiftView | null;
  /** A shift by id. */
  get(id: number): ShiftView | null;
  /** Shifts overlapping [start, end), oldest first. */
  overlapping(start: number, end: number): ShiftView[];
  /** Opens a shift; the partial unique index refuses a second open one (the caller checks first). */
  open(by: number, openingFloat: number, at: number, register?: number): number;
  /** Appends a cash in or out to a shift. */
  addMovement(movement: NewCashMovement): void;
  /** Closes an open shift with its count; false when it was no longer open. */
  close(close: ShiftClose): boolean;
  /** Card payments of [start, end) whose outcome is not known: they keep a shift from closing. */
  blockingPayments(start: number, end?: number): BlockingPayment[];
}
