/**
 * The desktop's own URL scheme for the renderer (issue 16, item 6): the page is `app://caja/index.html`,
 * served by main from dist/renderer with the CSP on every response. A `file://` page gets no response
 * headers at all (so no CSP header), and shares its origin with every other local file. Pure (no
 * Electron at run time) so the mapping is unit-tested without the binary; app-protocol.ts applies it.
 */
import type { CustomScheme } from 'electron';
import { staticTarget } from '../../common/http/static-path';

/** The scheme and host of the app's pages. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'caja';
/** The renderer's page: the only URL the window loads, navigates to, or takes IPC from. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before the app is ready. `standard` gives the page a real origin (relative URLs,
 * `'self'` in the CSP, storage per origin), `secure` makes it a secure context; no `bypassCSP`, and
 * no `corsEnabled`/`stream`: the page only loads its own files.
 */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * The renderer's Content Security Policy: only our own files, no inline script, no eval, no remote
 * anything, no sockets (the desktop talks to main over IPC).
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** What the protocol handler answers: a file with its headers, or a refusal. */
export type AppProtocolAnswer =
  | { status: 200; file: string; headers: Record<string, string> }
  | { status: 400 | 404 | 405; headers: Record<string, string> };

const COMMON_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Maps one app:// request to a file under `rendererRoot`. Only GET and HEAD, only host `caja`, no
 * credentials or port, and only files inside the root (see common/http/static-path.ts).
 */
export function appProtocolAnswer(method: string, url: string, rendererRoot: string): AppProtocolAnswer {
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, headers: { ...COMMON_HEADERS, Allow: 'GET, HEAD' } };
  if (!URL.canParse(url)) return { status: 400, headers: COMMON_HEADERS };
  const parsed = new URL(url);
  const ours =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '';
  if (!ours) return { status: 404, headers: COMMON_HEADERS };
  const target = staticTarget(rendererRoot, parsed.pathname);
  if (!target.ok) return { status: target.status, headers: COMMON_HEADERS };
  return {
    status: 200,
    file: target.file,
    headers: { ...COMMON_HEADERS, 'Content-Type': target.contentType },
  };
}
