import type { CajaApi, RendererErrorReport } from '../../../app/api/contract';
import type { GetState, SetState } from './store-types';

/** Renderer errors, forwarded to the trusted side's log (issue 16, item 1). */
export interface ErrorsSlice {
  /**
   * Writes the error to Caja's log and resolves with the correlation id it was logged under, or null
   * when it could not be (rate-limited, disconnected): the page shows the id, never the stack.
   */
  reportError(report: RendererErrorReport): Promise<string | null>;
}

// The schema's limits (app/api/schemas.ts): cut here so an oversized stack is still reported.
const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.slice(0, max));

/** Error-reporting actions. */
export function createErrorsSlice(api: CajaApi, _set: SetState, _get: GetState): ErrorsSlice {
  return {
    async reportError(report) {
      try {
        const reply = await api.invoke('app.log.report', {
          source: report.source,
          screen: report.screen.replace(/[^\w.-]/g, '').slice(0, 40),
          message: cut(report.message, 2_000) ?? '',
          ...(report.stack ? { stack: cut(report.stack, 8_000) } : {}),
          ...(report.relatedCorrelationId ? { relatedCorrelationId: report.relatedCorrelationId } : {}),
        });
        return reply.ok ? reply.value.correlationId : null;
      } catch {
        // The transport itself is gone: nothing more to do from the page.
        return null;
      }
    },
  };
}
