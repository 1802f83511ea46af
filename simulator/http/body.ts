// The simulator's view of a request body, on the shared reader (common/http/read-body.ts): a size limit,
// a hard cap after which the socket is dropped, strict UTF-8 and a JSON parse that reports rather than
// throws. No input may crash or hang the server.
import type { IncomingMessage } from 'node:http';
import { decodeUtf8, readBody as readLimitedBody } from '../../common/http/read-body';

/** Bodies above this are refused with 002 (the largest valid print-ticket body is far smaller). */
export const BODY_LIMIT_BYTES = 64 * 1024;
/** Past this the client is not worth draining: the socket is destroyed. */
export const HARD_CAP_BYTES = 8 * 1024 * 1024;

/** What came in. */
export type BodyRead =
  { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'not-utf8' } | { kind: 'aborted' };

/** Reads the whole body, keeping at most BODY_LIMIT_BYTES. */
export async function readBody(req: IncomingMessage): Promise<BodyRead> {
  const read = await readLimitedBody(req, { limit: BODY_LIMIT_BYTES, drainUpTo: HARD_CAP_BYTES });
  if (!read.ok) return { kind: read.reason === 'too_large' ? 'too-large' : 'aborted' };
  const text = decodeUtf8(read.body);
  return text === null ? { kind: 'not-utf8' } : { kind: 'ok', text };
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
