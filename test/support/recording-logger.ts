import type { Logger } from '../../app/ports/logger.port';

/** A logger that keeps every entry, so a test can assert what was (and was not) logged. */
export function recordingLogger() {
  const entries: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const record =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      entries.push({ level, message, fields });
    };
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  return { logger, entries };
}
