import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../../web/static-files';

/** A raw request (no URL normalisation by a client library), answered with status and headers. */
function raw(port: number, method: string, path: string) {
  return new Promise<{ status: number; csp: string | undefined; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string, body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web shell serves only the built renderer (shared path rules with app://)', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'caja-static-'));
    const root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Caja</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(base, 'caja.sqlite'), 'the books');
    server = createServer((req, res) => void createStaticHandler(root, 'http://127.0.0.1')(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves index.html and assets with the CSP', async () => {
    const index = await raw(port, 'GET', '/');
    expect(index).toMatchObject({ status: 200, body: '<!doctype html><title>Caja</title>' });
    expect(index.csp).toContain("script-src 'self'");
    expect((await raw(port, 'GET', '/assets/app.js')).status).toBe(200);
  });

  it.each([
    '/../caja.sqlite',
    '/..%2fcaja.sqlite',
    '/assets/..%2F..%2Fcaja.sqlite',
    '/..%5ccaja.sqlite',
    '/%00',
  ])('refuses %s', async (path) => {
    const answer = await raw(port, 'GET', path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('the books');
  });

  it('answers a malformed escape with 400 and a POST with 405', async () => {
    expect((await raw(port, 'GET', '/%E0%A4%A')).status).toBe(400);
    expect((await raw(port, 'POST', '/')).status).toBe(405);
  });
});
