import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeUtf8, readBody, type BodyResult, type ReadBodyLimits } from '../../../common/http/read-body';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Posts `body` to a real loopback server whose handler reads it within `limits`. */
async function post(
  body: Buffer,
  limits: ReadBodyLimits,
  headers: Record<string, string> = {},
): Promise<BodyResult> {
  let seen: (r: BodyResult) => void = () => undefined;
  const result = new Promise<BodyResult>((resolve) => (seen = resolve));
  server = createServer((req, res) => {
    void readBody(req, limits).then((r) => {
      seen(r);
      res.writeHead(r.ok ? 200 : 413, { connection: 'close' }).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers });
  req.on('error', () => undefined);
  req.on('response', (res) => res.resume());
  req.end(body);
  return result;
}

describe('the shared body reader', () => {
  it('returns the body within the limit', async () => {
    const read = await post(Buffer.from('{"a":1}'), { limit: 16 });
    expect(read.ok && read.body.toString()).toBe('{"a":1}');
  });

  it('refuses a body over the limit, unread when its length is declared', async () => {
    expect(await post(Buffer.alloc(32), { limit: 16 })).toEqual({ ok: false, reason: 'too_large' });
    const chunked = await post(Buffer.alloc(32), { limit: 16 }, { 'transfer-encoding': 'chunked' });
    expect(chunked).toEqual({ ok: false, reason: 'too_large' });
  });

  it('drains an over-limit body to its end when asked, and drops it past the hard cap', async () => {
    expect(await post(Buffer.alloc(32), { limit: 16, drainUpTo: 64 })).toEqual({
      ok: false,
      reason: 'too_large',
    });
    expect(await post(Buffer.alloc(128), { limit: 16, drainUpTo: 64 })).toEqual({
      ok: false,
      reason: 'aborted',
    });
  });

  it('decodes strict UTF-8 only', () => {
    expect(decodeUtf8(Buffer.from('añejo ✓'))).toBe('añejo ✓');
    expect(decodeUtf8(Buffer.from([0xc3, 0x28]))).toBeNull();
  });
});
