// One webhook POST with a hard reply deadline. Only exactly 200 counts as delivered: Billpocket's receiver
// contract says "answer HTTP 200 within 2 seconds" (§3.1), so a relay answering 202 or 204 sees retries here.
import http from 'node:http';

/** How one POST ended. */
export type PostOutcome =
  { kind: 'status'; statusCode: number } | { kind: 'timeout' } | { kind: 'error'; message: string };

// Keep-alive keeps the bench honest (no TCP handshake per webhook) and mirrors a real sender's pool.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs `body` to `url`, giving up after `timeoutMs` of real time. Never rejects. */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: PostOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    let req: http.ClientRequest;
    try {
      req = http.request(url, {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'kushki-cloud-terminal-simulator',
          ...headers,
        },
      });
    } catch (error) {
      resolve({ kind: 'error', message: (error as Error).message });
      return;
    }
    const timer = setTimeout(() => {
      done({ kind: 'timeout' });
      req.destroy();
    }, timeoutMs);
    req.on('response', (res) => {
      res.resume();
      done({ kind: 'status', statusCode: res.statusCode ?? 0 });
    });
    req.on('error', (error) => done({ kind: 'error', message: error.message }));
    req.end(body);
  });
}
