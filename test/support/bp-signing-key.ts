/**
 * One RSA key pair per test process standing in for Billpocket's webhook key (cloud-terminal-api.md
 * §3.1): the simulator signs with the private half, the relay (or the harness's direct receiver)
 * verifies with the public half. Generated once, because RSA key generation is slow.
 */
import { generateKeyPairSync } from 'node:crypto';

/** Key index sent in `X-BP-SignatureKey`. */
export const BP_KEY_INDEX = '1';

let pair: { privateKeyPem: string; publicKeyPem: string } | undefined;

/** The test key pair as PEM text. */
export function bpSigningKey(): { privateKeyPem: string; publicKeyPem: string } {
  if (!pair) {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pair = {
      privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  return pair;
}
