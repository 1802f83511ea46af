// Issue 11 finding 1 and lows, the app's side of the stream: a relay (or whatever sits in its path) that sends a
// malformed frame must cost the client that one connection: it closes it with the RFC 6455 code, logs it, and the
// next connection streams normally. A frame over 1 MiB is refused rather than buffered.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayStatus } from '../../../app/domain/relay-status';
import { createCore, type Core } from '../../../app/host/create-core';
import { RelayClient } from '../../../app/infra/relay-client/relay-client';
import { createRelay, silentLogger, type RelayHandle } from '../../../relay';
import {
  acceptUpgrade,
  closeCodeOf,
  encodeFrame,
  FrameReader,
  malformedFrames,
  Opcode,
  type Frame,
} from '../../support/raw-websocket';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

const ONE_MIB = 1024 * 1024;

let relay: RelayHandle | undefined;
let core: Core | undefined;
let client: RelayClient | undefined;
let fake: Server | undefined;
const hopSockets = new Set<Duplex>();

afterEach(async () => {
  client?.stop();
  for (const socket of hopSockets) socket.destroy();
  hopSockets.clear();
  await new Promise((resolve) => (fake ? fake.close(resolve) : resolve(undefined)));
  core?.close();
  await relay?.close();
  client = fake = core = relay = undefined;
});

/**
 * A hostile hop in front of a real relay: the first connection is answered by hand and sent `bytes`, then a ping;
 * it resolves with the first control frame the client sends back (a close if it refused the frame, a pong if it
 * swallowed it). Every later connection is piped to the relay untouched.
 */
async function startHostileHop(target: RelayHandle, bytes: Buffer) {
  let connections = 0;
  let reply: (frame: Frame | undefined) => void = () => undefined;
  const firstReply = new Promise<Frame | undefined>((resolve) => (reply = resolve));
  fake = createServer();
  fake.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    hopSockets.add(socket);
    if (++connections === 1) {
      const frames = new FrameReader(socket, head);
      // HTTP servers allow half-open sockets: finish the close the client starts, as a real server would.
      socket.on('end', () => socket.end());
      acceptUpgrade(req, socket);
      socket.write(bytes);
      socket.write(encodeFrame({ opcode: Opcode.ping, payload: Buffer.from('alive?'), masked: false }));
      void frames.next((f) => f.opcode === Opcode.close || f.opcode === Opcode.pong).then(reply);
      return;
    }
    const upstream = connect(target.port, '127.0.0.1');
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    const headerLines = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headerLines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    }
    upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headerLines.join('\r\n')}\r\n\r\n`);
    upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => fake?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, firstReply };
}

describe('relay client against malformed frames', () => {
  for (const [n, frame] of malformedFrames(ONE_MIB, false).entries()) {
    it(`closes the connection that carried ${frame.name} (${frame.closeCode}) and streams on the next`, async () => {
      relay = await createRelay({ dataDir: freshDataDir('caja-relay-') }, { logger: silentLogger });
      const added = await relay.admin.addStore({ name: 'Tienda' });
      if (!added.ok) throw new Error('store');
      const store = added.value;
      core = createCore({ dataDir: freshDataDir(), shell: 'web', logger: recordingLogger().logger });
      const hop = await startHostileHop(relay, frame.bytes);
      const log = recordingLogger();
      const statuses: RelayStatus[] = [];
      client = new RelayClient({
        url: hop.url,
        storeId: store.storeId,
        streamToken: store.streamToken,
        signingKey: store.signingKey,
        inbox: core.relayInbox,
        logger: log.logger,
        onStatus: (s) => statuses.push(s),
        backoff: { baseMs: 20, maxMs: 200, stableMs: 5_000, refusedMs: 300 },
      });
      client.start();

      const answer = await hop.firstReply;
      expect(answer?.opcode, 'the client answered the ping: it accepted the frame').toBe(Opcode.close);
      expect(answer && closeCodeOf(answer)).toBe(frame.closeCode);
      await expect
        .poll(() => log.entries.find((e) => e.message === 'relay socket error')?.fields)
        .toEqual({ code: expect.stringMatching(/^WS_ERR_/) });

      // The retry goes through to the real relay, and a webhook posted now reaches the app's inbox.
      await expect.poll(() => statuses.at(-1)?.state, { timeout: 5_000 }).toBe('connected');
      const posted = await fetch(`${relay.url}${store.ingressPath}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ result: 'aprobada', amount: '10.00', uniqueReference: `ref${n}` }),
      });
      expect(posted.status).toBe(200);
      await expect.poll(() => core?.relayInbox.cursor(), { timeout: 5_000 }).toBe(1);
      expect(JSON.stringify(log.entries)).not.toContain(store.streamToken);
    });
  }
});
