// Structured JSON logs, one object per line, in the schema every Caja process shares (common/log). Secrets never
// reach a log: call sites pass ids, never credentials, and the shared logger redacts credential-like keys.
import { createJsonLogger, type LogLevel } from '../../common/log/json-logger';
export type { LogLevel };

/** Context fields of a log line. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** The logger the relay components receive. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A JSON-lines logger in the one shared schema (common/log), writing to `sink` (stderr by default, keeping
 * stdout for the CLI's own output). */
export function createLogger(
  options: { level?: LogLevel; sink?: (line: string) => void; base?: LogFields } = {},
): Logger {
  return createJsonLogger({
    ...(options.level ? { level: options.level } : {}),
    ...(options.sink ? { write: options.sink } : {}),
    ...(options.base ? { base: options.base } : {}),
  });
}

/** A logger that drops everything (tests that do not inspect logs). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** An error's class and message only: stacks stay out of structured fields, and messages here carry no secrets. */
export function errorFields(err: unknown): LogFields {
  return err instanceof Error ? { error: err.name, errorMessage: err.message } : { error: String(err) };
}
