/**
 * [Note: one receipt layout]
 * A receipt is laid out once, here, into rows of text that fit the paper's columns (32 at 58 mm, 48
 * at 80 mm, font A). The ESC/POS encoder (infra/printer/escpos-receipt.ts) prints these rows and the
 * renderer's receipt view shows the same rows in a monospace block, so paper and screen can never
 * disagree. Rules that keep text from running together:
 * - a name and its amount share a line only when a space still separates them; otherwise the name
 *   wraps (at word boundaries, hard-cut only inside a word longer than the line) and the amount
 *   goes, right-aligned, on the last line or one of its own;
 * - `large` rows are printed at double width, so they are laid out at half the columns;
 * - every line is at most `columns` characters, which the tests check at both widths.
 * Pure: no I/O, no Intl (money is formatted here so the ticket is the same on every PC).
 */
import type { Centavos } from './money';
import type { Receipt, ReceiptLine, ReceiptPayment } from './receipt';
import type { ReceiptLabels } from './receipt-labels';
import { saleBarcodeValue } from './sale-barcode';

/** How a row prints. `strong` is bold; `total` bold at double height; `large` double width and height. */
export type RowStyle = 'normal' | 'small' | 'strong' | 'total' | 'large';

/** What a row is, for the screen's test ids and the encoder's emphasis. */
export type RowRole =
  'store' | 'rfc' | 'date' | 'line' | 'total' | 'charged' | 'payment' | 'payment-number' | 'change' | 'legal';

/** One laid-out row: one or more printed lines of at most `columns` characters. */
export interface TextRow {
  kind: 'text';
  lines: string[];
  style: RowStyle;
  align: 'left' | 'center';
  role?: RowRole | undefined;
  /** The amount at the end of the last line, when the row is a name + amount pair. */
  amount?: string | undefined;
  /** Payment rows: which tender (index into receipt.payments) they belong to. */
  payment?: number | undefined;
}

/** A receipt, laid out for one paper width. */
export interface ReceiptDocument {
  columns: number;
  rows: (TextRow | { kind: 'rule' } | { kind: 'barcode'; value: string; caption: string })[];
}

/** How the layout writes dates; the caller knows the store's zone and the language. */
export interface LayoutOptions {
  columns: number;
  labels: ReceiptLabels;
  formatDate: (epochMs: number) => string;
}

/** MXN the Mexican way ("$1,234.50", "-$5.00"), without Intl so every PC prints the same. */
export function formatPesos(amount: Centavos): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const pesos = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${pesos}.${String(abs % 100).padStart(2, '0')}`;
}

/** Splits `text` into lines of at most `width`, at spaces where it can; a leading indent is kept on each line. */
export function wrapText(text: string, width: number): string[] {
  const indent = /^ */.exec(text)?.[0] ?? '';
  if (indent && indent.length < width) {
    return wrapWords(text.slice(indent.length), width - indent.length).map((line) => indent + line);
  }
  return wrapWords(text, width);
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    // A word longer than the line is cut: better than a line the printer wraps on its own.
    while (rest.length > width) {
      if (current) lines.push(current);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      current = '';
    }
    if (!current) current = rest;
    else if (current.length + 1 + rest.length <= width) current = `${current} ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** `left` and `right` on one line with at least one space between, wrapping `left` when needed. */
export function pairLines(left: string, right: string, width: number): string[] {
  const wrapped = wrapText(left, width);
  const last = wrapped.at(-1) ?? '';
  if (last.length + 1 + right.length <= width) {
    wrapped[wrapped.length - 1] = last + ' '.repeat(width - last.length - right.length) + right;
    return wrapped;
  }
  return [...wrapped, right.padStart(width)];
}

