// Shared helpers of the simulator integration tests: a webhook receiver on 127.0.0.1 and a thin API client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook the receiver got. */
export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  seq: number;
}

/** How the receiver answers the n-th webhook (1-based): status and a real-time delay. */
export type Reply = (n: number, body: Record<string, unknown>) => { status: number; delayMs?: number };

/** A webhook receiver with an awaitable inbox. */
export interface Receiver {
  url: string;
  received: Received[];
  /** Resolves once at least `count` webhooks arrived (or rejects after timeoutMs). */
  waitForCount(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** Starts a receiver; by default it answers 200 at once. */
export async function startReceiver(reply: Reply = () => ({ status: 200 })): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ headers: req.headers, raw, body, seq: received.length + 1 });
      waiters.splice(0).forEach((w) => w());
      const answer = reply(received.length, body);
      const send = (): void => {
        if (!res.destroyed) res.writeHead(answer.status).end();
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks/kushki`,
    received,
    waitForCount(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${received.length} of ${count} webhooks arrived`)),
          timeoutMs,
        );
        const check = (): void => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve(received);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A JSON reply of the simulator. */
export interface ApiResponse {
  status: number;
  body: unknown;
  text: string;
}

/** Minimal client of the simulated Kushki API. */
export function client(baseUrl: string, token: string) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> => {
    const init: RequestInit = {
      method,
      headers: { 'X-BP-AUTH': token, 'Content-Type': 'application/json', ...headers },
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(baseUrl + path, init);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, text };
  };
  return {
    call,
    push: (body: Record<string, unknown>) => call('POST', '/v2/push-notifications', body),
    pushV1: (body: Record<string, unknown>) => call('POST', '/push-notifications', body),
    status: (ref: string) => call('GET', `/get-status/?uniqueReference=${encodeURIComponent(ref)}`),
    cancel: (ref: string, serialNumber: string, path = '/cancel-push-notification') =>
      call('POST', path, { uniqueReference: ref, serialNumber }),
    refund: (body: Record<string, unknown>) => call('POST', '/refund', body),
    print: (body: Record<string, unknown>, path = '/v2/print-ticket') => call('POST', path, body),
    control: (method: string, path: string, body?: unknown) => call(method, `/_sim/${path}`, body, {}),
  };
}

let counter = 0;
/** A fresh uniqueReference per call, unique within the test run. */
export function ref(prefix = 'ref'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/**
 * A valid V2 push body for `serial`. The ttl is the maximum (600 s) so that, even with simulated time running
 * fast and a loaded machine, a request only expires in the tests that ask for a short ttl.
 */
export function pushBody(serial: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const uniqueReference = ref();
  return {
    serialNumber: serial,
    amount: 150,
    identifier: uniqueReference,
    uniqueReference,
    ttl: 600,
    ...overrides,
  };
}
