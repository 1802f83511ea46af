/**
 * A real simulator over HTTP, a real SQLite file and the real core, wired like production except
 * for the webhook path: until a test needs the relay, the simulator posts webhooks to a small
 * receiver here that hands them to the engine (a stand-in for relay + relay client, named as such).
 *
 * [Note: harness time]
 * Simulator and core share ONE clock, with its timers: a request's ttl on the simulator and the
 * engine's verification deadline are counted in the same simulated seconds, so no production knob
 * has to scale one of them (issue 12 removed `ttlFactor`). Two kinds of time:
 * - `scaled` (the default): simulated time runs TIME_SCALE-fast by itself (a 10 s ttl lasts 100 ms),
 *   for flows nobody acts in (auto-approve, declines, timeouts) where only the order of events counts;
 * - `manual`: time stands still until the test calls `advance`, for flows where the test acts on the
 *   terminal (approve, cancel) or steps over a deadline: nothing can expire behind its back, however
 *   slow the machine is, and a verification runs exactly when the test moves the clock to it.
 * Network timeouts (the Kushki client's, the webhook reply limit) and the relay's heartbeats stay in
 * real time, as in production.
 */
import { createHash, createSign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { Channel, Reply } from '../../app/api/contract';
import type { PaymentView } from '../../app/domain/payment-view';
import { createCore, type Core } from '../../app/host/create-core';
import { signInDemoCashier } from './sign-in';
import { KushkiHttpClient } from '../../app/infra/kushki/kushki-client';
import type { Clock } from '../../app/ports/clock.port';
import type { Timers } from '../../app/ports/timers.port';
import type { PaymentGateway } from '../../app/ports/payment-gateway.port';
import type { VerificationTimings } from '../../app/domain/verification-schedule';
import {
  createScaledClock,
  createSimulator,
  ManualClock,
  type Clock as SimulatorClock,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator';
import { createRelay, silentLogger, type NewStoreCredentials, type RelayHandle } from '../../relay';
import { RelayClient } from '../../app/infra/relay-client/relay-client';
import type { RelayStatus } from '../../app/domain/relay-status';
import { recordingLogger } from './recording-logger';
import { freshDataDir } from './web-shell';
import { checkBpSignature, loadBpKeyring } from '../../relay/ingress/bp-signature';
import { BP_KEY_INDEX, bpSigningKey } from './bp-signing-key';

/** Scaled time runs this much faster than real time: a 10 s ttl lasts 100 ms. See [Note: harness time]. */
export const TIME_SCALE = 0.01;
export const SERIAL = 'CAJA01';
/** How long the simulator's auto-behaviours wait before they act on a request, in the shared clock's time. */
export const APPROVE_DELAY_MS = 1_000;
/** Seconds a card request waits on the terminal, in the shared clock's time. */
export const TTL_SECONDS = 10;
/** The engine's verification timings, in the shared clock's time (simulated ms). */
export const HARNESS_TIMINGS: VerificationTimings = {
  delaysMs: [2_000, 4_000, 8_000],
  graceMs: 30_000,
  slowIntervalMs: 10_000,
};
/** When a payment still open is declared unknown: ttl plus grace after it was created. */
export const DEADLINE_MS = TTL_SECONDS * 1000 + HARNESS_TIMINGS.graceMs;

/** The core's view of the simulator's clock: the same time, the same timers. */
function coreTime(clock: SimulatorClock): { clock: Clock; timers: Timers } {
  return { clock: { now: () => clock.now() }, timers: { after: (ms, run) => clock.setTimer(ms, run) } };
}

/** A running harness. */
export interface PaymentsHarness {
  sim: Simulator;
  core: Core;
  /** The clock simulator and core share. See [Note: harness time]. */
  clock: Clock;
  /**
   * Manual time only: moves the shared clock forward by `ms`, firing the simulator's and the
   * engine's timers that fall due on the way, in order. Throws on scaled time.
   */
  advance(ms: number): void;
  dataDir: string;
  webhookUrl: string;
  /** Present when started with `viaRelay`: the real relay and the app's real relay client. */
  relay?: {
    handle: RelayHandle;
    store: NewStoreCredentials;
    client: () => RelayClient;
    statuses: RelayStatus[];
  };
  /** Stops the core only (a crash or restart); `restart` builds a new one on the same data. */
  stopCore(): void;
  restart(options?: { gateway?: (base: PaymentGateway) => PaymentGateway }): Promise<Core>;
  /**
   * Posts a webhook body where the simulator posts them (the relay's ingress or the direct
   * receiver), with no Billpocket signature unless `signed`: what a forger with the URL can do.
   */
  postWebhook(body: Record<string, unknown>, options?: { signed?: boolean }): Promise<number>;
  call<T>(channel: Channel, args: unknown): Promise<T>;
  reply(channel: Channel, args: unknown): Promise<Reply<Channel>>;
  waitForStatus(paymentId: number, statuses: string[], timeoutMs?: number): Promise<PaymentView>;
  close(): Promise<void>;
}

/** Starts simulator, webhook receiver and core. */
export async function startPaymentsHarness(
  options: {
    /** Simulator options; its clock is the shared one (see [Note: harness time]). */
    sim?: Omit<SimulatorOptions, 'clock' | 'timeScale'>;
    gateway?: (base: PaymentGateway) => PaymentGateway;
    clientTimeoutMs?: number;
    /** Overrides of HARNESS_TIMINGS, in the shared clock's time. */
    timings?: Partial<VerificationTimings>;
    /** Route webhooks through a real relay and the app's relay client instead of the direct receiver. */
    viaRelay?: boolean;
    /** How the shared clock moves (default `scaled`). See [Note: harness time]. */
    time?: 'scaled' | 'manual';
    /** Where the shared clock starts (default: now), for tests whose rules depend on the store's hour. */
    startAt?: number;
  } = {},
): Promise<PaymentsHarness> {
  const start = options.startAt ?? Date.now();
  const manual = options.time === 'manual' ? new ManualClock(start) : undefined;
  const shared: SimulatorClock = manual ?? createScaledClock(TIME_SCALE, start);
  const time = coreTime(shared);
  const receiverBox: { core?: Core } = {};
  // The simulator signs its webhooks as Billpocket does; relay and receiver verify with the public key.
  const bpKey = bpSigningKey();
  const bpKeyring = loadBpKeyring({ [BP_KEY_INDEX]: bpKey.publicKeyPem });
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        payload = raw.toString('utf8');
      }
      // Each delivery is a distinct event, as the relay would number it; duplicates are the engine's problem.
      const eventId = createHash('sha256').update(raw).update(String(Math.random())).digest('hex');
      // The relay's own check (relay/ingress/bp-signature.ts), so this stand-in judges signatures as it does.
      const bp = checkBpSignature(bpKeyring, req.headers, raw, false);
      const signature = bp.ok && bp.status === 'verified' ? 'verified' : 'unverified';
      receiverBox.core?.inbound.accept({ eventId, payload, receivedAt: shared.now(), signature });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;

  let relay: PaymentsHarness['relay'];
  let relayClient: RelayClient | undefined;
  let hookUrl = webhookUrl;
  if (options.viaRelay) {
    const handle = await createRelay(
      {
        dataDir: freshDataDir('caja-relay-'),
        heartbeatIntervalMs: 200,
        heartbeatTimeoutMs: 1_000,
        bpPublicKeys: { [BP_KEY_INDEX]: bpKey.publicKeyPem },
      },
      { logger: silentLogger },
    );
    const added = await handle.admin.addStore({ name: 'Tienda de prueba' });
    if (!added.ok) throw new Error('could not add a relay store');
    const statuses: RelayStatus[] = [];
    relay = { handle, store: added.value, client: () => relayClient!, statuses };
    hookUrl = `${handle.url}${added.value.ingressPath}`;
  }
  const startRelayClient = (core: Core) => {
    if (!relay) return;
    relayClient = new RelayClient({
      url: relay.handle.url,
      storeId: relay.store.storeId,
      streamToken: relay.store.streamToken,
      signingKey: relay.store.signingKey,
      inbox: core.relayInbox,
      logger: recordingLogger().logger,
      onStatus: (status) => {
        relay?.statuses.push(status);
        core.setRelayStatus(status);
      },
      backoff: { baseMs: 20, maxMs: 200, stableMs: 1_000, refusedMs: 500 },
    });
    relayClient.start();
  };
  const sim = await createSimulator({
    terminals: [SERIAL],
    behaviour: 'auto-approve',
    approveDelayMs: APPROVE_DELAY_MS,
    webhookUrl: hookUrl,
    webhooks: {
      retryScheduleMs: [1_000, 2_000, 4_000],
      sign: true,
      keyIndex: BP_KEY_INDEX,
      privateKeyPem: bpKey.privateKeyPem,
    },
    ...options.sim,
    clock: shared,
  });
  const dataDir = freshDataDir('caja-pay-');
  const build = async (wrap = options.gateway) => {
    const client = new KushkiHttpClient({
      baseUrl: sim.url,
      apiKey: () => sim.token,
      timeoutMs: options.clientTimeoutMs ?? 2_000,
    });
    const gateway = wrap ? wrap(client) : client;
    const core = createCore({
      dataDir,
      shell: 'web',
      logger: recordingLogger().logger,
      clock: time.clock,
      timers: time.timers,
      gateway: () => gateway,
      printer: () => client,
      timings: { ...HARNESS_TIMINGS, ...options.timings },
      ttlSeconds: TTL_SECONDS,
    });
    core.terminals.save([{ serial: SERIAL, label: 'Caja 1', isDefault: true }]);
    await signInDemoCashier(core);
    receiverBox.core = core;
    startRelayClient(core);
    return core;
  };
  let core = await build();
  const harness: PaymentsHarness = {
    sim,
    get core() {
      return core;
    },
    clock: time.clock,
    advance(ms) {
      if (!manual) throw new Error('advance() needs startPaymentsHarness({ time: "manual" })');
      manual.advance(ms);
    },
    dataDir,
    webhookUrl: hookUrl,
    relay,
    stopCore: () => {
      receiverBox.core = undefined;
      relayClient?.stop();
      core.close();
    },
    async restart(restartOptions = {}) {
      core = await build(restartOptions.gateway ?? options.gateway);
      await core.reconcile();
      return core;
    },
    async postWebhook(body, postOptions = {}) {
      const text = JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (postOptions.signed) {
        headers['x-bp-signature'] = createSign('sha256').update(text).sign(bpKey.privateKeyPem, 'base64');
        headers['x-bp-signaturekey'] = BP_KEY_INDEX;
      }
      const response = await fetch(hookUrl, { method: 'POST', headers, body: text });
      await response.arrayBuffer();
      return response.status;
    },
    reply: (channel, args) => core.dispatch(channel, args),
    async call<T>(channel: Channel, args: unknown): Promise<T> {
      const reply = await core.dispatch(channel, args);
      if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code} ${reply.error.message}`);
      return reply.value as T;
    },
    async waitForStatus(paymentId, statuses, timeoutMs = 8_000) {
      let last: PaymentView | undefined;
      const explain = async () => {
        const reply = await core.dispatch('payments.get', { paymentId });
        return JSON.stringify(reply.ok ? reply.value : reply.error, null, 1);
      };
      await expect
        .poll(
          async () => {
            const reply = await core.dispatch('payments.get', { paymentId });
            last = reply.ok ? (reply.value as { payment: PaymentView }).payment : undefined;
            return last?.status;
          },
          { timeout: timeoutMs, interval: 20 },
        )
        .toSatisfy((status: string | undefined) => status !== undefined && statuses.includes(status))
        .catch(async (error: unknown) => {
          throw new Error(`payment ${paymentId} never reached ${statuses.join('|')}:\n${await explain()}`, {
            cause: error,
          });
        });
      return last!;
    },
    async close() {
      receiverBox.core = undefined;
      relayClient?.stop();
      core.close();
      await sim.close();
      await relay?.handle.close();
      // Keep-alive connections from the simulator's webhook sender would hold close() for 5 s.
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  };
  return harness;
}

/** Puts products worth `total` centavos in the open sale (demo catalog: BEB-001 is $20.00). */
export async function fillCart(harness: PaymentsHarness, skus: string[] = ['BEB-001']): Promise<void> {
  for (const code of skus) await harness.call('sales.cart.scan', { code });
}
