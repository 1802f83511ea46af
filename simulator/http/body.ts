// Reads request bodies defensively: a size limit, a hard cap after which the socket is dropped, strict UTF-8 and
// a JSON parse that reports rather than throws. No input may crash or hang the server.
import type { IncomingMessage } from 'node:http';

/** Bodies above this are refused with 002 (the largest valid print-ticket body is far smaller). */
export const BODY_LIMIT_BYTES = 64 * 1024;
/** Past this the client is not worth draining: the socket is destroyed. */
export const HARD_CAP_BYTES = 8 * 1024 * 1024;

/** What came in. */
export type BodyRead =
  { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'not-utf8' } | { kind: 'aborted' };

/** Reads the whole body, keeping at most BODY_LIMIT_BYTES. */
export function readBody(req: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyRead): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > HARD_CAP_BYTES) {
        req.destroy();
        finish({ kind: 'aborted' });
      } else if (size <= BODY_LIMIT_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES) return finish({ kind: 'too-large' });
      try {
        finish({ kind: 'ok', text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) });
      } catch {
        finish({ kind: 'not-utf8' });
      }
    });
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}

/** Parses JSON text; `undefined` input (empty body) counts as missing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** True for `application/json`, with or without parameters such as charset. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type] = header.split(';');
  return type?.trim().toLowerCase() === 'application/json';
}
