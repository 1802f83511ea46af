/**
 * The web shell's start-up failure page (issue 16, item 2): when Caja cannot start, the shell still
 * listens on 127.0.0.1 and answers every request with this page (status 503), so whoever opens the
 * printed URL reads what happened and what to do instead of a refused connection.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StartupFailure } from '../app/host/startup-failure';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's HTML: Spanish, self-contained, no script. */
export function failurePageHtml(failure: StartupFailure): string {
  const steps = failure.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
  return `<!doctype html>
<html lang="es-MX"><head><meta charset="utf-8"><title>Caja: ${escapeHtml(failure.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2933}
h1{color:#b42318}code{display:block;white-space:pre-wrap;background:#f2f4f7;padding:.75rem;border-radius:6px}</style>
</head><body><main data-testid="startup-failure" data-kind="${failure.kind}">
<h1>${escapeHtml(failure.title)}</h1><p>${escapeHtml(failure.summary)}</p>
<h2>Qué hacer</h2><ol>${steps}</ol>
<h2>Detalle técnico</h2><code>${escapeHtml(failure.technical)}</code>
</main></body></html>`;
}

/** Serves the failure page on 127.0.0.1:`port` (0: any); resolves with its URL and a close function. */
export async function serveFailurePage(
  failure: StartupFailure,
  port: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const html = failurePageHtml(failure);
  const server = createServer((_req, res) => {
    res.writeHead(503, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'cache-control': 'no-store',
    });
    res.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
