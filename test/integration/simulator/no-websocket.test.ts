// Issue 11 finding 1 names the simulator's event stream among the WebSocket servers; it is server-sent events over
// plain HTTP (control/event-stream.ts), so no WebSocket frame can raise a socket error there. This pins that down:
// an upgrade is never granted (the request gets the plain event stream), the three malformed frames written after
// it stay unread bytes on that one connection, and the simulator keeps answering.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../simulator/index';
import { malformedFrames } from '../../support/raw-websocket';

let sim: Simulator;

beforeAll(async () => {
  sim = await createSimulator({ behaviour: 'manual', timeScale: 0.01, seed: 5 });
});
afterAll(() => sim.close());

/**
 * Sends an upgrade request for the event stream with `frames` right behind it; resolves with what came back once
 * the stream's first comment arrived (the frames are left unread on a plain HTTP connection), then hangs up.
 */
function upgradeThenFrames(frames: Buffer): Promise<string> {
  const { hostname, port, host } = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.includes(': connected')) return;
      socket.destroy();
      resolve(received);
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.once('connect', () => {
      socket.write(
        `GET /_sim/events HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      socket.write(frames);
    });
  });
}

describe('simulator event stream against WebSocket frames', () => {
  for (const frame of malformedFrames(64 * 1024, true)) {
    it(`never upgrades, and ${frame.name} costs only that connection`, async () => {
      const reply = await upgradeThenFrames(frame.bytes);
      expect(reply).not.toContain('101 Switching Protocols');
      expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*text\/event-stream/);
      const alive = await fetch(`${sim.url}/_sim/terminals`);
      expect(alive.status).toBe(200);
    });
  }
});
