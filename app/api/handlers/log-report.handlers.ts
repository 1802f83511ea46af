import { randomUUID } from 'node:crypto';
import type { Handlers } from '../dispatch';
import { fail } from '../../domain/result';
import type { Clock } from '../../ports/clock.port';
import type { Logger } from '../../ports/logger.port';

/** At most this many renderer reports per window: a render loop must not fill the disk. */
export const LOG_REPORTS_PER_WINDOW = 20;
/** The rate-limit window. */
export const LOG_REPORT_WINDOW_MS = 60_000;

/**
 * `app.log.report`: a renderer error, written to the trusted side's log (the file under
 * `<data-dir>/logs/`) under a fresh correlation id that the page shows the cashier. The text is the
 * page's own (bounded by the schema); it is logged as fields, so it cannot forge another line.
 */
export function logReportHandlers(deps: { logger: Logger; clock: Clock }): Pick<Handlers, 'app.log.report'> {
  let windowStart = 0;
  let count = 0;
  let dropped = 0;
  return {
    'app.log.report': (report) => {
      const now = deps.clock.now();
      if (now - windowStart >= LOG_REPORT_WINDOW_MS) {
        if (dropped > 0) deps.logger.warn('renderer reports dropped (rate limit)', { dropped });
        windowStart = now;
        count = 0;
        dropped = 0;
      }
      if (count >= LOG_REPORTS_PER_WINDOW) {
        dropped += 1;
        return fail('rate_limited', 'Demasiados reportes de error; se registrarán en un momento.', {
          retryAfterMs: windowStart + LOG_REPORT_WINDOW_MS - now,
        });
      }
      count += 1;
      const correlationId = randomUUID();
      deps.logger.error('renderer error', { ...report, correlationId });
      return { correlationId };
    },
  };
}
