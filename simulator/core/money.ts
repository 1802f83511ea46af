// Money crosses the wire as JSON numbers (requests) and two-decimal strings (webhooks); inside the simulator it
// is integer centavos so that magic-amount checks and refund sums never meet floating-point drift.

/** Integer number of centavos. */
export type Cents = number;

/**
 * Converts a wire amount to centavos, or null when it has more than two decimals.
 * Uses the shortest decimal representation JS prints, so `0.1 + 0.2` (0.30000000000000004) is rejected, exactly
 * as a strict server would treat a client with a rounding bug.
 */
export function toCents(amount: number): Cents | null {
  if (!Number.isFinite(amount)) return null;
  const text = String(Math.abs(amount));
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  if (!Number.isSafeInteger(cents)) return null;
  return amount < 0 ? -cents : cents;
}

/** Formats centavos as the webhook's two-decimal string, e.g. 15000 → "150.00". */
export function formatCents(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Centavos back to a JSON number with at most two decimals (for echoes in control views). */
export function centsToNumber(cents: Cents): number {
  return Number(formatCents(cents));
}
