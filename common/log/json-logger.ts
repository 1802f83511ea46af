// One JSON log schema for every process (core, web shell, Electron main, relay): pino's lines,
// `{"level":"info","time":"<ISO 8601>","msg":"…",…fields}`, one object per line (issue 12). pino writes
// them; what it cannot do is redact by key name at any depth, so `redactFields` does that before pino
// sees a field (call sites pass ids, never credentials: this is the second line of defence).
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

// Keys whose values never reach a log line, whatever their nesting (the union of what the core and the
// relay redacted before they shared one logger).
const SECRET_KEY = /(auth|token|secret|signing|password|pin|key|signature|cookie)/i;

/** Turns log fields into JSON-safe values: errors keep name, message and stack; secrets are redacted. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? '[redacted]' : redactFields(v, depth + 1),
      ]),
    );
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
      base: options.base ? (redactFields(options.base) as Record<string, unknown>) : null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactFields(fields) as Record<string, unknown>,
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
