// A token bucket per store at ingress (issue 11 finding 6): a leaked ingress URL stored 3,000 forged webhooks in a
// few seconds. Each store may post `burst` webhooks at once and `refillPerSecond` after that; past it ingress
// answers 429 with Retry-After, before reading or storing anything. Sizes: README "Limits".
// Hand-written rather than a library: it is a dozen lines, and the usual packages (rate-limiter-flexible,
// limiter) read Date.now() and run their own timers, so a test could not drive them with an injected clock.

/** Bucket size and refill rate. */
export interface RateLimitOptions {
  burst: number;
  refillPerSecond: number;
}

/**
 * Whether a request may proceed; if not, how many whole seconds until it would, and whether this is the first
 * refusal since the store was last let through (so a flood logs one line, not thousands).
 */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; firstRefusal: boolean };

interface Bucket {
  tokens: number;
  at: number;
  limited: boolean;
}

/** Token buckets keyed by store id. Only authenticated stores get one, so the map is bounded by the stores. */
export class StoreRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  /** Takes one token from the store's bucket. */
  take(storeId: string): RateDecision {
    const now = this.now();
    const { burst, refillPerSecond } = this.options;
    const bucket = this.buckets.get(storeId) ?? { tokens: burst, at: now, limited: false };
    // A clock that steps back (NTP) must not drain the bucket: elapsed time is never negative.
    const elapsedSeconds = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * refillPerSecond);
    bucket.at = now;
    this.buckets.set(storeId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.limited = false;
      return { ok: true };
    }
    const firstRefusal = !bucket.limited;
    bucket.limited = true;
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
    return { ok: false, retryAfterSeconds, firstRefusal };
  }
}
