/**
 * Issue 17, deliverables 2 and 5: pairing a register with the store server and its authenticated
 * link, over real TLS sockets on 127.0.0.1 against a real core on a real SQLite file.
 */
import { connect as tcpConnect, type AddressInfo } from 'node:net';
import { connect as tlsConnect, createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createCore, type Core } from '../../../app/host/create-core';
import { PAIRING_CODE_TTL_MS, type PairingCodeView } from '../../../app/domain/registers';
import { loadOrCreateTlsIdentity } from '../../../app/infra/security/tls-identity';
import { startRegisterServer, type RegisterServer } from '../../../web/register-server';
import {
  JoinError,
  openRegisterLink,
  pairWithServer,
  type RegisterLink,
} from '../../../app/infra/registers/register-join';
import { CLOSE_REVOKED } from '../../../app/infra/registers/register-wire';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

let core: Core;
let server: RegisterServer;
let serverUrl: string;
let clockOffset = 0;
const log = recordingLogger();

beforeAll(async () => {
  const dataDir = freshDataDir('caja-registers-');
  core = createCore({
    dataDir,
    shell: 'web',
    logger: log.logger,
    clock: { now: () => Date.now() + clockOffset },
  });
  await signInDemoManager(core);
  server = await startRegisterServer({
    host: '127.0.0.1',
    port: 0,
    identity: await loadOrCreateTlsIdentity(dataDir),
    registers: () => core.registers,
    core,
    logger: log.logger,
  });
  serverUrl = `https://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  core.close();
});

async function newCode(): Promise<string> {
  const reply = await core.dispatch('office.registers.pairingCode.create', {});
  if (!reply.ok) throw new Error(reply.error.code);
  return (reply.value as PairingCodeView).code;
}

async function joinError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JoinError) return error.reason;
    throw error;
  }
  return 'joined';
}

async function pairNew(name: string) {
  return pairWithServer({ serverUrl, pairingCode: await newCode(), name });
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

describe('pairing a register', () => {
  it('pairs with the right code: an id, a credential, the server fingerprint pinned, only a hash kept', async () => {
    const code = await newCode();
    const { link, credential } = await pairWithServer({
      serverUrl,
      pairingCode: code.toLowerCase(),
      name: 'Caja 2',
    });
    expect(link.fingerprint).toBe(server.fingerprint);
    expect(link.registerId).toBeGreaterThan(0);
    expect(credential).toMatch(/^[\w-]{43}$/);

    const listed = await core.dispatch('office.registers.list', {});
    expect(listed.ok && listed.value).toMatchObject({
      registers: [
        { id: 0, name: 'Caja principal', revokedAt: null },
        { id: link.registerId, name: 'Caja 2', revokedAt: null },
      ],
    });
    expect(JSON.stringify(listed)).not.toContain(credential);
    expect(JSON.stringify(log.entries)).not.toContain(credential);

    const open = await openRegisterLink(link, credential);
    expect(open.registerId).toBe(link.registerId);
    open.socket.close();
  });

  it('refuses a wrong code, a reused code and an expired code', async () => {
    const code = await newCode();
    expect(await joinError(pairWithServer({ serverUrl, pairingCode: 'AAAAA-AAAAA', name: 'x' }))).toBe(
      'refused',
    );
    await pairWithServer({ serverUrl, pairingCode: code, name: 'Caja 3' });
    expect(await joinError(pairWithServer({ serverUrl, pairingCode: code, name: 'again' }))).toBe('refused');

    const late = await newCode();
    clockOffset += PAIRING_CODE_TTL_MS;
    try {
      expect(await joinError(pairWithServer({ serverUrl, pairingCode: late, name: 'late' }))).toBe('refused');
    } finally {
      clockOffset -= PAIRING_CODE_TTL_MS;
    }
  });

  it('refuses a machine in the middle that shows its own certificate, even with the right code', async () => {
    const other = await loadOrCreateTlsIdentity(freshDataDir('caja-middle-'));
    // Terminates TLS with its own certificate and relays everything to the real server.
    const middle = createTlsServer({ key: other.key, cert: other.cert }, (inbound) => {
      const outbound = tlsConnect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false });
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('error', () => outbound.destroy());
      outbound.on('error', () => inbound.destroy());
    });
    await new Promise<void>((resolve) => middle.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = middle.address() as AddressInfo;
      const code = await newCode();
      const via = `https://127.0.0.1:${port}`;
      expect(await joinError(pairWithServer({ serverUrl: via, pairingCode: code, name: 'x' }))).toBe(
        'refused',
      );
    } finally {
      await new Promise((resolve) => middle.close(resolve));
    }
  });

  it('burns a code after repeated wrong attempts (rate limit)', async () => {
    const code = await newCode();
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      outcomes.push(await joinError(pairWithServer({ serverUrl, pairingCode: 'BBBBB-BBBBB', name: 'x' })));
    }
    expect(outcomes).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(await joinError(pairWithServer({ serverUrl, pairingCode: code, name: 'x' }))).toBe('rate_limited');
  });
});

describe('the authenticated link', () => {
  let link: RegisterLink;
  let credential: string;

  beforeAll(async () => {
    ({ link, credential } = await pairNew('Caja enlace'));
  });

  it('refuses a server whose certificate is not the pinned one, before sending the credential', async () => {
    const otherDir = freshDataDir('caja-other-server-');
    const impostor = await startRegisterServer({
      host: '127.0.0.1',
      port: 0,
      identity: await loadOrCreateTlsIdentity(otherDir),
      registers: () => core.registers,
      core,
      logger: recordingLogger().logger,
    });
    try {
      const moved: RegisterLink = { ...link, serverUrl: `https://127.0.0.1:${impostor.port}` };
      expect(await joinError(openRegisterLink(moved, credential))).toBe('server_not_pinned');
      expect(impostor.connected()).toBe(0);
    } finally {
      await impostor.close();
    }
  });

  it('refuses a wrong credential and another register’s credential', async () => {
    expect(await joinError(openRegisterLink(link, 'x'.repeat(43)))).toBe('refused');
    const other = await pairNew('Caja otra');
    expect(await joinError(openRegisterLink(link, other.credential))).toBe('refused');
    expect(await joinError(openRegisterLink({ ...link, registerId: 9999 }, credential))).toBe('refused');
  });

  it('closes a revoked register’s open link at once and refuses its credential replayed afterwards', async () => {
    const open = await openRegisterLink(link, credential);
    const closing = closed(open.socket);
    const revoked = await core.dispatch('office.registers.revoke', { registerId: link.registerId });
    expect(revoked.ok).toBe(true);
    expect(await closing).toBe(CLOSE_REVOKED);
    expect(await joinError(openRegisterLink(link, credential))).toBe('refused');
  });

  it('renames a register', async () => {
    const renamed = await core.dispatch('office.registers.rename', {
      registerId: link.registerId,
      name: ' Mostrador 2 ',
    });
    expect(renamed.ok && renamed.value).toMatchObject({ name: 'Mostrador 2' });
  });
});

describe('strangers on the port', () => {
  it('drops plain HTTP and plain TCP without an answer', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = tcpConnect(server.port, '127.0.0.1', () =>
        socket.write('GET /registers/link HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
    });
    expect(answer).not.toContain('HTTP/1.1 200');
    expect(answer).not.toContain('welcome');
  });

  it('answers 404 to anything but pairing and the link, even over TLS', async () => {
    const res = await fetchInsecure(`${serverUrl}/`);
    expect(res).toBe(404);
  });
});

async function fetchInsecure(url: string): Promise<number> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
