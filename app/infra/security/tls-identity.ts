/**
 * The store server's TLS identity for its registers (issue 17): a self-signed P-256 certificate and
 * key made once per data directory and kept in `register-server/` (0700; the key 0600). Registers
 * pin its SHA-256 fingerprint at pairing, so no CA is involved and the certificate's names do not
 * matter; a new certificate (the folder deleted) means every register must pair again.
 *
 * Made in-process, so a Windows PC without the `openssl` command can serve registers. The key pair
 * comes from Node's WebCrypto; pkijs (with asn1js, its DER encoder) writes and signs the X.509
 * structure, which Node's crypto cannot do. pkijs rather than @peculiar/x509 or selfsigned: it is
 * already in the lock file (electron-builder's own dependency, so no new package to vet), it is
 * kept by the same PKI.js maintainers for years, and it runs on any WebCrypto; selfsigned signs
 * with node-forge (RSA-centred, and it would add forge). esbuild bundles it into the shells'
 * main files, so it stays a devDependency (see [Note: bundled vs shipped dependencies]).
 *
 * The files are the ones the `openssl req` of earlier versions wrote (PKCS#8 `PRIVATE KEY` PEM and
 * a `CERTIFICATE` PEM), so a data directory that already has its identity keeps it and every
 * register paired with it stays paired.
 */
import { createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** The server's key and certificate (PEM) and the certificate's fingerprint as registers pin it. */
export interface TlsIdentity {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by colons (Node's fingerprint256). */
  fingerprint: string;
}

// pkijs is typed against the DOM's WebCrypto, which app/'s tsconfig leaves out; Node's is the same API.
type DomCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
type DomCryptoKey = Parameters<pkijs.Certificate['sign']>[0];

const DAY_MS = 24 * 60 * 60_000;
/** Ten years, as the openssl command's `-days 3650` gave. */
const VALID_DAYS = 3650;
const COMMON_NAME = '2.5.4.3';

/** The folder of the identity inside a data directory. */
export function tlsIdentityDir(dataDir: string): string {
  return join(dataDir, 'register-server');
}

/** Reads the identity of `dataDir`, making it on first use (`now`: when it starts being valid). */
export async function loadOrCreateTlsIdentity(
  dataDir: string,
  now: number = Date.now(),
): Promise<TlsIdentity> {
  const dir = tlsIdentityDir(dataDir);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) await createIdentity(dir, now);
  const key = readFileSync(keyFile, 'utf8');
  const cert = readFileSync(certFile, 'utf8');
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}

/** A self-signed P-256 certificate and its PKCS#8 key, both PEM. */
export async function makeSelfSignedCertificate(now: number): Promise<{ key: string; cert: string }> {
  const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as DomCrypto });
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2; // X.509 v3
  certificate.serialNumber = new asn1js.Integer({ valueHex: certificateSerial(randomBytes(16)) });
  const name = new pkijs.AttributeTypeAndValue({
    type: COMMON_NAME,
    value: new asn1js.Utf8String({ value: 'Caja store server' }),
  });
  certificate.subject.typesAndValues.push(name);
  certificate.issuer.typesAndValues.push(name);
  // Valid from a day back: a register whose clock runs behind the server's must not see a
  // certificate from the future (the pinned CA's dates are checked on every handshake).
  certificate.notBefore.value = new Date(now - DAY_MS);
  certificate.notAfter.value = new Date(now + VALID_DAYS * DAY_MS);
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey as unknown as DomCryptoKey, engine);
  await certificate.sign(keys.privateKey as unknown as DomCryptoKey, 'SHA-256', engine);
  const der = Buffer.from(certificate.toSchema(true).toBER(false));
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({
    format: 'pem',
    type: 'pkcs8',
  }) as string;
  return { key, cert: toCertificatePem(der) };
}

/**
 * A certificate serial from random bytes: positive, and already minimal DER. The first byte is
 * forced into 0x40–0x7f: a clear top bit keeps the INTEGER positive, and a non-zero byte keeps the
 * encoding minimal — with a leading 0x00 (1 in 256 random serials) the DER is illegally padded and
 * OpenSSL refuses to read the certificate at all.
 */
export function certificateSerial(random: Buffer): Buffer {
  const serial = Buffer.from(random);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  return serial;
}

function toCertificatePem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

async function createIdentity(dir: string, now: number): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const { key, cert } = await makeSelfSignedCertificate(now);
  // Written in a temporary folder and renamed into place, so a crash never leaves half an identity.
  const work = mkdtempSync(join(dir, 'new-'));
  try {
    writeFileSync(join(work, 'key.pem'), key, { mode: 0o600 });
    // writeFileSync's mode is masked by the umask: set it explicitly.
    chmodSync(join(work, 'key.pem'), 0o600);
    writeFileSync(join(work, 'cert.pem'), cert);
    // The certificate first: the identity counts as made only once key.pem is beside it.
    renameSync(join(work, 'cert.pem'), join(dir, 'cert.pem'));
    renameSync(join(work, 'key.pem'), join(dir, 'key.pem'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
