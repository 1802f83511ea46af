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
    // 24-hour digits only: "a.m." carries narrow no-break spaces a code page may not have.
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return layoutReceipt(receipt, {
    columns: columnsOf(receipt.paperWidth),
    labels: receiptLabels('es-MX'),
    formatDate: (at) => date.format(at),
  });
}
