import type { AppEvent, EventBus } from '../ports/event-bus.port';
import type { Logger } from '../ports/logger.port';

/**
 * In-process event bus. A listener that throws is logged and skipped so one broken window cannot
 * stop the others from hearing about a payment.
 */
export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener({ event, payload } as AppEvent);
        } catch (error) {
          logger.error('event listener threw', { event, error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
