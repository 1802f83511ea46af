import { mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../app/host/create-core';
import { signInDemoCashier } from '../../support/sign-in';
import { startWebHost, type WebHost } from '../../../web/web-host';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

let core: Core;
let host: WebHost;
let origin: string;

beforeAll(async () => {
  const rendererDir = join(freshDataDir('caja-renderer-'), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
  await signInDemoCashier(core);
  host = await startWebHost({ core, port: 0, rendererDir, logger: recordingLogger().logger });
  origin = new URL(host.url).origin;
});

afterAll(async () => {
  await host.close();
  core.close();
});

/** Opens a socket and resolves with the handshake outcome: 'open' or the HTTP status of the refusal. */
function handshake(
  url: string,
  headers: Record<string, string>,
): Promise<{ outcome: string; socket: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ outcome: 'open', socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ outcome: String(res.statusCode), socket }));
    socket.once('error', () => resolve({ outcome: 'error', socket }));
  });
}

function wsUrl(token: string | undefined): string {
  const base = `${origin.replace('http', 'ws')}/api`;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}

function call(socket: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString())));
    socket.send(JSON.stringify(message));
  });
}

describe('web shell host', () => {
  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe');
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${origin}/caja.sqlite`)).status).toBe(404);
  });

  it('answers a path with a malformed %-encoding 400, not 500, and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%zz', '/assets/%']) {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        get(`${origin}${path}`, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
      expect(status, path).toBe(400);
    }
    expect((await fetch(`${origin}/`)).status).toBe(200);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another origin', async () => {
    const good = { Origin: origin };
    const cases: [string | undefined, Record<string, string>][] = [
      [undefined, good],
      ['', good],
      ['wrong-token', good],
      [host.token.slice(0, -1), good],
      [host.token, { Origin: 'http://evil.example' }],
      [host.token, {}],
      [host.token, { Origin: origin, Host: 'attacker.example:80' }],
    ];
    for (const [token, headers] of cases) {
      const { outcome, socket } = await handshake(wsUrl(token), headers);
      expect(outcome, JSON.stringify({ token: token === host.token ? 'good' : token, headers })).toBe('403');
      socket.terminate();
    }
  });

  it('carries the contract for a page with the token and the right origin', async () => {
    const { outcome, socket } = await handshake(wsUrl(host.token), { Origin: origin });
    expect(outcome).toBe('open');
    const reply = await call(socket, { type: 'invoke', id: 7, channel: 'app.info.get', args: {} });
    expect(reply).toMatchObject({
      type: 'reply',
      id: 7,
      reply: { ok: true, value: { name: 'Caja', shell: 'web' } },
    });
    const unknown = await call(socket, { type: 'invoke', id: 8, channel: 'settings.secret.get', args: {} });
    expect(unknown).toMatchObject({ id: 8, reply: { ok: false, error: { code: 'unknown_channel' } } });
    socket.close();
  });

  it('pushes events to connected pages', async () => {
    const { socket } = await handshake(wsUrl(host.token), { Origin: origin });
    // An earlier test's page closing may have locked the register (issue 11): sign in while this one is open.
    await signInDemoCashier(core);
    const messages: { type: string; event?: string }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await core.dispatch('sales.cart.scan', { code: 'PAN-002' });
    // The sign-in's own session.changed may land first; the cart's push must follow.
    await expect
      .poll(() => messages.some((m) => m.type === 'event' && m.event === 'sales.cart.updated'))
      .toBe(true);
    socket.close();
  });

  it('closes a connection that sends something other than a contract call, and keeps serving', async () => {
    for (const garbage of [
      'not json',
      '{"type":"invoke"}',
      JSON.stringify({ type: 'invoke', id: -1, channel: 'x' }),
    ]) {
      const { socket } = await handshake(wsUrl(host.token), { Origin: origin });
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(garbage);
      expect(await closed).toBe(1008);
    }
    const { outcome, socket } = await handshake(wsUrl(host.token), { Origin: origin });
    expect(outcome).toBe('open');
    socket.close();
  });
});
