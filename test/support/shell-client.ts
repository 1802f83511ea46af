/**
 * One page's connection to a running web shell's loopback API, kept open as a page keeps it (each
 * close of a shell's last page locks its session, so a call per socket would sign the cashier out).
 * Collects the events the shell pushes, for tests that wait on them.
 */
import { once } from 'node:events';
import WebSocket from 'ws';
import type { RunningShell } from './web-shell';

/** A reply as the wire carries it. */
export interface WireReply<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { code: string; reason?: string; message: string };
}

/** An open page connection. */
export interface ShellClient {
  call<T = unknown>(channel: string, args?: unknown): Promise<WireReply<T>>;
  /** Like call, but throws unless the reply is ok; returns its value. */
  value<T = unknown>(channel: string, args?: unknown): Promise<T>;
  events: { event: string; payload: unknown }[];
  /** Resolves with the first event (already seen or still to come) that matches. */
  waitForEvent(match: (event: { event: string; payload: unknown }) => boolean): Promise<unknown>;
  close(): void;
}

/** Connects as the shell's page does (token, Host and Origin of the loopback origin). */
export async function connectShell(shell: Pick<RunningShell, 'origin' | 'token'>): Promise<ShellClient> {
  const socket = new WebSocket(`${shell.origin.replace('http', 'ws')}/api?token=${shell.token}`, {
    headers: { Origin: shell.origin },
  });
  const pending = new Map<number, (reply: WireReply) => void>();
  const events: { event: string; payload: unknown }[] = [];
  const waiters = new Set<{
    match: (e: (typeof events)[number]) => boolean;
    resolve: (p: unknown) => void;
  }>();
  let nextId = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      id?: number;
      reply?: WireReply;
      event?: string;
      payload?: unknown;
    };
    if (message.type === 'reply' && message.id !== undefined) {
      pending.get(message.id)?.(message.reply ?? { ok: false });
      pending.delete(message.id);
    } else if (message.type === 'event' && message.event) {
      const event = { event: message.event, payload: message.payload };
      events.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.match(event)) {
          waiters.delete(waiter);
          waiter.resolve(event.payload);
        }
      }
    }
  });
  socket.on('close', () => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ ok: false, error: { code: 'closed', message: 'page socket closed' } });
    }
  });
  await once(socket, 'open');
  const call = <T>(channel: string, args: unknown = {}) =>
    new Promise<WireReply<T>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (reply: WireReply) => void);
      socket.send(JSON.stringify({ type: 'invoke', id, channel, args }));
    });
  return {
    call,
    async value<T>(channel: string, args: unknown = {}) {
      const reply = await call<T>(channel, args);
      if (!reply.ok) throw new Error(`${channel} refused: ${JSON.stringify(reply.error)}`);
      return reply.value as T;
    },
    events,
    waitForEvent(match) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen.payload);
      return new Promise((resolve) => waiters.add({ match, resolve }));
    },
    close: () => socket.close(),
  };
}
