// An independent Standard Webhooks verifier written from the specification (standardwebhooks.com, "Verifying
// webhooks"), sharing no code with relay/protocol/signature.ts, to cross-check what the relay signs.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** True when one of the space-separated `v1,` signatures matches HMAC-SHA256(key, "id.timestamp.body"). */
export function independentVerify(
  secret: string,
  id: string,
  timestamp: string | number,
  body: string,
  signatureHeader: string,
): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatureHeader.split(' ').some((part) => {
    const [version, sig] = part.split(',');
    if (version !== 'v1' || !sig) return false;
    const given = Buffer.from(sig, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
