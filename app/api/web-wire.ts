/**
 * Message shapes of the web shell's loopback WebSocket. Types only, so the browser bridge can use
 * them; the host validates every inbound message with its own zod schema.
 */
import type { AppEvent } from '../ports/event-bus.port';
import type { Reply, Channel } from './contract';

/** Browser → host: one contract call. `id` pairs the reply with the call. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  channel: string;
  args: unknown;
}

/** Host → browser: the envelope for one call. */
export interface ReplyMessage {
  type: 'reply';
  id: number;
  reply: Reply<Channel>;
}

/** Host → browser: a contract event. */
export type EventMessage = { type: 'event' } & AppEvent;

/** Anything the host sends. */
export type HostMessage = ReplyMessage | EventMessage;

/** The WebSocket path; the token rides in the query string because browsers cannot set headers on it. */
export const WEB_API_PATH = '/api';
