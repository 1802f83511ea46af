import type { EventContract, EventName } from '../api/contract';

/** A typed main → renderer event as it travels through a transport. */
export interface AppEvent<E extends EventName = EventName> {
  event: E;
  payload: EventContract[E];
}

/** Where services publish contract events; each transport subscribes and forwards. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventContract[E]): void;
  subscribe(listener: (event: AppEvent) => void): () => void;
}
