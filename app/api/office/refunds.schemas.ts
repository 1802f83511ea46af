import { z } from 'zod';
import type { RefundsContract } from './refunds.contract';

const none = z.strictObject({});
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// A refund is never above a counter sale's card charge; 10 million pesos bounds it far above that.
const amount = z.number().int().min(1).max(1_000_000_000);
// Free text a manager types: one line or a few, no control characters but newlines.
/** True when the text has no control characters other than newlines. */
function printable(text: string): boolean {
  return [...text].every((c) => c === '\n' || (c >= ' ' && c !== '\u007f'));
}
const note = z.string().trim().min(1).max(500).refine(printable, 'no control characters');

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const refundsSchemas: { [C in keyof RefundsContract]: z.ZodType<RefundsContract[C]['args']> } = {
  'office.home.get': none,
  'office.refunds.preview': z.strictObject({ paymentId: id }),
  'office.refunds.create': z.strictObject({ paymentId: id, amount }),
  'office.refunds.list': z.strictObject({ paymentId: id.optional() }),
  'office.openItems.list': none,
  'office.openItems.verify': z.strictObject({ paymentId: id }),
  'office.openItems.acknowledgeWebhook': z.strictObject({ eventId: id, note: note.optional() }),
  'office.openItems.addNote': z.strictObject({ paymentId: id, note }),
};
