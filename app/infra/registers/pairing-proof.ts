/**
 * How a register and the store server prove to each other, at pairing, that both know the
 * manager's code, bound to the certificate the register actually saw. See [Note: pairing code strength].
 *
 * [Note: pairing proofs]
 * - register → server: HMAC-SHA256(code, "register|" + fingerprint seen). A machine in the middle
 *   presents another certificate, so the proof it relays does not match the server's own
 *   fingerprint and the server refuses (and the code is never on the wire to be reused).
 * - server → register: HMAC-SHA256(code, "server|" + fingerprint + "|" + register id). Without the
 *   code nobody can answer it, so a register never pins a certificate the store server did not show.
 * After pairing the register pins the fingerprint; its credential is only ever sent to that certificate.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const CONTEXT = 'caja-register-pairing/v1';

/** The register's proof that it knows `code`, bound to the certificate it saw. */
export function registerProof(code: string, fingerprint: string): string {
  return createHmac('sha256', code).update(`${CONTEXT}|register|${fingerprint}`).digest('base64url');
}

/** The server's answer proving it knows `code` too. */
export function serverProof(code: string, fingerprint: string, registerId: number): string {
  return createHmac('sha256', code)
    .update(`${CONTEXT}|server|${fingerprint}|${registerId}`)
    .digest('base64url');
}

/** Constant-time comparison of two proofs (base64url strings of any length). */
export function sameProof(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
