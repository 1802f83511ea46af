// Issue 11 finding 1 on the relay's stream: a malformed WebSocket frame from one client must close that client's
// socket with the RFC 6455 code, be logged and counted, and leave the relay streaming to everyone else.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger, createRelay, MAX_CLIENT_FRAME_BYTES, STREAM_PATH } from '../../../relay/index';
import type { RelayHandle } from '../../../relay/index';
import { closeCodeOf, malformedFrames, Opcode, rawUpgrade } from '../../support/raw-websocket';
import { StreamClient } from './support/stream-client';
import { addStore, cleanupDirs, post, tempDir, webhook } from './support/relay-fixture';

const relays: RelayHandle[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close();
});
afterAll(cleanupDirs);

describe('relay stream against malformed frames', () => {
  for (const [n, frame] of malformedFrames(MAX_CLIENT_FRAME_BYTES, true).entries()) {
    it(`closes the socket that sent ${frame.name} (${frame.closeCode}) and keeps streaming`, async () => {
      const lines: string[] = [];
      const relay = await createRelay(
        { dataDir: tempDir(), port: 0 },
        { logger: createLogger({ level: 'debug', sink: (line) => lines.push(line) }) },
      );
      relays.push(relay);
      const store = await addStore(relay);

      const raw = await rawUpgrade(relay.url.replace('http', 'ws') + STREAM_PATH, {
        Authorization: `Bearer ${store.streamToken}`,
      });
      raw.socket.write(frame.bytes);
      const close = await raw.frames.next((f) => f.opcode === Opcode.close);
      expect(close && closeCodeOf(close)).toBe(frame.closeCode);
      raw.socket.destroy();

      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'stream socket error');
      expect(logged).toMatchObject({
        level: 'warn',
        storeId: store.storeId,
        wsCode: expect.stringMatching(/^WS_ERR_/),
      });
      expect(await relay.metricsText()).toContain('relay_stream_rejected_total{reason="protocol_error"} 1');

      // The same store reconnects and gets a webhook posted after the bad frame.
      const good = await StreamClient.open(relay.url, {
        token: store.streamToken,
        signingKey: store.signingKey,
      });
      expect((await post(relay.url, store.ingressPath, webhook(n))).status).toBe(200);
      await good.waitForEvents(1);
      expect(good.badSignatures).toBe(0);
      good.ws.terminate();
    });
  }
});
