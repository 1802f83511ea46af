// Store identifiers and credentials. The ingress secret and the stream token are 256-bit random values, so a
// single SHA-256 is enough to store them (no password stretching needed: there is nothing to brute-force), and
// the database alone never lets anyone post to ingress or read a stream. The signing key must stay usable for
// HMAC, so it is stored in clear; see README "Threat model".
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Prefix of a stream token, so a leaked one is recognisable in secret scanners. */
export const STREAM_TOKEN_PREFIX = 'crt_';

/** A new store id: short, URL-safe, not secret. */
export function newStoreId(): string {
  return 'st_' + randomBytes(10).toString('hex');
}

/** A new ingress secret (goes in the Kushki webhook URL). */
export function newIngressSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new stream bearer token. */
export function newStreamToken(): string {
  return STREAM_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** A new event id. Random, so it reveals nothing about the store or the order. */
export function newEventId(): string {
  // randomUUID draws from a cached entropy pool: much cheaper per call than randomBytes on the ingress hot path.
  return 'evt_' + randomUUID().replaceAll('-', '');
}

/** SHA-256 hex of a credential, as stored. */
export function hashCredential(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented credential with a stored hash. */
export function credentialMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashCredential(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The path to register in Kushki's dashboard for a store. */
export function ingressPathFor(storeId: string, secret: string): string {
  return `/v1/kushki/${storeId}/${secret}`;
}
