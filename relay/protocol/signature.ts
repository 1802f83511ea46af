// Standard Webhooks signatures (https://www.standardwebhooks.com, spec v1): HMAC-SHA256 over
// `${id}.${timestamp}.${body}`, sent as `v1,<base64>`, keyed by a `whsec_<base64>` secret. The relay signs every
// stream frame this way so the app can verify with any Standard Webhooks library. See relay/PROTOCOL.md §4.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of a signing key in the Standard Webhooks format. */
export const SIGNING_KEY_PREFIX = 'whsec_';

/** Default clock tolerance for verification, as in the Standard Webhooks reference libraries. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The three values a signature covers plus the signature itself, as carried in a stream frame. */
export interface SignedParts {
  id: string;
  timestamp: number;
  body: string;
  signature: string;
}

/** Why a signature check failed (errors as data, never the key). */
export type VerifyFailure =
  'bad_key' | 'bad_timestamp' | 'timestamp_out_of_tolerance' | 'no_matching_signature';

/** A fresh 32-byte signing key in `whsec_<base64>` form. */
export function generateSigningKey(): string {
  return SIGNING_KEY_PREFIX + randomBytes(32).toString('base64');
}

/** The raw HMAC key bytes of a `whsec_` key, or undefined when it is not valid base64 of at least 16 bytes. */
export function signingKeyBytes(key: string): Buffer | undefined {
  const b64 = key.startsWith(SIGNING_KEY_PREFIX) ? key.slice(SIGNING_KEY_PREFIX.length) : key;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  const bytes = Buffer.from(b64, 'base64');
  return bytes.length >= 16 ? bytes : undefined;
}

/** Signs one message: returns the `v1,<base64>` signature string. Throws only on a malformed key (a bug). */
export function signMessage(key: string | Buffer, id: string, timestamp: number, body: string): string {
  const bytes = typeof key === 'string' ? signingKeyBytes(key) : key;
  if (!bytes) throw new Error('invalid signing key format');
  const mac = createHmac('sha256', bytes).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

/**
 * Verifies a signature string that may hold several space-separated `v1,<base64>` entries (key rotation),
 * and that the timestamp is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyMessage(
  key: string,
  parts: SignedParts,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): { ok: true } | { ok: false; reason: VerifyFailure } {
  const bytes = signingKeyBytes(key);
  if (!bytes) return { ok: false, reason: 'bad_key' };
  if (!Number.isSafeInteger(parts.timestamp) || parts.timestamp < 0)
    return { ok: false, reason: 'bad_timestamp' };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - parts.timestamp) > tolerance) return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(signMessage(bytes, parts.id, parts.timestamp, parts.body).slice(3), 'base64');
  for (const entry of parts.signature.split(' ')) {
    const [version, b64] = entry.split(',', 2);
    if (version !== 'v1' || b64 === undefined) continue;
    const given = Buffer.from(b64, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'no_matching_signature' };
}
