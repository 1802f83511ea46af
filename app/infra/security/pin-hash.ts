import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with a per-PIN salt. A 4–6 digit PIN has little entropy, so the cost is set high enough
// that an offline guess of all 10^6 PINs from a stolen database costs hours, not seconds; the
// login screen adds its own slow-down and lock on repeated wrong PINs (issues 6 and 11).
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/**
 * scrypt on libuv's thread pool. Issue 11: `scryptSync` ran on the host's one thread (~150 ms a
 * PIN), so 20 sign-ins froze every window and the payment engine for about 3 s.
 */
function scryptAsync(pin: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function encode(salt: Buffer, hash: Buffer): string {
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Hashes a PIN into a self-describing string: `scrypt$N$r$p$salt$hash` (base64 parts). */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await scryptAsync(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY }));
}

/**
 * The same hash, computed on the calling thread. Only for seeding a fresh data directory, which
 * runs inside the (synchronous) composition root before any window or socket is served.
 */
export function hashPinSync(pin: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY }));
}

/** True when `pin` matches `stored`; compares in constant time. A malformed hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
