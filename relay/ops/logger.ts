// Structured JSON logs, one object per line. Secrets never reach a log: call sites pass ids, never credentials,
// and as a second line of defence any field whose name looks like a credential is replaced before writing.
/** Log levels in increasing severity. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Context fields of a log line. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** The logger the relay components receive. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_FIELD = /secret|token|signing|authorization|password|key$/i;

/** A JSON-lines logger writing to `sink` (stderr by default, keeping stdout for the CLI's own output). */
export function createLogger(
  options: { level?: LogLevel; sink?: (line: string) => void; base?: LogFields } = {},
): Logger {
  const min = ORDER[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stderr.write(line + '\n'));
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (ORDER[level] < min) return;
    const record: Record<string, unknown> = { ts: new Date().toISOString(), level, msg, ...options.base };
    for (const [k, v] of Object.entries(fields ?? {})) record[k] = SECRET_FIELD.test(k) ? '[redacted]' : v;
    sink(JSON.stringify(record));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** A logger that drops everything (tests that do not inspect logs). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** An error's class and message only: stacks stay out of structured fields, and messages here carry no secrets. */
export function errorFields(err: unknown): LogFields {
  return err instanceof Error ? { error: err.name, errorMessage: err.message } : { error: String(err) };
}
