/**
 * Kushki's 23:00 rule (cloud-terminal-api.md §2.5 a): a cancellation asked for on the same Mexico
 * City calendar day as the approval, before 23:00 there, is a **void** (the charge disappears, Kushki
 * retries it up to 3 times with the processor); later it is a **refund** (slower: up to 7 business
 * days to process, up to 45 to show on the statement). Pure: the store's zone comes from Intl, so the
 * same code runs on the trusted side (which decides) and in the renderer (which only shows).
 */

import { STORE_TIME_ZONE } from '../store-time-zone';

// A "day" is a calendar day in the store's zone. Mexico City has had no DST since Oct 2022.

/** The local hour from which a same-day cancellation is no longer a void. */
export const VOID_CUTOFF_HOUR = 23;

/** What a cancellation of an approved charge becomes at Kushki. */
export type RefundKind = 'void' | 'refund';

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: STORE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The wall-clock reading in Mexico City of an instant, as if it were UTC (for offset arithmetic). */
function wallClockAsUtc(at: number): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The instant of 23:00 in Mexico City on the calendar day (there) of `at`. */
export function voidCutoffFor(at: number): number {
  const wall = wallClockAsUtc(at);
  const dayStart = wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
  const target = dayStart + VOID_CUTOFF_HOUR * 3_600_000;
  // The offset (wall − real) is taken at a first guess of the target, so a DST change earlier that
  // day (Mexico City had DST until October 2022) lands on the right side.
  const guess = target - offsetAt(at);
  return target - offsetAt(guess);
}

/** Wall clock minus real time at an instant (−6 h in Mexico City since 2022). */
function offsetAt(at: number): number {
  const whole = at - (((at % 1000) + 1000) % 1000);
  return wallClockAsUtc(whole) - whole;
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
