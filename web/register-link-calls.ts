/**
 * One register's authenticated link on the store server (issue 17, deliverable 1): carries the
 * contract for register N. Each `invoke` goes to `dispatchFor(N)` on the store open now, its reply
 * goes back `{type:'reply', id, reply}`, and `eventsFor(N)` is pushed as `{type:'event', …}`.
 * A message that is not a well-formed invoke closes the link (1008); a revoked register's calls are
 * refused and its link closed; calls over MAX_IN_FLIGHT_PER_LINK are answered `rate_limited` at
 * once (never queued), so one register cannot pile work onto the server. See
 * [Note: store-server-only channels] for what a register may not call.
 */
import type { WebSocket } from 'ws';
import type { HostedRegisters } from '../app/host/store-host';
import type { HostMessage } from '../app/api/web-wire';
import { refuseOnRegister } from '../app/api/remote-policy';
import type { Logger } from '../app/ports/logger.port';
import type { RegistersService } from '../app/services/registers/registers.service';
import { CLOSE_REVOKED, MAX_IN_FLIGHT_PER_LINK, linkInvoke } from '../app/infra/registers/register-wire';

function send(ws: WebSocket, message: HostMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/** Serves register `registerId`'s calls and events on `ws` until it closes; returns the unsubscribe. */
export function serveRegisterLink(options: {
  ws: WebSocket;
  registerId: number;
  registers: RegistersService;
  core: HostedRegisters;
  logger: Logger;
}): () => void {
  const { ws, registerId, registers, core, logger } = options;
  const dispatch = core.dispatchFor(registerId);
  let inFlight = 0;
  const unsubscribe = core.eventsFor(registerId).subscribe((event) => send(ws, { type: 'event', ...event }));

  ws.on('message', (data, isBinary) => {
    if (!registers.isActive(registerId)) return ws.close(CLOSE_REVOKED, 'revoked');
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      json = undefined;
    }
    const parsed = linkInvoke.safeParse(json);
    if (!parsed.success) {
      logger.warn('register link sent a malformed message', { registerId });
      return ws.close(1008, 'malformed message');
    }
    const { id, channel, args } = parsed.data;
    const refused = refuseOnRegister(channel);
    if (refused) return send(ws, { type: 'reply', id, reply: { ok: false, error: refused } });
    if (inFlight >= MAX_IN_FLIGHT_PER_LINK) {
      const error = { code: 'rate_limited' as const, message: 'Too many calls in flight on this link.' };
      return send(ws, { type: 'reply', id, reply: { ok: false, error } });
    }
    inFlight += 1;
    // dispatch never throws (see createDispatch); the reply is dropped if the link closed meanwhile,
    // and the register answers that call as of unknown outcome.
    void dispatch(channel, args).then((reply) => {
      inFlight -= 1;
      send(ws, { type: 'reply', id, reply });
    });
  });
  return unsubscribe;
}
