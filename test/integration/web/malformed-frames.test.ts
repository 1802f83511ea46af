// Issue 11 finding 1: one malformed WebSocket frame used to raise an 'error' nobody listened for on the page's
// socket, which throws and kills the host (and the in-process relay and simulator with it). Each frame must
// close that one socket with the RFC 6455 code, be logged, and leave the host serving the next page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../app/host/create-core';
import { startWebHost, type WebHost } from '../../../web/web-host';
import { MAX_MESSAGE_BYTES } from '../../../web/ws-transport';
import { closeCodeOf, malformedFrames, Opcode, rawUpgrade } from '../../support/raw-websocket';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoCashier } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

let core: Core;
let host: WebHost;
let origin: string;
const log = recordingLogger();

beforeAll(async () => {
  const rendererDir = join(freshDataDir('caja-renderer-'), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
  await signInDemoCashier(core);
  host = await startWebHost({ core, port: 0, rendererDir, logger: log.logger });
  origin = new URL(host.url).origin;
});

afterAll(async () => {
  await host.close();
  core.close();
});

const apiUrl = (): string => `${origin.replace('http', 'ws')}/api?token=${encodeURIComponent(host.token)}`;

/** A well-behaved page: opens the socket, makes one contract call, and returns the reply. */
async function wellBehavedCall(): Promise<unknown> {
  const socket = new WebSocket(apiUrl(), { headers: { Origin: origin } });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const reply = new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
  socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app.info.get', args: {} }));
  const value = await reply;
  socket.close();
  return value;
}

describe('web shell WebSocket against malformed frames', () => {
  for (const frame of malformedFrames(MAX_MESSAGE_BYTES, true)) {
    it(`closes the socket that sent ${frame.name} (${frame.closeCode}) and keeps serving`, async () => {
      const before = log.entries.length;
      const raw = await rawUpgrade(apiUrl(), { Origin: origin });
      raw.socket.write(frame.bytes);
      const close = await raw.frames.next((f) => f.opcode === Opcode.close);
      expect(close && closeCodeOf(close)).toBe(frame.closeCode);
      raw.socket.destroy();

      // Logged with ws's error code only: no token, no URL.
      const logged = log.entries.slice(before).find((e) => e.message === 'websocket error');
      expect(logged).toMatchObject({ level: 'warn', fields: { code: expect.stringMatching(/^WS_ERR_/) } });
      expect(JSON.stringify(log.entries)).not.toContain(host.token);

      expect(await wellBehavedCall()).toMatchObject({ type: 'reply', id: 1, reply: { ok: true } });
    });
  }
});
