import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMINGS,
  delayBeforeCheck,
  verificationDeadline,
} from '../../../app/domain/verification-schedule';

describe('the verification schedule (production timings)', () => {
  it('starts fast and backs off to the 30 s of Kushki’s own demo, which then repeats', () => {
    const delays = [0, 1, 2, 3, 4, 5, 9].map((n) => delayBeforeCheck(n, DEFAULT_TIMINGS));
    expect(delays).toEqual([3_000, 5_000, 10_000, 15_000, 30_000, 30_000, 30_000]);
  });

  it('declares a payment unknown at its ttl plus the grace, in the engine clock’s milliseconds', () => {
    const createdAt = Date.UTC(2026, 0, 15, 18);
    expect(verificationDeadline(createdAt, 90, DEFAULT_TIMINGS) - createdAt).toBe(150_000);
    expect(verificationDeadline(createdAt, 10, { ...DEFAULT_TIMINGS, graceMs: 0 }) - createdAt).toBe(10_000);
  });

  it('falls back to the slow interval when no delays are configured', () => {
    expect(delayBeforeCheck(0, { delaysMs: [], graceMs: 0, slowIntervalMs: 120_000 })).toBe(120_000);
  });
});
