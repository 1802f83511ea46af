import type { WebhookSignature } from '../domain/payment';

/** One webhook event from the relay stream. */
export interface RelayEvent {
  id: string;
  seq: number;
  receivedAt: number;
  payload: Record<string, unknown>;
  /** The relay's verdict on Billpocket's signature, reduced to what Caja acts on. */
  signature: WebhookSignature;
}

/**
 * Where the relay client puts events: stored with the new cursor in ONE transaction, so the cursor
 * never runs ahead of what is stored (PROTOCOL.md §5.2), then handed to the payment engine.
 */
export interface RelayInbox {
  /** The highest seq stored here (0 before the first event). */
  cursor(): number;
  /** Stores the event idempotently by id and moves the cursor to its seq; then triggers the engine. */
  commit(event: RelayEvent): void;
  /** Events were pruned before this PC got them: verify every open payment with Kushki instead. */
  missedEvents(): void;
}
