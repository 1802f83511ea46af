/**
 * Issue 17, deliverables 1 and 4, in one process over real TLS sockets on 127.0.0.1: a real core on
 * a real SQLite file behind the register server, and a register's client (app/host/register-client.ts)
 * on a link through a TCP proxy that can freeze (a silent LAN). The heartbeat runs on manual timers,
 * so the test decides when a ping is due and when its pong is late; nothing waits on the clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { Channel, Reply } from '../../../app/api/contract';
import type { PairingCodeView, RegisterLinkView } from '../../../app/domain/registers';
import type { SessionView } from '../../../app/domain/session';
import type { AppEvent } from '../../../app/ports/event-bus.port';
import { createCore, type Core } from '../../../app/host/create-core';
import { loadOrCreateTlsIdentity } from '../../../app/infra/security/tls-identity';
import { startRegisterServer, type RegisterServer } from '../../../web/register-server';
import {
  openRegisterLink,
  pairWithServer,
  type RegisterLink,
} from '../../../app/infra/registers/register-join';
import {
  BACKOFF_MS,
  HEARTBEAT_MS,
  PONG_TIMEOUT_MS,
  startRegisterClient,
  type RegisterClient,
} from '../../../app/host/register-client';
import { MAX_IN_FLIGHT_PER_LINK } from '../../../app/infra/registers/register-wire';
import { manualTime, type ManualTime } from '../../support/manual-time';
import { recordingLogger } from '../../support/recording-logger';
import { DEMO_USERS, signInDemoManager } from '../../support/sign-in';
import { startFreezableProxy, type FreezableProxy } from '../../support/tcp-proxy';
import { freshDataDir } from '../../support/web-shell';

let core: Core;
let server: RegisterServer;
let proxy: FreezableProxy;
let link: RegisterLink;
let credential: string;
const log = recordingLogger();

beforeAll(async () => {
  const dataDir = freshDataDir('caja-register-link-');
  core = createCore({ dataDir, shell: 'web', logger: log.logger });
  await signInDemoManager(core);
  server = await startRegisterServer({
    host: '127.0.0.1',
    port: 0,
    identity: await loadOrCreateTlsIdentity(dataDir),
    registers: () => core.registers,
    core,
    logger: log.logger,
  });
  const code = await core.dispatch('office.registers.pairingCode.create', {});
  if (!code.ok) throw new Error(code.error.code);
  const paired = await pairWithServer({
    serverUrl: `https://127.0.0.1:${server.port}`,
    pairingCode: (code.value as PairingCodeView).code,
    name: 'Caja LAN',
  });
  credential = paired.credential;
  proxy = await startFreezableProxy(`http://127.0.0.1:${server.port}`);
  // The register reaches the server through the proxy: the LAN the test can silence.
  link = { ...paired.link, serverUrl: `https://127.0.0.1:${new URL(proxy.url).port}` };
});

afterAll(async () => {
  await proxy.close();
  await server.close();
  core.close();
});

let client: RegisterClient | undefined;
afterEach(() => {
  client?.close();
  client = undefined;
});

/** A client on manual timers, with every event it forwards to its windows. */
function startClient(time: ManualTime) {
  const heard: AppEvent[] = [];
  client = startRegisterClient({ link, credential, timers: time.timers, logger: log.logger });
  client.events.subscribe((event) => heard.push(event));
  const states = () =>
    heard
      .filter((e) => e.event === 'register.link.changed')
      .map((e) => (e.payload as RegisterLinkView).state);
  return { client, heard, states };
}

async function waitFor(condition: () => boolean): Promise<void> {
  await expect.poll(condition, { timeout: 20_000, interval: 20 }).toBe(true);
}

describe('the register’s link carries the contract', () => {
  it('forwards calls to its own register on the server and its events back', async () => {
    const time = manualTime();
    const { client, heard } = startClient(time);
    await client.whenUp();
    const signedIn = await client.dispatch('session.signIn', {
      userId: DEMO_USERS.cashier.id,
      pin: DEMO_USERS.cashier.pin,
    });
    expect(signedIn.ok && (signedIn.value as SessionView).user.id).toBe(DEMO_USERS.cashier.id);
    // The register's session is its own: the server's counter keeps its manager.
    const own = await core.dispatch('session.get', {});
    expect(own.ok && (own.value as SessionView).user.id).toBe(DEMO_USERS.manager.id);
    await waitFor(() => heard.some((e) => e.event === 'session.changed'));
    const info = await client.dispatch('app.info.get', {});
    expect(info.ok && (info.value as { register: RegisterLinkView }).register).toMatchObject({
      state: 'up',
      registerId: link.registerId,
    });
  });

  it('locks the register’s session on the server when its last link closes', async () => {
    const time = manualTime();
    const { client } = startClient(time);
    await client.whenUp();
    await client.dispatch('session.signIn', { userId: DEMO_USERS.cashier.id, pin: DEMO_USERS.cashier.pin });
    client.close();
    await waitFor(() => server.connected() === 0);
    const session = await core.dispatchFor(link.registerId)('session.get', {});
    expect(session.ok && (session.value as SessionView).locked).toBe(true);
  });
});

