/**
 * Issue 17: the store server's certificate is made in-process (Windows PCs have no `openssl`
 * command). Made here with PATH emptied, loaded back unchanged, and used by a real TLS server that a
 * client pinned on it talks to; an identity an older Caja made with `openssl req` keeps loading.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connect, createServer, type Server } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  loadOrCreateTlsIdentity,
  tlsIdentityDir,
  type TlsIdentity,
} from '../../../app/infra/security/tls-identity';
import { pinnedTls } from '../../../app/infra/registers/register-join';
import { freshDataDir } from '../../support/web-shell';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

async function withoutPath<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = '';
  try {
    return await run();
  } finally {
    process.env.PATH = saved;
  }
}

/** One round trip over TLS with the client pinned on `pinned`; resolves to what the server echoed. */
async function echoOverPinnedTls(served: TlsIdentity, pinned: TlsIdentity): Promise<string> {
  const server: Server = createServer({ key: served.key, cert: served.cert, minVersion: 'TLSv1.3' }, (s) =>
    s.pipe(s),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, ...pinnedTls(pinned.cert, pinned.fingerprint) });
      socket.once('error', reject);
      socket.once('secureConnect', () => socket.write('hola'));
      socket.once('data', (data) => {
        socket.end();
        resolve(data.toString());
      });
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the store server certificate', () => {
  it('is made without any openssl on PATH: P-256, self-signed, key 0600 in a 0700 folder', async () => {
    const dataDir = freshDataDir('caja-identity-');
    const identity = await withoutPath(() => loadOrCreateTlsIdentity(dataDir, NOW));
    const cert = new X509Certificate(identity.cert);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.subject).toBe('CN=Caja store server');
    // Valid from a day before it was made (a register's clock may run behind), for ten years.
    expect(new Date(cert.validFrom).getTime()).toBe(NOW - 24 * 60 * 60_000);
    expect(new Date(cert.validTo).getTime()).toBe(NOW + 3650 * 24 * 60 * 60_000);
    expect(identity.key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(
      cert.checkPrivateKey(await import('node:crypto').then((c) => c.createPrivateKey(identity.key))),
    ).toBe(true);
    const dir = tlsIdentityDir(dataDir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'key.pem')).mode & 0o777).toBe(0o600);
  });

  it('loads back with the same fingerprint, and a client pinned on it talks to a server using it', async () => {
    const dataDir = freshDataDir('caja-identity-');
    const made = await withoutPath(() => loadOrCreateTlsIdentity(dataDir, NOW));
    const again = await loadOrCreateTlsIdentity(dataDir, NOW + 1000);
    expect(again).toEqual(made);
    expect(await echoOverPinnedTls(again, made)).toBe('hola');
  });

  it('two data directories get two identities, and a client pinned on one refuses the other', async () => {
    const one = await loadOrCreateTlsIdentity(freshDataDir('caja-identity-'), NOW);
    const two = await loadOrCreateTlsIdentity(freshDataDir('caja-identity-'), NOW);
    expect(one.fingerprint).not.toBe(two.fingerprint);
    await expect(echoOverPinnedTls(two, one)).rejects.toThrow();
  });

  it('keeps an identity an older Caja made with openssl (registers paired with it stay paired)', async (context) => {
    const dataDir = freshDataDir('caja-identity-');
    const dir = tlsIdentityDir(dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      // The exact command earlier versions ran.
      execFileSync(
        'openssl',
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
        ].concat([
          '-subj',
          '/CN=Caja store server',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ]),
        { stdio: 'ignore' },
      );
    } catch {
      console.log('skipped: no openssl command here to make an old-style identity');
      context.skip();
    }
    const before = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const identity = await loadOrCreateTlsIdentity(dataDir);
    expect(identity.cert).toBe(before);
    expect(identity.fingerprint).toBe(new X509Certificate(before).fingerprint256);
    expect(await echoOverPinnedTls(identity, identity)).toBe('hola');
  });
});
