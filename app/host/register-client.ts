/**
 * A joined register's end of the link (issue 17, deliverables 1 and 4): the register's windows talk
 * to this object as to a core, and it forwards every call over the pinned-TLS link to the store
 * server and every server event to the windows. It holds no database, no Kushki key and no relay
 * credential. See [Note: a register without its server].
 *
 * [Note: a register without its server]
 * Decision for issue 17 item 4: a joined register does not sell offline, neither card nor cash.
 * A card charge it cannot record must not start; a cash sale kept aside would be a second book to
 * reconcile (stock, prices and the shift live on the server, and a queued sale replayed twice is
 * counted twice), while the server's own counter keeps selling. So:
 * - the link is `down` the moment its socket closes or errors, or when a ping goes unanswered for
 *   PONG_TIMEOUT_MS (a silent LAN: cable pulled at the switch, the server frozen), with injected
 *   timers so a test drives it;
 * - while down every call answers `unavailable` / `store_server_unreachable` at once: nothing was
 *   sent, so nothing was done; calls in flight when it dropped answer the same, their outcome told
 *   by the server's truth after the reconnect;
 * - the windows hear `register.link.changed` (a persistent banner), the link retries with backoff,
 *   and on `up` the windows read their state again (cart, checkout, session) from the server.
 * A sale shows as paid only from the server's reply, which comes after its commit: none is lost.
 */
import type { Channel, Reply } from '../api/contract';
import type { Dispatch } from '../api/dispatch';
import { isEventName } from '../api/channels';
import { refuseOnRegister } from '../api/remote-policy';
import type { RegisterLinkView } from '../domain/registers';
import type { AppEvent, EventBus } from '../ports/event-bus.port';
import type { Logger } from '../ports/logger.port';
import type { Timers } from '../ports/timers.port';
import { createEventBus } from './event-bus';
import { JoinError, openRegisterLink, type RegisterLink } from '../infra/registers/register-join';
import { CLOSE_REVOKED, linkServerMessage } from '../infra/registers/register-wire';
import type WebSocket from 'ws';

/** How often the register pings the server, and how long it waits for the pong. */
export const HEARTBEAT_MS = 2_000;
export const PONG_TIMEOUT_MS = 4_000;
/** Reconnect backoff: doubles from the first to the last. */
export const BACKOFF_MS = { first: 250, max: 5_000 };
/**
 * A refused credential is retried slowly rather than never: the server may have the other store
 * open for a moment (registers are paired per store), and a truly revoked one costs a log line a minute.
 */
export const REVOKED_RETRY_MS = 60_000;

/** The register's stand-in for a core, behind the loopback web host. */
export interface RegisterClient {
  dispatch: Dispatch;
  /** The server's events for this register, plus `register.link.changed` (also replayed to each new listener). */
  events: EventBus;
  /** The register's last window closed: lock its session on the server. */
  lockSession(): void;
  status(): RegisterLinkView;
  /** Resolves once the link is up (for a start-up that wants it; the shell does not wait). */
  whenUp(): Promise<void>;
  close(): void;
}

function refusal(reason: 'store_server_unreachable' | 'register_revoked', message: string): Reply<Channel> {
  return {
    ok: false,
    error: { code: reason === 'register_revoked' ? 'forbidden' : 'unavailable', reason, message },
  };
}

const UNREACHABLE = 'No connection to the store server: nothing was done.';
const LOST = 'The link to the store server dropped: the outcome of this action is unknown until it is back.';
const REVOKED = 'This register was revoked by the manager.';

