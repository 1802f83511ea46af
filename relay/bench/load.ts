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
