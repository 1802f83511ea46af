/**
 * Raw WebSocket frames over a plain TCP socket (RFC 6455 §5.2), for tests that must send what no well-behaved `ws`
 * peer would: a frame over the payload limit, a text frame with invalid UTF-8, a frame with RSV1 set. Works both
 * as a client (masked frames, after a real upgrade handshake) and as a fake server (unmasked frames).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** The opcodes the tests use. */
export const Opcode = { text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** One frame to encode. Clients mask (§5.3); servers do not. */
export interface FrameSpec {
  opcode: number;
  payload: Buffer;
  masked: boolean;
  rsv1?: boolean;
}

/** A decoded frame (payload already unmasked). */
export interface Frame {
  opcode: number;
  rsv1: boolean;
  payload: Buffer;
}

/** One frame of each kind that makes `ws` raise an error on the receiving socket, and the close code it sends. */
export interface MalformedFrame {
  name: string;
  bytes: Buffer;
  closeCode: number;
}

/** Encodes a single, final frame. */
export function encodeFrame(spec: FrameSpec): Buffer {
  const length = spec.payload.length;
  const first = 0x80 | (spec.rsv1 ? 0x40 : 0) | spec.opcode;
  const maskBit = spec.masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, maskBit | length]);
  else if (length < 0x10000) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(length, 2);
    header[1] = maskBit | 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(BigInt(length), 2);
    header[1] = maskBit | 127;
  }
  header[0] = first;
  if (!spec.masked) return Buffer.concat([header, spec.payload]);
  const key = randomBytes(4);
  const body = Buffer.from(spec.payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] ?? 0) ^ (key[i % 4] ?? 0);
  return Buffer.concat([header, key, body]);
}

/**
 * The three frames of issue 11 finding 1: over `maxPayload` (1009), a text frame that is not UTF-8 (1007), and
 * RSV1 set on a connection that negotiated no extension (1002).
 */
export function malformedFrames(maxPayload: number, masked: boolean): MalformedFrame[] {
  const text = (payload: Buffer, rsv1 = false): Buffer =>
    encodeFrame({ opcode: Opcode.text, payload, masked, rsv1 });
  return [
    { name: 'a frame over maxPayload', bytes: text(Buffer.alloc(maxPayload + 1, 0x61)), closeCode: 1009 },
    {
      name: 'a text frame with invalid UTF-8',
      bytes: text(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      closeCode: 1007,
    },
    { name: 'a frame with RSV1 set', bytes: text(Buffer.from('{}'), true), closeCode: 1002 },
  ];
}

/** The status code of a close frame (1005, "no status", when it carries none). */
export function closeCodeOf(frame: Frame): number {
  return frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
}

/** Decodes frames as they arrive on `socket` and lets a test await the next one that matches. */
export class FrameReader {
  private buffered = Buffer.alloc(0);
  private readonly frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  private ended = false;

  constructor(socket: Duplex, initial: Buffer = Buffer.alloc(0)) {
    socket.on('data', (chunk: Buffer) => this.push(chunk));
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    // A peer that resets the connection after its close frame is expected here; the frames already read stand.
    socket.on('error', () => undefined);
    if (initial.length > 0) this.push(initial);
  }

  /** Resolves with the first unread frame that matches (skipping those before it), or undefined at close. */
  async next(matches: (frame: Frame) => boolean = () => true): Promise<Frame | undefined> {
    for (;;) {
      const index = this.frames.findIndex(matches);
      if (index >= 0) return this.frames.splice(0, index + 1).at(-1);
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private push(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    for (let frame = this.take(); frame; frame = this.take()) this.frames.push(frame);
    this.wake();
  }

  private take(): Frame | undefined {
    const b = this.buffered;
    if (b.length < 2) return undefined;
    const masked = ((b[1] ?? 0) & 0x80) !== 0;
    let length = (b[1] ?? 0) & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return undefined;
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return undefined;
      length = Number(b.readBigUInt64BE(2));
      offset = 10;
    }
    const keyLength = masked ? 4 : 0;
    if (b.length < offset + keyLength + length) return undefined;
    const key = b.subarray(offset, offset + keyLength);
    const payload = Buffer.from(b.subarray(offset + keyLength, offset + keyLength + length));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (key[i % 4] ?? 0);
    this.buffered = b.subarray(offset + keyLength + length);
    return { opcode: (b[0] ?? 0) & 0x0f, rsv1: ((b[0] ?? 0) & 0x40) !== 0, payload };
  }
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function acceptValue(key: string): string {
  return createHash('sha1')
    .update(key + GUID)
    .digest('base64');
}

/** A raw client connection after a successful upgrade: write frames to `socket`, read the server's with `frames`. */
export interface RawConnection {
  socket: Socket;
  frames: FrameReader;
}

/**
 * Opens a TCP connection to `url` (ws://127.0.0.1:port/path?query), performs a normal upgrade handshake with
 * `headers`, and resolves once the server answered 101; rejects with the status line otherwise.
 */
export function rawUpgrade(url: string, headers: Record<string, string> = {}): Promise<RawConnection> {
  const target = new URL(url);
  const key = randomBytes(16).toString('base64');
  const lines = [
    `GET ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(target.port), target.hostname);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      socket.off('error', reject);
      const response = head.subarray(0, end).toString('latin1');
      if (!response.startsWith('HTTP/1.1 101') || !response.includes(acceptValue(key))) {
        socket.destroy();
        reject(new Error(`upgrade refused: ${response.split('\r\n')[0] ?? ''}`));
        return;
      }
      resolve({ socket, frames: new FrameReader(socket, head.subarray(end + 4)) });
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('connect', () => socket.write(lines.join('\r\n') + '\r\n\r\n'));
  });
}

/** For a fake server: answers an upgrade request with 101 so the peer's `ws` client opens. */
export function acceptUpgrade(req: IncomingMessage, socket: Duplex): void {
  const key = String(req.headers['sec-websocket-key'] ?? '');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${acceptValue(key)}\r\n\r\n`,
  );
}
