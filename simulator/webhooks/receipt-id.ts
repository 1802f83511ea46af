// The webhook's `url` is "a unique identifier for accessing the transaction ticket" (§3.2). Deriving it from the
// transaction id keeps it opaque-looking yet lets `/ticket/{url}` find the sale without another index.

/** The receipt id for a transaction id: its number in hex. */
export function receiptIdFor(transactionId: string): string {
  return Number(transactionId).toString(16);
}

/** The transaction id behind a receipt id, or null when it is not one of ours. */
export function transactionIdFromReceipt(receiptId: string): string | null {
  if (!/^[0-9a-f]{1,12}$/.test(receiptId)) return null;
  return String(parseInt(receiptId, 16));
}