/** Lays `receipt` out in rows of `options.columns` characters. See [Note: one receipt layout]. */
export function layoutReceipt(receipt: Receipt, options: LayoutOptions): ReceiptDocument {
  const { columns: width, labels: l } = options;
  const rows: ReceiptDocument['rows'] = [];
  const text = (value: string, style: RowStyle = 'normal', extra: Partial<TextRow> = {}) => {
    const columns = style === 'large' ? Math.floor(width / 2) : width;
    rows.push({ kind: 'text', lines: wrapText(value, columns), style, align: 'left', ...extra });
  };
  const centered = (value: string, style: RowStyle = 'normal', role?: RowRole) =>
    text(value, style, { align: 'center', role });
  const pair = (left: string, amount: Centavos, style: RowStyle = 'normal', extra: Partial<TextRow> = {}) => {
    const columns = style === 'large' ? Math.floor(width / 2) : width;
    const right = formatPesos(amount);
    rows.push({
      kind: 'text',
      lines: pairLines(left, right, columns),
      style,
      align: 'left',
      amount: right,
      ...extra,
    });
  };

  centered(receipt.storeName, 'strong', 'store');
  if (receipt.storeRfc) centered(l.rfc(receipt.storeRfc), 'normal', 'rfc');
  if (receipt.storeAddress) centered(receipt.storeAddress);
  centered(l.sale(receipt.saleId));
  centered(options.formatDate(receipt.completedAt), 'normal', 'date');
  if (receipt.cashier) centered(l.cashier(receipt.cashier));
  rows.push({ kind: 'rule' });
  for (const line of receipt.lines) layoutLine(line, l, { pair, text });
  rows.push({ kind: 'rule' });
  pair(l.subtotal, receipt.totals.subtotal);
  for (const entry of receipt.totals.ivaBreakdown) {
    pair(l.iva(`${entry.rateBp / 100} %`, formatPesos(entry.base)), entry.iva);
  }
  pair(l.total, receipt.totals.total, 'total', { role: 'total' });
  const tips = receipt.payments.reduce((sum, p) => sum + p.tip, 0);
  if (tips > 0) {
    pair(l.tip, tips);
    // What left the customer's pocket: the sale plus the tip (issue 14, item 8).
    pair(l.charged, receipt.totals.total + tips, 'total', { role: 'charged' });
  }
  rows.push({ kind: 'rule' });
  receipt.payments.forEach((payment, index) => layoutPayment(payment, index, l, { pair, text }));
  rows.push({ kind: 'rule' });
  centered(receipt.footer || l.thanks);
  centered(l.notFiscal, 'strong', 'legal');
  rows.push({ kind: 'barcode', value: saleBarcodeValue(receipt.saleId), caption: l.saleCode });
  return { columns: width, rows };
}

type Emit = {
  pair: (left: string, amount: Centavos, style?: RowStyle, extra?: Partial<TextRow>) => void;
  text: (value: string, style?: RowStyle, extra?: Partial<TextRow>) => void;
};

/** A sale line: the name with its amount, then the quantity and any discount beneath. */
function layoutLine(line: ReceiptLine, l: ReceiptLabels, emit: Emit) {
  const quantity =
    line.quantityText ??
    (line.quantity === 1 ? null : l.quantity(line.quantity, formatPesos(line.unitPrice)));
  emit.pair(line.name, line.gross, 'normal', { role: 'line' });
  if (quantity) emit.text(`  ${quantity}`, 'small');
  if (line.discount > 0) emit.pair(`  ${l.discount}`, -line.discount, 'small');
}

/** A tender: card with what identifies the charge (or says plainly what is missing), or cash with the change. */
function layoutPayment(p: ReceiptPayment, index: number, l: ReceiptLabels, emit: Emit) {
  const tag = { role: 'payment' as const, payment: index };
  if (p.method === 'cash') {
    emit.pair(l.cash, p.amount, 'normal', tag);
    emit.pair(l.tendered, p.tendered ?? p.amount, 'normal', tag);
    // The change is what the cashier counts out: large on paper and on screen (issue 14, item 8).
    if (p.change !== null) emit.pair(l.change, p.change, 'large', { ...tag, role: 'change' });
    emit.text(l.payment(p.paymentId), 'small', { ...tag, role: 'payment-number' });
    return;
  }
  const known = p.cardBrand !== null || p.cardLast4 !== null || p.authorizationCode !== null;
  const card = p.cardBrand || p.cardLast4 ? l.card(p.cardBrand ?? '', p.cardLast4 ?? '····') : l.cardUnknown;
  emit.pair(card.replace(/ {2,}/g, ' '), p.amount + p.tip, 'strong', tag);
  if (p.authorizationCode) emit.text(l.authorization(p.authorizationCode), 'normal', tag);
  if (p.msi > 0) emit.text(l.msi(p.msi), 'normal', tag);
  if (p.tip > 0) emit.text(l.tipIncluded(formatPesos(p.tip)), 'normal', tag);
  if (!known) {
    emit.text(l.cardDataMissing, 'small', tag);
    if (p.transactionId) emit.text(l.transaction(p.transactionId), 'small', tag);
  }
  if (p.reference) emit.text(`${l.reference} ${p.reference}`, 'small', tag);
  emit.text(l.payment(p.paymentId), 'small', { ...tag, role: 'payment-number' });
}
