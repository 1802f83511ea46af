// GET routes that serve HTML and files: the terminal page and its assets, an index of terminals, receipts and
// the webhook signing key. None of them needs the token; none of them reveals it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../core/runtime';
import { PAGE_HEADERS, sendText } from '../http/respond';
import { transactionIdFromReceipt } from '../webhooks/receipt-id';
import { escapeHtml } from './escape';
import { receiptPage } from './receipt-html';
import { TERMINAL_CSS } from './terminal-css';
import { terminalPage, unknownTerminalPage } from './terminal-html';
import { TERMINAL_SCRIPT } from './terminal-script';

const HTML = 'text/html; charset=utf-8';

/** Serves a page route; returns false when the path is not one. */
export function handlePage(runtime: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = url.pathname;
  if (path === '/') {
    sendText(res, 200, HTML, indexPage(runtime), PAGE_HEADERS);
    return true;
  }
  if (path === '/favicon.ico') {
    // Browsers ask for it on every page; an empty answer keeps their consoles (and the e2e check) clean.
    res.writeHead(204).end();
    return true;
  }
  if (path === '/terminal-assets/terminal.js') {
    sendText(res, 200, 'text/javascript; charset=utf-8', TERMINAL_SCRIPT, { 'Cache-Control': 'no-store' });
    return true;
  }
  if (path === '/terminal-assets/terminal.css') {
    sendText(res, 200, 'text/css; charset=utf-8', TERMINAL_CSS, { 'Cache-Control': 'no-store' });
    return true;
  }
  const terminal = /^\/terminal\/([^/]+)\/?$/.exec(path);
  if (terminal) {
    const serial = decode(terminal[1] as string);
    if (runtime.terminals.get(serial)) sendText(res, 200, HTML, terminalPage(serial), PAGE_HEADERS);
    else sendText(res, 404, HTML, unknownTerminalPage(serial), PAGE_HEADERS);
    return true;
  }
  const pem = /^\/webhook\/([A-Za-z0-9_-]{1,32})\.pem$/.exec(path);
  if (pem) {
    if (pem[1] === runtime.config.signingKeyIndex) {
      sendText(res, 200, 'application/x-pem-file', runtime.signer.publicKeyPem());
    } else {
      sendText(res, 404, 'text/plain; charset=utf-8', 'unknown key index\n');
    }
    return true;
  }
  const ticket = /^\/ticket\/([^/]+)$/.exec(path);
  if (ticket) {
    const transactionId = transactionIdFromReceipt(decode(ticket[1] as string));
    const request = transactionId === null ? undefined : runtime.engine.findByTransactionId(transactionId);
    const sale = request?.attempts.find((a) => a.transactionId === transactionId);
    if (request && sale) sendText(res, 200, HTML, receiptPage(request, sale), PAGE_HEADERS);
    else sendText(res, 404, 'text/plain; charset=utf-8', 'ticket not found\n');
    return true;
  }
  return false;
}

function indexPage(runtime: Runtime): string {
  const items = runtime.terminals
    .list()
    .map((t) => {
      const serial = escapeHtml(t.serialNumber);
      return `<li><a href="/terminal/${encodeURIComponent(t.serialNumber)}">${serial}</a> — ${escapeHtml(t.behaviour)}</li>`;
    })
    .join('\n');
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Simulador Kushki</title></head>
<body><h1>Simulador de Kushki Cloud Terminal</h1><ul>
${items}
</ul></body></html>
`;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