describe('a silent LAN', () => {
  it('is detected by the heartbeat: down, calls refused at once with the reason, then up again', async () => {
    const time = manualTime();
    const { client, states } = startClient(time);
    await client.whenUp();
    const signIn = await client.dispatch('session.signIn', {
      userId: DEMO_USERS.cashier.id,
      pin: DEMO_USERS.cashier.pin,
    });
    expect(signIn.ok).toBe(true);
    await client.dispatch('sales.cart.scan', { code: 'BEB-001' });

    proxy.freeze();
    // A call made now goes into the silence; it must not hang once the link is known to be down.
    const inFlight = client.dispatch('payments.cash.pay', { tendered: 100_000 });
    time.advance(HEARTBEAT_MS);
    time.advance(PONG_TIMEOUT_MS);
    await waitFor(() => client.status().state === 'down');
    expect(((await inFlight) as Extract<Reply<Channel>, { ok: false }>).error).toMatchObject({
      code: 'unavailable',
      reason: 'store_server_unreachable',
    });
    const refused = await client.dispatch('sales.cart.get', {});
    expect(refused.ok || refused.error.reason).toBe('store_server_unreachable');
    // Nothing reached the server: the register's sale is still open, with no payment.
    const tender = await core.dispatchFor(link.registerId)('sales.tender.get', {});
    expect(tender.ok && (tender.value as { paid: number }).paid).toBe(0);

    proxy.thaw();
    // The reconnect waits on a timer too: each poll moves time past the longest backoff.
    await waitFor(() => {
      if (client.status().state === 'up') return true;
      time.advance(BACKOFF_MS.max);
      return false;
    });
    await client.whenUp();
    // The first `down` is the state replayed to a new listener before the link first opened.
    expect(states()).toEqual(['down', 'up', 'down', 'up']);
    const cart = await client.dispatch('sales.cart.get', {});
    expect(cart.ok).toBe(true);
  });
});

describe('the server side of the link', () => {
  async function rawLink(): Promise<WebSocket> {
    const open = await openRegisterLink(
      { ...link, serverUrl: `https://127.0.0.1:${server.port}` },
      credential,
    );
    return open.socket;
  }
  function replies(socket: WebSocket) {
    const got: { id: number; reply: Reply<Channel> }[] = [];
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; id: number; reply: Reply<Channel> };
      if (message.type === 'reply') got.push(message);
    });
    return got;
  }

  it('refuses store-server-only channels even from a register that skips its own check', async () => {
    const socket = await rawLink();
    const got = replies(socket);
    socket.send(
      JSON.stringify({ type: 'invoke', id: 7, channel: 'office.maintenance.backups.create', args: {} }),
    );
    await waitFor(() => got.length === 1);
    expect(got[0]).toMatchObject({ id: 7, reply: { ok: false, error: { reason: 'store_server_only' } } });
    socket.close();
  });

  it('closes the link (1008) on a malformed message', async () => {
    const socket = await rawLink();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'invoke', id: 'one', channel: 'sales.cart.get' }));
    expect(await closed).toBe(1008);
  });

  it(`answers rate_limited past ${MAX_IN_FLIGHT_PER_LINK} calls in flight, never queueing them`, async () => {
    const socket = await rawLink();
    const got = replies(socket);
    const burst = MAX_IN_FLIGHT_PER_LINK + 4;
    // One frame each, all sent before the server can answer any: the PIN hash keeps the first ones busy.
    for (let id = 1; id <= burst; id += 1) {
      socket.send(
        JSON.stringify({ type: 'invoke', id, channel: 'session.signIn', args: { userId: 1, pin: '1111' } }),
      );
    }
    await waitFor(() => got.length === burst);
    const limited = got.filter((r) => !r.reply.ok && r.reply.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(got.length - limited.length).toBeLessThanOrEqual(MAX_IN_FLIGHT_PER_LINK);
    socket.close();
  }, 120_000);
});
