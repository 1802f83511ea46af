import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with a per-PIN salt. A 4–6 digit PIN has little entropy, so the cost is set high enough
// that an offline guess of all 10^6 PINs from a stolen database costs hours, not seconds; the
// login screen adds its own slow-down on repeated wrong PINs (issue 6).
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** Hashes a PIN into a self-describing string: `scrypt$N$r$p$salt$hash` (base64 parts). */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `pin` matches `stored`; compares in constant time. A malformed hash never matches. */
export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
