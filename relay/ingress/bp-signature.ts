// Billpocket's webhook signature, as far as it is known (cloud-terminal-api.md §3.1 and §8 #12): RSA-SHA256
// (PKCS#1 v1.5) over the raw body, base64 in `X-BP-Signature`, key index in `X-BP-SignatureKey`. Unverified
// upstream, so it is checked only when the headers are present and a public key is configured, unless the
// operator asks for strict mode (`requireBpSignature`).
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { BpSignatureStatus } from '../protocol/messages';

/** Outcome of checking the Billpocket signature of one request. */
export type BpCheck = { ok: true; status: BpSignatureStatus } | { ok: false; reason: string };

/** Configured Billpocket public keys by key index. */
export type BpKeyring = ReadonlyMap<string, KeyObject>;

/** Parses `{ index: pem }` into key objects; throws at start-up on a bad PEM (a configuration error). */
export function loadBpKeyring(pems: Readonly<Record<string, string>>): BpKeyring {
  const ring = new Map<string, KeyObject>();
  for (const [index, pem] of Object.entries(pems)) ring.set(index, createPublicKey(pem));
  return ring;
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Checks a request's Billpocket signature headers against the keyring. */
export function checkBpSignature(
  ring: BpKeyring,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  required: boolean,
): BpCheck {
  const sig = header(headers['x-bp-signature']);
  if (sig === undefined || sig === '') {
    return required ? { ok: false, reason: 'X-BP-Signature required' } : { ok: true, status: 'absent' };
  }
  const index = header(headers['x-bp-signaturekey']);
  const candidates = index !== undefined ? [ring.get(index)] : [...ring.values()];
  const keys = candidates.filter((k): k is KeyObject => k !== undefined);
  if (keys.length === 0) {
    return required
      ? { ok: false, reason: 'unknown X-BP-SignatureKey' }
      : { ok: true, status: 'unverifiable' };
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) return { ok: false, reason: 'malformed X-BP-Signature' };
  const bytes = Buffer.from(sig, 'base64');
  for (const key of keys) {
    if (verify('sha256', rawBody, key, bytes)) return { ok: true, status: 'verified' };
  }
  return { ok: false, reason: 'X-BP-Signature does not match the body' };
}
