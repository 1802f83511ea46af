// Starting relays and posting webhooks in tests: temp data dirs, in-process relays on 127.0.0.1:0, helpers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRelay, silentLogger } from '../../../../relay/index';
import type { NewStoreCredentials, RelayHandle, RelayOptionsInput } from '../../../../relay/index';

const dirs: string[] = [];

/** A fresh temporary data directory, removed by cleanupDirs(). */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'caja-relay-'));
  dirs.push(d);
  return d;
}

export function cleanupDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A per-store ingress bucket no test burst reaches; the rate limit has its own test (rate-limit.test.ts). */
export const UNLIMITED_INGRESS = { ingressBurst: 1_000_000 } as const;

/** Starts an in-process relay with silent logs, no effective ingress rate limit, and the options given. */
export function startRelay(options: Partial<RelayOptionsInput> = {}): Promise<RelayHandle> {
  return createRelay(
    { dataDir: options.dataDir ?? tempDir(), port: 0, ...UNLIMITED_INGRESS, ...options },
    { logger: silentLogger },
  );
}

export async function addStore(relay: RelayHandle, name = 'Tienda'): Promise<NewStoreCredentials> {
  const r = await relay.admin.addStore({ name });
  if (!r.ok) throw new Error('addStore failed');
  return r.value;
}

/** A Kushki-shaped approved webhook (cloud-terminal-api.md §3.3) with a distinct reference per `n`. */
export function webhook(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    result: 'aprobada',
    amount: '150.00',
    tip: '15.00',
    payments: 0,
    authorizationTime: '2025-01-15T13:45:12-06:00',
    reference: 'Compra en restaurante',
    transactionid: String(100000 + n),
    authorization: 'A1B2C3',
    creditcard: '4242',
    cardtype: 'VISA',
    userID: 1234,
    url: 'abcd1234',
    uniqueReference: `ref-${n}`,
    transactionType: 'venta',
    ...extra,
  };
}

export interface PostResult {
  status: number;
  relayStatus: string | null;
  seq: number | null;
  body: string;
}

/** POSTs a body (object → JSON, string/Buffer raw) to `baseUrl + path`. */
export async function post(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  const raw =
    typeof body === 'string' ? body : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body);
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw,
  });
  const seq = res.headers.get('x-relay-seq');
  return {
    status: res.status,
    relayStatus: res.headers.get('x-relay-status'),
    seq: seq === null ? null : Number(seq),
    body: await res.text(),
  };
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
