/**
 * The register's side of issue 17's transport: pairing with a store server (`--join <url>
 * --pairing-code <code>`) and opening the authenticated link. See [Note: pairing proofs].
 *
 * First contact fetches the server's certificate without trusting it, proves knowledge of the code
 * over its fingerprint, and sends the pairing request only to that same certificate; the server's
 * answer must carry its own proof, or nothing is stored. From then on every connection passes the
 * pinned certificate as the only CA and checks its fingerprint, so the credential never reaches
 * another server (the TLS handshake fails before a byte of HTTP is sent).
 */
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { connect, type PeerCertificate } from 'node:tls';
import WebSocket from 'ws';
import { normalizePairingCode } from '../../domain/registers';
import { registerProof, sameProof, serverProof } from './pairing-proof';
import { LINK_PATH, PAIR_PATH, REGISTER_ID_HEADER, pairResponse, welcomeMessage } from './register-wire';

/** What a register keeps after pairing (the credential goes to its vault, the rest to a file). */
export interface RegisterLink {
  serverUrl: string;
  registerId: number;
  name: string;
  /** The pinned certificate (PEM) and its SHA-256 fingerprint. */
  certificate: string;
  fingerprint: string;
}

/** Why joining failed; the message never carries the code or a credential. */
export class JoinError extends Error {
  constructor(
    readonly reason:
      | 'bad_url'
      | 'unreachable'
      | 'refused'
      | 'rate_limited'
      | 'server_not_proven'
      | 'server_not_pinned'
      | 'bad_answer',
    message: string,
  ) {
    super(message);
    this.name = 'JoinError';
  }
}

/** The `https://host:port` of a store server, or a JoinError. */
export function parseServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new JoinError('bad_url', '--join needs a URL like https://192.168.1.10:7443');
  }
  if (
    url.protocol !== 'https:' ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    url.pathname !== '/'
  ) {
    throw new JoinError('bad_url', '--join needs a URL like https://192.168.1.10:7443 (https, no path)');
  }
  return url;
}

function toPem(raw: Buffer): string {
  const lines = raw.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const CERTIFICATE_CHANGED = 'store server certificate changed';

/** TLS options that accept exactly the pinned certificate. */
export function pinnedTls(certificate: string, fingerprint: string) {
  return {
    ca: certificate,
    // The certificate's names are irrelevant (it is pinned): only its fingerprint counts.
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === fingerprint ? undefined : new Error(CERTIFICATE_CHANGED),
    rejectUnauthorized: true,
    minVersion: 'TLSv1.3' as const,
  };
}

/** The certificate a server shows, fetched without trusting it (first contact only). */
function fetchCertificate(url: URL): Promise<{ certificate: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 443), rejectUnauthorized: false });
    socket.setTimeout(10_000, () => socket.destroy(new Error('timeout')));
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate(true).raw;
      socket.end();
      const certificate = toPem(raw);
      resolve({ certificate, fingerprint: new X509Certificate(certificate).fingerprint256 });
    });
    socket.once('error', (error) =>
      reject(
        new JoinError(
          'unreachable',
          `Cannot reach the store server: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
        ),
      ),
    );
  });
}

function postJson(
  url: URL,
  path: string,
  body: unknown,
  tls: ReturnType<typeof pinnedTls>,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: Number(url.port || 443),
        path,
        method: 'POST',
        ...tls,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.once('error', (error) =>
      reject(
        new JoinError(
          'unreachable',
          `Pairing failed: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
        ),
      ),
    );
    req.end(JSON.stringify(body));
  });
}

/** Pairs with the store server; returns the link to keep and the credential for the vault. */
export async function pairWithServer(options: {
  serverUrl: string;
  pairingCode: string;
  name: string;
}): Promise<{ link: RegisterLink; credential: string }> {
  const url = parseServerUrl(options.serverUrl);
  const code = normalizePairingCode(options.pairingCode);
  const { certificate, fingerprint } = await fetchCertificate(url);
  const answer = await postJson(
    url,
    PAIR_PATH,
    { name: options.name, proof: registerProof(code, fingerprint) },
    pinnedTls(certificate, fingerprint),
  );
  if (answer.status === 429)
    throw new JoinError('rate_limited', 'Too many wrong attempts: ask the manager for a new code.');
  if (answer.status !== 200) throw new JoinError('refused', 'The store server refused the pairing code.');
  const parsed = pairResponse.safeParse(answer.json);
  if (!parsed.success) throw new JoinError('bad_answer', 'The store server answered something unexpected.');
  const { registerId, name, credential } = parsed.data;
  if (!sameProof(parsed.data.serverProof, serverProof(code, fingerprint, registerId))) {
    throw new JoinError(
      'server_not_proven',
      'The server did not prove it knows the pairing code: not pairing.',
    );
  }
  return { link: { serverUrl: url.origin, registerId, name, certificate, fingerprint }, credential };
}

/** An open, authenticated link to the store server. */
export interface OpenLink {
  socket: WebSocket;
  registerId: number;
  name: string;
}

/** Opens the register's authenticated link; rejects if the server refuses or is not the pinned one. */
export function openRegisterLink(link: RegisterLink, credential: string): Promise<OpenLink> {
  const url = new URL(LINK_PATH, link.serverUrl.replace(/^https:/, 'wss:'));
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, {
      ...pinnedTls(link.certificate, link.fingerprint),
      headers: { [REGISTER_ID_HEADER]: String(link.registerId), authorization: `Bearer ${credential}` },
      handshakeTimeout: 10_000,
    });
    socket.once('unexpected-response', (_req, res) => {
      socket.terminate();
      reject(new JoinError('refused', `The store server refused this register (${res.statusCode}).`));
    });
    socket.once('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // OpenSSL's verification codes, or our fingerprint check: this is not the store server we paired with.
      if (/CERT|SELF_SIGNED/.test(code) || error.message === CERTIFICATE_CHANGED) {
        reject(
          new JoinError(
            'server_not_pinned',
            'The store server’s certificate is not the one paired with: refused.',
          ),
        );
      } else {
        reject(new JoinError('unreachable', `Cannot open the link: ${code || error.message}`));
      }
    });
    socket.once('message', (data) => {
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        json = undefined;
      }
      const welcome = welcomeMessage.safeParse(json);
      if (!welcome.success) {
        socket.terminate();
        return reject(new JoinError('bad_answer', 'The store server answered something unexpected.'));
      }
      resolve({ socket, registerId: welcome.data.registerId, name: welcome.data.name });
    });
  });
}