/** Starts the link (it connects, and reconnects, on its own). */
export function startRegisterClient(options: {
  link: RegisterLink;
  credential: string;
  timers: Timers;
  logger: Logger;
}): RegisterClient {
  const { link, timers, logger } = options;
  const bus = createEventBus(logger);
  const pending = new Map<number, (reply: Reply<Channel>) => void>();
  const upWaiters: (() => void)[] = [];
  let socket: WebSocket | null = null;
  let state: RegisterLinkView['state'] = 'down';
  let nextId = 1;
  let backoff = BACKOFF_MS.first;
  let closed = false;
  let stopTimer: () => void = () => undefined;

  const view = (): RegisterLinkView => ({
    state,
    registerId: link.registerId,
    name: link.name,
    serverUrl: link.serverUrl,
  });
  const setState = (next: RegisterLinkView['state']) => {
    if (next === state) return;
    state = next;
    logger.info('register link changed', { state, serverUrl: link.serverUrl });
    bus.emit('register.link.changed', view());
    if (next === 'up') for (const resolve of upWaiters.splice(0)) resolve();
  };

  const settleAll = (reply: Reply<Channel>) => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve(reply);
    }
  };

  const scheduleReconnect = () => {
    if (closed) return;
    stopTimer();
    stopTimer = timers.after(state === 'revoked' ? REVOKED_RETRY_MS : backoff, connect);
    backoff = Math.min(backoff * 2, BACKOFF_MS.max);
  };

  const lost = (revoked: boolean) => {
    stopTimer();
    socket = null;
    settleAll(revoked ? refusal('register_revoked', REVOKED) : refusal('store_server_unreachable', LOST));
    setState(revoked ? 'revoked' : 'down');
    scheduleReconnect();
  };

  /** Pings now and then; a pong that does not come in time means a silent LAN: drop the socket. */
  const heartbeat = (ws: WebSocket) => {
    stopTimer = timers.after(HEARTBEAT_MS, () => {
      let answered = false;
      ws.once('pong', () => {
        answered = true;
        if (socket === ws) heartbeat(ws);
      });
      stopTimer = timers.after(PONG_TIMEOUT_MS, () => {
        if (answered || socket !== ws) return;
        logger.warn('store server did not answer the heartbeat', { serverUrl: link.serverUrl });
        ws.terminate();
      });
      ws.ping();
    });
  };

  const onMessage = (data: WebSocket.RawData) => {
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      json = undefined;
    }
    const parsed = linkServerMessage.safeParse(json);
    if (!parsed.success) return logger.warn('store server sent a malformed message', {});
    const message = parsed.data;
    if (message.type === 'reply') {
      pending.get(message.id)?.(message.reply as Reply<Channel>);
      pending.delete(message.id);
    } else if (isEventName(message.event) && message.event !== 'register.link.changed') {
      bus.emit(message.event, message.payload as never);
    }
  };

  function connect(): void {
    if (closed) return;
    openRegisterLink(link, options.credential).then(
      (open) => {
        if (closed) return open.socket.close();
        const ws = open.socket;
        socket = ws;
        backoff = BACKOFF_MS.first;
        ws.on('message', onMessage);
        ws.on('error', (error) => logger.warn('register link error', { code: error.name }));
        ws.once('close', (code) => {
          if (socket === ws) lost(code === CLOSE_REVOKED);
        });
        setState('up');
        heartbeat(ws);
      },
      (error: unknown) => {
        // 401: the credential is no longer good (revoked); anything else: the server is not there.
        const revoked = error instanceof JoinError && error.reason === 'refused';
        logger.warn('register link could not open', {
          reason: error instanceof JoinError ? error.reason : 'error',
        });
        if (revoked) return lost(true);
        setState('down');
        scheduleReconnect();
      },
    );
  }
  connect();

  const dispatch: Dispatch = (channel, args) => {
    const refused = refuseOnRegister(channel);
    if (refused) return Promise.resolve({ ok: false, error: refused });
    if (state === 'revoked') return Promise.resolve(refusal('register_revoked', REVOKED));
    const ws = socket;
    if (state !== 'up' || !ws) return Promise.resolve(refusal('store_server_unreachable', UNREACHABLE));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ type: 'invoke', id, channel, args }));
    }).then((reply) => withRegister(channel, reply as Reply<Channel>));
  };

  /** `app.info.get` tells the windows they are a register, and of which server. */
  const withRegister = (channel: unknown, reply: Reply<Channel>): Reply<Channel> =>
    channel === 'app.info.get' && reply.ok
      ? { ok: true, value: { ...(reply.value as object), register: view() } as never }
      : reply;

  const events: EventBus = {
    emit: bus.emit,
    subscribe(listener: (event: AppEvent) => void) {
      const stop = bus.subscribe(listener);
      // A window that connects while the link is down must show the banner without waiting for a change.
      listener({ event: 'register.link.changed', payload: view() });
      return stop;
    },
  };

  return {
    dispatch,
    events,
    lockSession: () => void dispatch('session.lock', {}),
    status: view,
    whenUp: () =>
      state === 'up' ? Promise.resolve() : new Promise<void>((resolve) => upWaiters.push(resolve)),
    close() {
      closed = true;
      stopTimer();
      socket?.close();
      socket = null;
      settleAll(refusal('store_server_unreachable', UNREACHABLE));
    },
  };
}
