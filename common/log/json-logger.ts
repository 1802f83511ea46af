// One JSON log schema for every process (core, web shell, Electron main, relay): pino's lines,
// `{"level":"info","time":"<ISO 8601>","msg":"…",…fields}`, one object per line (issue 12). Secrets are
// redacted by field NAME with pino's `redact` paths (issue 16): a closed list of the names Caja's
// credentials travel under, not a pattern (a pattern on "pin" also hid "mapping" and "shipping").
// Call sites pass ids, never credentials: this is the second line of defence.
import pino, { type DestinationStream } from 'pino';

/** Log levels in increasing severity. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A structured logger: a message and flat or nested fields. */
export interface JsonLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Where and what to log. */
export interface JsonLoggerOptions {
  /** Lines below this level are dropped (default info). */
  level?: LogLevel;
  /** Receives each line, newline included (default: stderr, written synchronously so a crash keeps it). */
  write?: (line: string) => void;
  /** Fields on every line (e.g. the process's role). */
  base?: Record<string, unknown>;
}

/**
 * The field names whose values never reach a log line: the Kushki key and its header, the relay's
 * stream token and signing key, Billpocket's key, PINs and their hashes, and the generic names a
 * library might use. Matched exactly (case as written), at the top level and up to
 * {@link REDACT_DEPTH} objects deep; deeper values are cut (see `jsonSafe`), so none escapes unread.
 */
export const SECRET_FIELD_NAMES = [
  'apiKey',
  'api_key',
  'kushkiKey',
  'X-BP-AUTH',
  'x-bp-auth',
  'authorization',
  'Authorization',
  'token',
  'streamToken',
  'stream_token',
  'signingKey',
  'signing_key',
  'bpKey',
  'secret',
  'password',
  'pin',
  'pinHash',
  'pin_hash',
  'managerPin',
  'cookie',
  'Cookie',
] as const;

/** How many objects deep the redact paths reach; anything deeper is replaced by '[depth]'. */
export const REDACT_DEPTH = 4;

/** pino `redact` paths for every secret name at every depth up to REDACT_DEPTH (`name`, `*.name`, …). */
export function secretRedactPaths(names: readonly string[] = SECRET_FIELD_NAMES): string[] {
  const paths: string[] = [];
  for (const name of names) {
    const segment = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`;
    for (let depth = 0; depth <= REDACT_DEPTH; depth += 1) {
      const prefix = '*.'.repeat(depth);
      paths.push(
        segment.startsWith('[') && depth > 0 ? `${prefix.slice(0, -1)}${segment}` : prefix + segment,
      );
    }
  }
  return paths;
}

/** Turns log fields into JSON-safe values: errors keep name, message and stack; nesting is bounded. */
export function jsonSafe(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (value && typeof value === 'object') {
    if (depth > REDACT_DEPTH) return '[depth]';
    if (Array.isArray(value)) return value.map((v) => jsonSafe(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v, depth + 1)]));
  }
  return value;
}

/** A JSON-lines logger on pino with the shared schema. */
export function createJsonLogger(options: JsonLoggerOptions = {}): JsonLogger {
  const { write } = options;
  const destination: DestinationStream = write ? { write } : pino.destination({ dest: 2, sync: true });
  const logger = pino(
    {
      level: options.level ?? 'info',
      // No pid or hostname: a store PC has one Caja; the role, when it matters, comes in `base`.
      base: options.base ? (jsonSafe(options.base) as Record<string, unknown>) : null,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: secretRedactPaths(), censor: '[redacted]' },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => jsonSafe(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
  const at =
    (level: LogLevel) =>
    (msg: string, fields?: Record<string, unknown>): void =>
      logger[level](fields ?? {}, msg);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
