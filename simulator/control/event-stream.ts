// Server-sent events for the terminal page's live log: every SimEvent, optionally only those of one terminal.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../core/runtime';
import type { SimEvent } from '../types';

/** Streams events until the client goes away. */
export function streamEvents(
  runtime: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  serial: string | null,
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write(': connected\n\n');
  const unsubscribe = runtime.bus.on((event) => {
    if (serial !== null && serialOf(event) !== serial && event.type !== 'reset') return;
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  // A comment line every 15 s keeps idle proxies and the browser from dropping the stream.
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
  keepAlive.unref();
  const stop = (): void => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}

function serialOf(event: SimEvent): string | null {
  switch (event.type) {
    case 'request.created':
    case 'request.updated':
      return event.request.serialNumber;
    case 'terminal.updated':
      return event.terminal.serialNumber;
    case 'webhook.attempt':
      return event.attempt.serialNumber;
    case 'http.request':
      return event.entry.serialNumber;
    case 'ticket.printed':
      return event.ticket.serialNumber;
    case 'reset':
      return null;
  }
}
