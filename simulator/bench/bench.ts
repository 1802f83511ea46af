// `npm run bench:simulator`: push→201 latency (p50/p99) and webhooks delivered per second to a local receiver.
// Everything runs on 127.0.0.1. A script that prints figures, not a test: nothing here asserts on time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createSimulator } from '../index';

const WARMUP = 500;
const PUSHES = 5_000;
const CONCURRENT_PUSHES = 5_000;
const CONCURRENCY = 16;
const WEBHOOKS = 5_000;

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'X-BP-AUTH': token,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (ms: number): string => `${ms.toFixed(3)} ms`;

async function main(): Promise<void> {
  let received = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  // Manual terminals: nothing happens after the push, so only the push itself is measured.
  const sim = await createSimulator({
    behaviour: 'manual',
    magicAmounts: false,
    seed: 42,
    terminals: ['BENCH1'],
  });
  const url = new URL('/v2/push-notifications', sim.url);
  let n = 0;
  const body = (): string => {
    n += 1;
    return JSON.stringify({
      serialNumber: 'BENCH1',
      amount: 150,
      tip: 15,
      identifier: `b${n}`,
      uniqueReference: `b${n}`,
      ttl: 600,
    });
  };

  for (let i = 0; i < WARMUP; i++) await post(url, sim.token, body());
  const latencies: number[] = [];
  for (let i = 0; i < PUSHES; i++) {
    const payload = body();
    const start = performance.now();
    const status = await post(url, sim.token, payload);
    latencies.push(performance.now() - start);
    if (status !== 201) throw new Error(`push answered ${status}`);
  }
  latencies.sort((a, b) => a - b);

  const concurrentStart = performance.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued < CONCURRENT_PUSHES) {
        issued += 1;
        await post(url, sim.token, body());
      }
    }),
  );
  const pushesPerSecond = CONCURRENT_PUSHES / ((performance.now() - concurrentStart) / 1000);

  // Webhooks: one request per terminal so each approval is on screen at once, then approve them all.
  sim.reset();
  sim.setWebhookUrl(receiverUrl);
  const refs: string[] = [];
  for (let i = 0; i < WEBHOOKS; i++) {
    const serialNumber = `W${i}`;
    sim.terminals.create({ serialNumber, behaviour: 'manual' });
    const ref = `w${i}`;
    await post(
      url,
      sim.token,
      JSON.stringify({ serialNumber, amount: 99, identifier: ref, uniqueReference: ref }),
    );
    refs.push(ref);
  }
  // Counted when the simulator has the receiver's 200, i.e. a complete delivery.
  let deliveredCount = 0;
  const allDelivered = new Promise<void>((resolve) => {
    sim.on((event) => {
      if (event.type === 'webhook.attempt' && event.attempt.outcome === 'delivered') {
        deliveredCount += 1;
        if (deliveredCount >= WEBHOOKS) resolve();
      }
    });
  });
  const webhookStart = performance.now();
  for (const ref of refs) sim.approve(ref);
  await allDelivered;
  const webhookSeconds = (performance.now() - webhookStart) / 1000;

  console.log(`Kushki Cloud Terminal simulator benchmark (Node ${process.version}, 127.0.0.1, keep-alive)`);
  console.log(`push→201 latency over ${PUSHES} sequential pushes (after ${WARMUP} warm-up):`);
  console.log(
    `  p50 ${fmt(percentile(latencies, 50))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1) ?? NaN)}`,
  );
  console.log(
    `push throughput with ${CONCURRENCY} concurrent clients: ${pushesPerSecond.toFixed(0)} pushes/s`,
  );
  console.log(
    `webhooks: ${deliveredCount} delivered (200 received; receiver counted ${received}) in ${webhookSeconds.toFixed(3)} s = ${(deliveredCount / webhookSeconds).toFixed(0)} webhooks/s`,
  );

  await sim.close();
  receiver.closeAllConnections();
  receiver.close();
  agent.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
