// Optional RSA-SHA256 signing of webhook bodies (§8 #12): base64 signature in `X-BP-Signature`, key index in
// `X-BP-SignatureKey`, public key at `/webhook/{index}.pem`. The key pair is created lazily because RSA key
// generation costs tens of milliseconds and most runs never sign.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** Signs bodies and serves the matching public key. */
export class WebhookSigner {
  private privateKey: KeyObject | null = null;

  constructor(private privateKeyPem: string | null = null) {}

  /** Base64 RSA-SHA256 signature over the exact body bytes. */
  sign(body: string): string {
    return sign('sha256', Buffer.from(body), this.key()).toString('base64');
  }

  /** The public key as SPKI PEM. */
  publicKeyPem(): string {
    return createPublicKey(this.key()).export({ type: 'spki', format: 'pem' }).toString();
  }

  /** The private key as PKCS#8 PEM, for the state file so signatures survive a restart. */
  exportPrivateKeyPem(): string {
    this.key();
    return this.privateKeyPem as string;
  }

  private key(): KeyObject {
    if (this.privateKey) return this.privateKey;
    if (this.privateKeyPem) {
      this.privateKey = createPrivateKey(this.privateKeyPem);
    } else {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.privateKey = pair.privateKey;
      this.privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    }
    return this.privateKey;
  }
}
