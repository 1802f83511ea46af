// The stream protocol between the relay and a store's PC, version 1. Pure: zod schemas and constants only, so the
// app's client can share the exact definitions. The normative description is relay/PROTOCOL.md; keep them in step.
import { z } from 'zod';

/** Protocol version a client names in `hello`. */
export const PROTOCOL_VERSION = 1;

/** Path of the egress WebSocket endpoint. */
export const STREAM_PATH = '/v1/stream';

/** Default liveness timings (the `ready` frame carries the values a relay actually uses). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 15_000;
/** Silence after which either side treats the connection as dead: three missed heartbeats. */
export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 45_000;
/** How long the relay waits for `hello` after the upgrade. */
export const DEFAULT_HELLO_TIMEOUT_MS = 10_000;
/** Events the relay sends beyond the last ack before it waits (flow control). */
export const DEFAULT_MAX_IN_FLIGHT = 256;
/** Largest client frame the relay accepts; client frames are tiny. */
export const MAX_CLIENT_FRAME_BYTES = 4096;

/** WebSocket close codes the relay uses, with what the client must do on each (PROTOCOL.md §6). */
export const CloseCode = {
  normal: 1000,
  shuttingDown: 1001,
  frameTooLarge: 1009,
  internalError: 1011,
  badMessage: 4000,
  unauthorized: 4001,
  heartbeatTimeout: 4002,
  helloTimeout: 4003,
  unsupportedProtocol: 4004,
  ackOutOfRange: 4005,
  cursorAhead: 4006,
  replaced: 4009,
} as const;

/** One of the close codes above. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Client → relay: first frame; `after` is the highest seq the client has durably stored (0 = from the start). */
export const helloSchema = z.strictObject({
  type: z.literal('hello'),
  protocol: z.number().int(),
  after: seq.nullable(),
  client: z.string().max(64).optional(),
});

/** Client → relay: cumulative acknowledgement of every event with seq ≤ `seq`. */
export const ackSchema = z.strictObject({ type: z.literal('ack'), seq });

/** Client → relay: heartbeat; the relay answers `pong` with the same nonce. */
export const pingSchema = z.strictObject({ type: z.literal('ping'), nonce: z.string().max(64).optional() });

/** Any frame a client may send. */
export const clientMessageSchema = z.discriminatedUnion('type', [helloSchema, ackSchema, pingSchema]);
/** A parsed client frame. */
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Relay → client: every text frame is this signed envelope; `body` is a JSON string of a body below. */
export const frameSchema = z.strictObject({
  id: z.string().min(1).max(128),
  timestamp: z.number().int().min(0),
  signature: z.string().min(1),
  body: z.string(),
});
/** A signed relay frame, before its body is parsed. */
export type Frame = z.infer<typeof frameSchema>;

/** Body: sent once after a valid hello, before any event. */
export const readyBodySchema = z.object({
  type: z.literal('ready'),
  protocol: z.number().int(),
  storeId: z.string(),
  after: seq,
  lastSeq: seq,
  oldestSeq: seq,
  pruned: z.boolean(),
  heartbeatIntervalMs: z.number().int().positive(),
  heartbeatTimeoutMs: z.number().int().positive(),
  maxInFlight: z.number().int().positive(),
});

/** How the relay judged Kushki's own `X-BP-Signature` on ingress. */
export const bpSignatureStatusSchema = z.enum(['verified', 'absent', 'unverifiable']);
/** Verification status of the webhook's Billpocket signature at ingress. */
export type BpSignatureStatus = z.infer<typeof bpSignatureStatusSchema>;

/** Body: one stored webhook. `id` equals the frame id and is stable across redeliveries. */
export const eventBodySchema = z.object({
  type: z.literal('event'),
  storeId: z.string(),
  seq: seq.min(1),
  id: z.string(),
  receivedAt: z.number().int(),
  replay: z.boolean(),
  // Optional: frames from relays before the field existed lack it, and clients read that as unverified.
  bpSignature: bpSignatureStatusSchema.optional(),
  payload: z.record(z.string(), z.unknown()),
});

/** Body: relay heartbeat, every heartbeatIntervalMs. */
export const heartbeatBodySchema = z.object({
  type: z.literal('heartbeat'),
  storeId: z.string(),
  lastSeq: seq,
  sentSeq: seq,
  ackedSeq: seq,
  serverTime: z.number().int(),
});

/** Body: answer to a client ping. */
export const pongBodySchema = z.object({ type: z.literal('pong'), nonce: z.string().optional() });

/** Any body a relay frame may carry; clients must ignore unknown `type`s for forward compatibility. */
export const serverBodySchema = z.discriminatedUnion('type', [
  readyBodySchema,
  eventBodySchema,
  heartbeatBodySchema,
  pongBodySchema,
]);
/** A parsed relay frame body. */
export type ServerBody = z.infer<typeof serverBodySchema>;
/** The ready body. */
export type ReadyBody = z.infer<typeof readyBodySchema>;
/** The event body. */
export type EventBody = z.infer<typeof eventBodySchema>;
/** The heartbeat body. */
export type HeartbeatBody = z.infer<typeof heartbeatBodySchema>;
