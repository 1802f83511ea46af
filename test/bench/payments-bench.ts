/**
 * `npm run bench:payments`: 1,000 card sales end to end on loopback — core on a real SQLite file,
 * Kushki client → simulator (auto-approving at once) → webhook → relay → relay client → engine.
 * Prints: webhook-in-relay → `payments.updated` (approved) latency p50/p99, sales per second, and the
 * time to persist a card payment before its POST (the reference-first SQLite write) p50/p99.
 * A benchmark, not a test: it asserts nothing and prints figures.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../../app/host/create-core';
import { signInDemoCashier } from '../support/sign-in';
import { KushkiHttpClient } from '../../app/infra/kushki/kushki-client';
import { RelayClient } from '../../app/infra/relay-client/relay-client';
import type { PaymentView } from '../../app/domain/payment-view';
import { createRelay, silentLogger } from '../../relay';
import { createSimulator } from '../../simulator';
import { freshDataDir } from '../support/web-shell';

const SALES = Number(process.env.SALES ?? 1_000);
const quiet = { info() {}, warn() {}, error() {} };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  // SALES webhooks back to back to one store: a bucket that holds them all, so the bench measures payments.
  const relay = await createRelay(
    { dataDir: freshDataDir('bench-relay-'), ingressBurst: SALES + 100 },
    { logger: silentLogger },
  );
  const added = await relay.admin.addStore({ name: 'bench' });
  if (!added.ok) throw new Error('store');
  const store = added.value;
  const sim = await createSimulator({
    terminals: ['BENCH1'],
    behaviour: 'auto-approve',
    approveDelayMs: 0,
    webhookUrl: `${relay.url}${store.ingressPath}`,
    magicAmounts: false,
  });
  const gateway = new KushkiHttpClient({ baseUrl: sim.url, apiKey: () => sim.token });
  const core = createCore({
    dataDir: freshDataDir('bench-caja-'),
    shell: 'web',
    logger: quiet,
    gateway: () => gateway,
  });
  core.terminals.save([{ serial: 'BENCH1', label: 'bench', isDefault: true }]);
  await signInDemoCashier(core);

  // Record when each webhook entered the relay (its receivedAt) as the client stores it.
  const enteredRelay = new Map<string, number>();
  const inbox = core.relayInbox;
  const timedInbox = {
    ...inbox,
    cursor: () => inbox.cursor(),
    commit: (event: Parameters<typeof inbox.commit>[0]) => {
      const ref = String((event.payload as { uniqueReference?: unknown }).uniqueReference ?? '');
      enteredRelay.set(ref, event.receivedAt);
      inbox.commit(event);
    },
    missedEvents: () => inbox.missedEvents(),
  };
  const client = new RelayClient({
    ...store,
    url: relay.url,
    inbox: timedInbox,
    logger: quiet,
    onStatus: () => {},
  });
  client.start();

  const latencies: number[] = [];
  const persistMs: number[] = [];
  let resolveApproved: ((view: PaymentView) => void) | undefined;
  core.events.subscribe(({ event, payload }) => {
    if (event !== 'payments.updated') return;
    const view = payload as PaymentView;
    if (view.status !== 'approved') return;
    const entered = enteredRelay.get(view.uniqueReference ?? '');
    if (entered !== undefined) latencies.push(Date.now() - entered);
    resolveApproved?.(view);
  });

  const started = performance.now();
  for (let i = 0; i < SALES; i++) {
    await core.dispatch('sales.cart.scan', { code: 'BEB-001' });
    const approved = new Promise<PaymentView>((resolve) => (resolveApproved = resolve));
    const t0 = performance.now();
    const reply = await core.dispatch('payments.card.start', {});
    persistMs.push(performance.now() - t0);
    if (!reply.ok) throw new Error(`sale ${i}: ${reply.error.code} ${reply.error.message}`);
    await approved;
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(`card sales:                        ${SALES} in ${seconds.toFixed(1)} s`);
  console.log(`sales per second (end to end):     ${(SALES / seconds).toFixed(1)}`);
  console.log(
    `webhook in relay → payments.updated: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms (n=${latencies.length}; includes the confirming get-status)`,
  );
  console.log(
    `persist before POST (SQLite tx):   p50 ${percentile(persistMs, 50).toFixed(2)} ms, p99 ${percentile(persistMs, 99).toFixed(2)} ms`,
  );
  client.stop();
  core.close();
  await sim.close();
  await relay.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
