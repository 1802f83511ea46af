import { describe, expect, it } from 'vitest';
import { StoreRateLimiter } from '../../../relay/ingress/rate-limit';

describe('StoreRateLimiter', () => {
  it('keeps a bucket per store and refills it at the given rate up to the burst', () => {
    let now = 0;
    const limiter = new StoreRateLimiter({ burst: 2, refillPerSecond: 2 }, () => now);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([{ ok: true }, { ok: true }]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1, firstRefusal: true });
    expect(limiter.take('a')).toMatchObject({ ok: false, firstRefusal: false });
    expect(limiter.take('b')).toEqual({ ok: true });
    now = 500;
    expect(limiter.take('a')).toEqual({ ok: true });
    now = 60_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a').ok]).toEqual([
      { ok: true },
      { ok: true },
      false,
    ]);
  });

  it('treats a clock that steps back as no time passing, never as a debt', () => {
    let now = 10_000;
    const limiter = new StoreRateLimiter({ burst: 1, refillPerSecond: 1 }, () => now);
    expect(limiter.take('a').ok).toBe(true);
    now = 0;
    expect(limiter.take('a').ok).toBe(false);
    now = 1_000;
    expect(limiter.take('a').ok).toBe(true);
  });
});
