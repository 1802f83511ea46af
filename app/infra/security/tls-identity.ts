/**
 * The store server's TLS identity for its registers (issue 17): a self-signed P-256 certificate and
 * key made once per data directory and kept in `register-server/` (0700; the key 0600). Registers
 * pin its SHA-256 fingerprint at pairing, so no CA is involved and the certificate's names do not
 * matter; a new certificate (the folder deleted) means every register must pair again.
 *
 * Made with the `openssl` command: nothing in node_modules that ships at run time makes X.509
 * certificates (pkijs is only electron-builder's dev dependency) and Node's crypto cannot sign one.
 * Where `openssl` is missing the start stops with a message saying so.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The server's key and certificate (PEM) and the certificate's fingerprint as registers pin it. */
export interface TlsIdentity {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by colons (Node's fingerprint256). */
  fingerprint: string;
}

/** The folder of the identity inside a data directory. */
export function tlsIdentityDir(dataDir: string): string {
  return join(dataDir, 'register-server');
}

/** Reads the identity of `dataDir`, making it on first use. */
export function loadOrCreateTlsIdentity(dataDir: string, openssl = 'openssl'): TlsIdentity {
  const dir = tlsIdentityDir(dataDir);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) createIdentity(dir, openssl);
  const key = readFileSync(keyFile, 'utf8');
  const cert = readFileSync(certFile, 'utf8');
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}

function createIdentity(dir: string, openssl: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // Made in a temporary folder and renamed into place, so a crash never leaves half an identity.
  const work = mkdtempSync(join(dir, 'new-'));
  try {
    execFileSync(
      openssl,
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '3650',
        '-subj',
        '/CN=Caja store server',
        '-keyout',
        join(work, 'key.pem'),
        '-out',
        join(work, 'cert.pem'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    chmodSync(join(work, 'key.pem'), 0o600);
    renameSync(join(work, 'cert.pem'), join(dir, 'cert.pem'));
    renameSync(join(work, 'key.pem'), join(dir, 'key.pem'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'Serving registers needs the openssl command to make the store certificate; install OpenSSL.',
        { cause: error },
      );
    }
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
