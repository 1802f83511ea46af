import type { Logger } from '../../ports/logger.port';

// Keys whose values never reach a log line, whatever their nesting.
const SECRET_KEY = /(auth|token|secret|password|pin|key|signature|cookie)/i;

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

/** A logger writing one JSON object per line to a stream (stderr by default). */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const entry = {
      time: new Date().toISOString(),
      level,
      message,
      ...(redactFields(fields ?? {}) as object),
    };
    write(`${JSON.stringify(entry)}\n`);
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
