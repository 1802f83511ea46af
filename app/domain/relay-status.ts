/** The relay connection as the status bar shows it. */
export interface RelayStatus {
  state: 'disabled' | 'connecting' | 'connected' | 'reconnecting' | 'stopped';
  /** Why the client stopped or keeps failing: needs a person (token, key, cursor) or just the network. */
  problem:
    | null
    | 'unauthorized'
    | 'signature_invalid'
    | 'cursor_ahead'
    | 'store_mismatch'
    | 'replaced'
    | 'unsupported_protocol'
    | 'unreachable'
    /**
     * An event arrived but this PC's database would not store it (locked past busy_timeout, disk
     * full, any error): it was not acknowledged, and the client reconnects with backoff so the relay
     * sends it again from the cursor. Cleared by the next event stored.
     */
    | 'storage_error';
  /** Epoch ms of the next connection attempt, while reconnecting. */
  nextAttemptAt: number | null;
  /** Epoch ms when the last event arrived. */
  lastEventAt: number | null;
  /** Events stored at the relay that this PC has not yet stored. */
  lag: number | null;
  /** Highest event sequence stored here. */
  cursor: number;
}

/** The status before any relay connection exists (none configured yet, or not started). */
export function relayDisabled(cursor = 0): RelayStatus {
  return { state: 'disabled', problem: null, nextAttemptAt: null, lastEventAt: null, lag: null, cursor };
}
