import { columnsOf } from '../../domain/printer';
import type { Receipt } from '../../domain/receipt';
import { receiptLabels } from '../../domain/receipt-labels';
import { layoutReceipt, type ReceiptDocument } from '../../domain/receipt-layout';

/**
 * The printed ticket of `receipt`, at its paper width, in Spanish (the customer's language), with the
 * date and time in the store's zone. The screen lays out the same receipt the same way
 * (See [Note: one receipt layout]).
 */
export function printedReceipt(receipt: Receipt): ReceiptDocument {
  const date = new Intl.DateTimeFormat('es-MX', {
    timeZone: receipt.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return layoutReceipt(receipt, {
    columns: columnsOf(receipt.paperWidth),
    labels: receiptLabels('es-MX'),
    formatDate: (at) => date.format(at),
  });
}
