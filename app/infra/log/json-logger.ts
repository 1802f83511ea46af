import type { Logger } from '../../ports/logger.port';
import { createJsonLogger as createSharedLogger } from '../../../common/log/json-logger';

/** The core's logger: the one JSON-lines schema (common/log), to `write` or stderr. */
export function createJsonLogger(write?: (line: string) => void): Logger {
  return createSharedLogger(write ? { write } : {});
}
