/**
 * The browser bridge of the web shell: gives the page the same `window.caja` the Electron preload
 * gives, carried over the host's token-protected loopback WebSocket.
 */
import { EVENT_NAMES, INVOKE_CHANNELS, isChannel } from '../../../app/api/channels';
import type { CajaApi, Channel, EventContract, EventName, Reply } from '../../../app/api/contract';
import type { HostMessage } from '../../../app/api/web-wire';
import { WEB_API_PATH } from '../../../app/api/web-wire';

const TOKEN_KEY = 'caja.webToken';
const MAX_BACKOFF_MS = 5_000;

/**
 * Reads the per-launch token from `?token=`, keeping it for reloads of the same tab, and takes it
 * out of the address bar (issue 11): there it would sit in the history, a bookmark or a screenshot.
 */
function readToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${query ? `?${query}` : ''}${location.hash}`,
    );
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function unavailable(message: string): Reply<Channel> {
  return { ok: false, error: { code: 'unavailable', message } };
}

/** Connects to the host and returns a frozen `CajaApi`. Reconnects with backoff if the socket drops. */
export function createWebBridge(): CajaApi {
  const token = readToken();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WEB_API_PATH}?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (reply: Reply<Channel>) => void>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const outbox: string[] = [];
  let nextId = 1;
  let socket: WebSocket;
  let backoff = 250;

  const connect = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      backoff = 250;
      for (const message of outbox.splice(0)) socket.send(message);
    });
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as HostMessage;
      if (data.type === 'reply') {
        pending.get(data.id)?.(data.reply);
        pending.delete(data.id);
      } else if (data.type === 'event') {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload as never);
      }
    });
    socket.addEventListener('close', () => {
      // Calls in flight may or may not have run; say so instead of guessing.
      for (const [id, resolve] of pending) {
        resolve(unavailable('Connection to Caja was lost; the result of this action is unknown.'));
        pending.delete(id);
      }
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
  };
  connect();

  const api: CajaApi = {
    invoke(channel, args) {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown_channel', message: 'Not in the contract' },
        });
      }
      const id = nextId++;
      const message = JSON.stringify({ type: 'invoke', id, channel, args });
      return new Promise((resolve) => {
        pending.set(id, resolve as (reply: Reply<Channel>) => void);
        if (socket.readyState === WebSocket.OPEN) socket.send(message);
        else outbox.push(message);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventContract[E]) => void) {
      if (!(EVENT_NAMES as readonly string[]).includes(event)) return () => undefined;
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    channels: Object.freeze([...INVOKE_CHANNELS]),
    events: Object.freeze([...EVENT_NAMES]),
  };
  return Object.freeze(api);
}
