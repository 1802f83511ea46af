import { centavosToDecimalString } from './money';
import type { Receipt } from './receipt';
import { weighedLineText } from './weighed-line';

/** A block of a terminal ticket, as Kushki's print-ticket takes it (cloud-terminal-api.md §2.6). */
export type TicketBlockSpec =
  | {
      type: 'text';
      value: string;
      size?: 'small' | 'normal' | 'big';
      bold?: boolean;
      align?: 'left' | 'center' | 'right';
    }
  | { type: 'line' }
  | {
      type: 'column';
      value: [string, string] | [string, string, string];
      align?: 'left' | 'center' | 'right';
    };

// The terminal's printer is about 32 characters wide; long product names are cut, never wrapped mid-word badly.
const NAME_WIDTH = 22;

const money = (centavos: number) => `$${centavosToDecimalString(centavos)}`;

/** Lays a stored receipt out as terminal ticket blocks: header, lines, IVA, total, tenders, date. */
export function receiptTicket(receipt: Receipt, formatDate: (epochMs: number) => string): TicketBlockSpec[] {
  const blocks: TicketBlockSpec[] = [
    { type: 'text', value: receipt.storeName.slice(0, 60), size: 'big', bold: true, align: 'center' },
    ...headerLines(receipt),
    { type: 'text', value: `Venta ${receipt.saleId} · ${formatDate(receipt.completedAt)}`, align: 'center' },
    { type: 'line' },
  ];
  for (const line of receipt.lines) {
    const weighed = weighedLineText(line);
    const label = weighed === null ? `${line.quantity} ${line.name}` : line.name;
    blocks.push({ type: 'column', value: [label.slice(0, NAME_WIDTH), money(line.gross)] });
    if (weighed !== null) blocks.push({ type: 'text', value: weighed, size: 'small' });
  }
  blocks.push({ type: 'line' });
  for (const entry of receipt.totals.ivaBreakdown.filter((e) => e.iva > 0)) {
    blocks.push({ type: 'column', value: [`IVA ${entry.rateBp / 100} %`, money(entry.iva)] });
  }
  blocks.push({ type: 'column', value: ['TOTAL', money(receipt.totals.total)] });
  for (const p of receipt.payments) {
    if (p.method === 'card') {
      const card = [p.cardBrand, p.cardLast4 ? `**${p.cardLast4}` : null].filter(Boolean).join(' ');
      blocks.push({ type: 'column', value: [`Tarjeta ${card}`.slice(0, NAME_WIDTH), money(p.amount)] });
      if (p.authorizationCode)
        blocks.push({ type: 'text', value: `Aut. ${p.authorizationCode}`, size: 'small' });
    } else {
      blocks.push({ type: 'column', value: ['Efectivo', money(p.tendered ?? p.amount)] });
      if (p.change) blocks.push({ type: 'column', value: ['Cambio', money(p.change)] });
    }
    // The number the refund and return screens ask for (issue 14).
    blocks.push({ type: 'text', value: `Pago ${p.paymentId}`, size: 'small' });
  }
  if (receipt.cashier) blocks.push({ type: 'text', value: `Le atendió: ${receipt.cashier}`, size: 'small' });
  blocks.push({ type: 'text', value: receipt.footer || 'Gracias por su compra', align: 'center' });
  return blocks;
}

/** The RFC and address under the store's name, when the manager set them. */
function headerLines(receipt: Receipt): TicketBlockSpec[] {
  return [receipt.storeRfc ? `RFC ${receipt.storeRfc}` : '', receipt.storeAddress]
    .filter((value) => value !== '')
    .map((value) => ({ type: 'text', value: value.slice(0, 120), size: 'small', align: 'center' }));
}
