/**
 * A real simulator over HTTP, a real SQLite file and the real core, wired like production except
 * for the webhook path: until a test needs the relay, the simulator posts webhooks to a small
 * receiver here that hands them to the engine (a stand-in for relay + relay client, named as such).
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
import type { PaymentGateway } from '../../app/ports/payment-gateway.port';
import type { VerificationTimings } from '../../app/domain/verification-schedule';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import { createRelay, silentLogger, type NewStoreCredentials, type RelayHandle } from '../../relay';
import { RelayClient } from '../../app/infra/relay-client/relay-client';
import type { RelayStatus } from '../../app/domain/relay-status';
import { recordingLogger } from './recording-logger';
import { freshDataDir } from './web-shell';
import { checkBpSignature, loadBpKeyring } from '../../relay/ingress/bp-signature';
import { BP_KEY_INDEX, bpSigningKey } from './bp-signing-key';

/** Simulated time runs this much faster than real time: a 10 s ttl lasts 100 ms. */
export const TIME_SCALE = 0.01;
export const SERIAL = 'CAJA01';

/** A running harness. */
export interface PaymentsHarness {
  sim: Simulator;
  core: Core;
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
    sim?: SimulatorOptions;
    gateway?: (base: PaymentGateway) => PaymentGateway;
    clientTimeoutMs?: number;
    /** Overrides of the engine's (shrunk) verification timings. */
    timings?: Partial<VerificationTimings>;
    /** Route webhooks through a real relay and the app's relay client instead of the direct receiver. */
    viaRelay?: boolean;
    /** The core's clock (default: the system's), for tests whose rules depend on the store's hour. */
    clock?: Clock;
  } = {},
): Promise<PaymentsHarness> {
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
      receiverBox.core?.inbound.accept({ eventId, payload, receivedAt: Date.now(), signature });
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
    approveDelayMs: 1_000,
    timeScale: TIME_SCALE,
    webhookUrl: hookUrl,
    webhooks: {
      retryScheduleMs: [1_000, 2_000, 4_000],
      sign: true,
      keyIndex: BP_KEY_INDEX,
      privateKeyPem: bpKey.privateKeyPem,
    },
    ...options.sim,
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
      ...(options.clock ? { clock: options.clock } : {}),
      gateway: () => gateway,
      printer: () => client,
      timings: {
        delaysMs: [20, 40, 80],
        graceMs: 300,
        slowIntervalMs: 100,
        ttlFactor: TIME_SCALE,
        ...options.timings,
      },
      ttlSeconds: 10,
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

/**
 * A clock that starts at `anchor` and then runs at real speed: timers and the simulator keep real
 * time, while rules that look at the store's hour (the 23:00 void cut-off, the store day) see a fixed
 * time of day whatever hour the test runs at.
 */
export function anchoredClock(anchor: number): Clock {
  const start = Date.now();
  return { now: () => anchor + (Date.now() - start) };
}
