// X-BP-AUTH check. Compares SHA-256 digests with timingSafeEqual so neither the token's length nor its prefix
// leaks through timing. The token is never logged or echoed.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Builds a checker for one token. */
export function createAuthCheck(token: string): (headers: IncomingHttpHeaders) => boolean {
  const expected = createHash('sha256').update(token).digest();
  return (headers) => {
    const given = headers['x-bp-auth'];
    if (typeof given !== 'string' || given.length === 0) return false;
    return timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  };
}
