// Closed-loop HTTP load over keep-alive connections: `concurrency` requests in flight until `total` are done.
import { Agent, request } from 'node:http';

/** What a load run measured. */
export interface LoadResult {
  total: number;
  ok: number;
  failed: number;
  statuses: Map<number, number>;
  seconds: number;
}

/** POSTs `body(i)` to `path(i)` for i in [0, total). `onSent(i)` fires just before each request is written. */
export async function runLoad(opts: {
  url: string;
  total: number;
  concurrency: number;
  path: (i: number) => string;
  body: (i: number) => string;
  onSent?: (i: number) => void;
  /** Open loop: request i is not sent before start + i / rate seconds. Omitted: as fast as the server answers. */
  rate?: number;
}): Promise<LoadResult> {
  const base = new URL(opts.url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const statuses = new Map<number, number>();
  let next = 0;
  let ok = 0;
  let failed = 0;
  const one = (i: number): Promise<void> =>
    new Promise((resolve) => {
      const payload = opts.body(i);
      const req = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: 'POST',
          path: opts.path(i),
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const code = res.statusCode ?? 0;
          statuses.set(code, (statuses.get(code) ?? 0) + 1);
          if (code === 200) ok++;
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => {
        failed++;
        resolve();
      });
      opts.onSent?.(i);
      req.end(payload);
    });
  let started = 0;
  const worker = async (): Promise<void> => {
    while (next < opts.total) {
      const i = next++;
      if (opts.rate !== undefined) {
        const wait = started + (i * 1000) / opts.rate - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      }
      await one(i);
    }
  };
  started = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { total: opts.total, ok, failed, statuses, seconds };
}

/**
 * One closed (or paced) load spread over the instances: request j goes to instance j % n, each instance with its
 * share of the concurrency and rate; the figures are summed, the duration is the longest.
 */
export async function loadAcross(
  urls: readonly string[],
  opts: Omit<Parameters<typeof runLoad>[0], 'url'>,
): Promise<LoadResult> {
  const n = urls.length;
  const parts = await Promise.all(
    urls.map((url, k) => {
      const map = (i: number): number => i * n + k;
      return runLoad({
        url,
        total: Math.ceil((opts.total - k) / n),
        concurrency: Math.max(1, Math.ceil(opts.concurrency / n)),
        path: (i) => opts.path(map(i)),
        body: (i) => opts.body(map(i)),
        ...(opts.onSent ? { onSent: (i: number) => opts.onSent?.(map(i)) } : {}),
        ...(opts.rate !== undefined ? { rate: opts.rate / n } : {}),
      });
    }),
  );
  const statuses = new Map<number, number>();
  for (const p of parts) for (const [k, v] of p.statuses) statuses.set(k, (statuses.get(k) ?? 0) + v);
  return {
    total: parts.reduce((a, p) => a + p.total, 0),
    ok: parts.reduce((a, p) => a + p.ok, 0),
    failed: parts.reduce((a, p) => a + p.failed, 0),
    statuses,
    seconds: Math.max(...parts.map((p) => p.seconds)),
  };
}
