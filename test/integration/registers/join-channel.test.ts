/**
 * Issue 17, the pairing screens' channels on real parts: `store.join` through a real store host
 * (the first-run screen's «Unirse a una caja principal») against a real register server over TLS on
 * 127.0.0.1, and `office.registers.server.get` as the host describes its listener.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../app/api/contract';
import type { JoinedRegister, PairingCodeView, RegisterView } from '../../../app/domain/registers';
import { createCore, type Core } from '../../../app/host/create-core';
import { startStoreHost, type StoreHost } from '../../../app/host/store-host';
import { loadRegisterLink } from '../../../app/infra/registers/register-link-file';
import { FileVault } from '../../../app/infra/security/file-vault';
import { loadOrCreateTlsIdentity } from '../../../app/infra/security/tls-identity';
import { startRegisterServer, type RegisterServer } from '../../../web/register-server';
import { describeRegisterServer } from '../../../web/register-server-info';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

let server: Core;
let listener: RegisterServer;
let serverUrl: string;
let register: StoreHost;
let registerDir: string;

beforeAll(async () => {
  const serverDir = freshDataDir('caja-join-server-');
  server = createCore({
    dataDir: serverDir,
    shell: 'web',
    logger: recordingLogger().logger,
    registerServer: () => describeRegisterServer(listener),
  });
  await signInDemoManager(server);
  listener = await startRegisterServer({
    host: '127.0.0.1',
    port: 0,
    identity: await loadOrCreateTlsIdentity(serverDir),
    registers: () => server.registers,
    core: server,
    logger: recordingLogger().logger,
  });
  serverUrl = `https://127.0.0.1:${listener.port}`;
  registerDir = freshDataDir('caja-join-register-');
  register = await startStoreHost({ dataDir: registerDir, shell: 'web', logger: recordingLogger().logger });
  const signedIn = await register.core.dispatch('session.signIn', { userId: 2, pin: '9999' });
  expect(signedIn.ok).toBe(true);
});

afterAll(async () => {
  await register.close();
  await listener.close();
  server.close();
});

async function newCode(): Promise<string> {
  const reply = await server.dispatch('office.registers.pairingCode.create', {});
  if (!reply.ok) throw new Error(reply.error.code);
  return (reply.value as PairingCodeView).code;
}

function joinAs(args: { serverUrl: string; pairingCode: string; registerName?: string }) {
  return register.core.dispatch('store.join', {
    registerName: 'Caja 2',
    ...args,
  }) as Promise<Reply<'store.join'>>;
}

describe('office.registers.server.get', () => {
  it('tells the office this PC serves registers: its URL and its certificate fingerprint', async () => {
    const reply = await server.dispatch('office.registers.server.get', {});
    expect(reply).toEqual({
      ok: true,
      value: { serving: true, urls: [serverUrl], fingerprint: listener.fingerprint },
    });
  });

  it('says not serving on a core whose shell has no register listener (the desktop, a web shell without the flag)', async () => {
    const value = (await register.core.dispatch(
      'office.registers.server.get',
      {},
    )) as Reply<'office.registers.server.get'>;
    expect(value).toEqual({ ok: true, value: { serving: false, urls: [], fingerprint: null } });
  });
});

describe('store.join (the first-run screen)', () => {
  it('refuses a wrong code with its reason and keeps nothing', async () => {
    await newCode();
    const reply = await joinAs({ serverUrl, pairingCode: 'BBBBB-BBBBB' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatchObject({ code: 'forbidden', reason: 'join_code_refused' });
    expect(existsSync(join(registerDir, 'register-link.json'))).toBe(false);
  });

  it('says a mistyped address and an unreachable server apart', async () => {
    const bad = await joinAs({ serverUrl: 'http://127.0.0.1:1/x', pairingCode: await newCode() });
    expect(bad.ok ? null : bad.error.reason).toBe('join_bad_url');
    // A port nobody listens on (the register server's, closed), on this machine only.
    const gone = await startRegisterServer({
      host: '127.0.0.1',
      port: 0,
      identity: await loadOrCreateTlsIdentity(freshDataDir('caja-join-gone-')),
      registers: () => server.registers,
      core: server,
      logger: recordingLogger().logger,
    });
    const port = gone.port;
    await gone.close();
    const unreachable = await joinAs({
      serverUrl: `https://127.0.0.1:${port}`,
      pairingCode: await newCode(),
    });
    expect(unreachable.ok ? null : unreachable.error).toMatchObject({
      code: 'unavailable',
      reason: 'join_unreachable',
    });
  });

  it('says too many attempts once the code is burnt', async () => {
    const code = await newCode();
    for (let i = 0; i < 5; i += 1) await joinAs({ serverUrl, pairingCode: 'CCCCC-CCCCC' });
    const reply = await joinAs({ serverUrl, pairingCode: code });
    expect(reply.ok ? null : reply.error).toMatchObject({
      code: 'rate_limited',
      reason: 'join_too_many_attempts',
    });
  });

  it('pairs with the right code: the link and credential are kept in the data dir as --join keeps them', async () => {
    const paired = new Promise<RegisterView>((resolve) => {
      const stop = server.events.subscribe(({ event, payload }) => {
        if (event !== 'office.registers.paired') return;
        stop();
        resolve(payload as RegisterView);
      });
    });
    const reply = await joinAs({
      serverUrl,
      pairingCode: (await newCode()).toLowerCase(),
      registerName: 'Mostrador 2',
    });
    expect(reply.ok).toBe(true);
    const joined = (reply.ok ? reply.value : null) as JoinedRegister;
    expect(joined).toEqual({
      registerId: expect.any(Number),
      name: 'Mostrador 2',
      serverUrl,
      fingerprint: listener.fingerprint,
    });
    // The server told its office (the Cajas tab retires the spent code on this event).
    expect(await paired).toMatchObject({ id: joined.registerId, name: 'Mostrador 2', revokedAt: null });

    const stored = loadRegisterLink(registerDir, new FileVault(registerDir));
    expect(stored?.link).toMatchObject({ registerId: joined.registerId, fingerprint: listener.fingerprint });
    // The credential is in the vault only: not in the link file, not in the reply.
    expect(readFileSync(join(registerDir, 'register-link.json'), 'utf8')).not.toContain(stored!.credential);
    expect(JSON.stringify(reply)).not.toContain(stored!.credential);
    // It authenticates at the server (the pairing opened the link once: it was seen).
    const listed = await server.dispatch('office.registers.list', {});
    const row = (listed.ok ? (listed.value as { registers: RegisterView[] }).registers : []).find(
      (r) => r.id === joined.registerId,
    );
    expect(row?.lastSeen).not.toBeNull();
  });

  it('needs a manager signed in, as the wizard does', async () => {
    await register.core.dispatch('session.signOut', {});
    const reply = await joinAs({ serverUrl, pairingCode: await newCode() });
    expect(reply.ok ? null : reply.error.code).toMatch(/^(session_required|forbidden)$/);
  });
});
