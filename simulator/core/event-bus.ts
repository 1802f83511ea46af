// A tiny typed pub/sub: the page's live log (SSE), `sim.on()` and the wait helpers all listen here.
import type { SimEvent } from '../types';

/** Listener for simulator events. */
export type SimListener = (event: SimEvent) => void;

/** Fan-out of SimEvents; a throwing listener never breaks the simulator. */
export class EventBus {
  private listeners = new Set<SimListener>();

  /** Subscribes; returns the unsubscribe function. */
  on(listener: SimListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends an event to every listener. */
  emit(event: SimEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener bug (e.g. a closed SSE socket) must not stop a payment from progressing.
      }
    }
  }
}
