import type { AppStore } from '../store/create-app-store';

/**
 * Window-level errors the error boundaries cannot catch (an event handler's throw, a promise nobody
 * awaited) go to Caja's log with a correlation id (issue 16, item 1). Returns the unsubscribe.
 */
export function reportWindowErrors(store: AppStore, target: Window = window): () => void {
  const onError = (event: ErrorEvent) => {
    const error = event.error as unknown;
    void store.getState().reportError({
      source: 'error',
      screen: '',
      message: error instanceof Error ? error.message : event.message,
      stack: error instanceof Error ? error.stack : undefined,
    });
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason as unknown;
    void store.getState().reportError({
      source: 'unhandledrejection',
      screen: '',
      message: reason instanceof Error ? reason.message : String(reason),
      stack: reason instanceof Error ? reason.stack : undefined,
    });
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
