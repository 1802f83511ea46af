/**
 * Kushki's 23:00 rule (cloud-terminal-api.md §2.5 a): a cancellation asked for on the same Mexico
 * City calendar day as the approval, before 23:00 there, is a **void** (the charge disappears, Kushki
 * retries it up to 3 times with the processor); later it is a **refund** (slower: up to 7 business
 * days to process, up to 45 to show on the statement). Pure: the store's zone comes from Intl, so the
 * same code runs on the trusted side (which decides) and in the renderer (which only shows).
 */

import { localParts } from './store-day';
import type { StoreTimeZone } from '../store-time-zone';

// A "day" here is Kushki's, not the store's: the cut-off is 23:00 Mexico City time for every store
// (cloud-terminal-api.md §2.5 and §8 #6), so a Tijuana store's void window is not its own local 23:00
// (issue 13 made the store's zone a setting; this rule stays fixed on purpose).
// Mexico City has had no DST since Oct 2022.

/** Kushki's zone for the void cut-off, whatever the store's own zone. */
export const KUSHKI_CUTOFF_TIME_ZONE: StoreTimeZone = 'America/Mexico_City';

/** The local hour from which a same-day cancellation is no longer a void. */
export const VOID_CUTOFF_HOUR = 23;

/** What a cancellation of an approved charge becomes at Kushki. */
export type RefundKind = 'void' | 'refund';

/** The wall-clock reading in Kushki's zone of an instant, as if it were UTC (for offset arithmetic). */
function wallClockAsUtc(at: number, zone: StoreTimeZone): number {
  const { year, month, day, hour, minute, second } = localParts(at, zone);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The instant of 23:00 in Mexico City on the calendar day (there) of `at`. */
export function voidCutoffFor(at: number): number {
  const zone = KUSHKI_CUTOFF_TIME_ZONE;
  const wall = wallClockAsUtc(at, zone);
  const dayStart = wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
  const target = dayStart + VOID_CUTOFF_HOUR * 3_600_000;
  // The offset (wall − real) is taken at a first guess of the target, so a DST change earlier that
  // day (Mexico City had DST until October 2022) lands on the right side.
  const guess = target - offsetAt(at, zone);
  return target - offsetAt(guess, zone);
}

/** Wall clock minus real time at an instant (−6 h in Mexico City since 2022). */
function offsetAt(at: number, zone: StoreTimeZone): number {
  const whole = at - (((at % 1000) + 1000) % 1000);
  return wallClockAsUtc(whole, zone) - whole;
}

/**
 * Whether a cancellation asked at `requestAt` of a charge approved at `approvedAt` will be a void or a
 * refund, and the cut-off (23:00 of the approval's day, Mexico City) that decides it.
 */
export function voidOrRefund(approvedAt: number, requestAt: number): { kind: RefundKind; cutoffAt: number } {
  const cutoffAt = voidCutoffFor(approvedAt);
  // Before the cut-off of the approval's own day is necessarily that same calendar day; an approval
  // after 23:00 has its cut-off behind it, so anything asked afterwards is a refund.
  const kind: RefundKind = requestAt < cutoffAt ? 'void' : 'refund';
  return { kind, cutoffAt };
}
