/**
 * Which file of the built renderer a request path names, for both shells' static file servers (the
 * web shell's HTTP host and the desktop's app:// protocol). Pure path arithmetic: the callers read
 * the file. Anything that decodes to a place outside the root (`..`, `%2e%2e`, `..%2f`, a backslash
 * on Windows, an absolute path, a NUL byte) is refused, never read.
 */
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files Vite writes into dist/renderer. */
export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A file to serve, or the status that refuses the request. */
export type StaticTarget = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404 };

/**
 * The file under `root` that the URL path `pathname` (still %-encoded, as `new URL().pathname` gives
 * it) names; `/` is index.html. A malformed %-escape is a 400 (the client's mistake), anything outside
 * the root a 404.
 */
export function staticTarget(root: string, pathname: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // Vite never writes a NUL or a backslash into a name; on Windows a backslash is a separator.
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 404 };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootWithSep = normalize(root + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(rootWithSep)) return { ok: false, status: 404 };
  return {
    ok: true,
    file,
    contentType: STATIC_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
  };
}
