/**
 * ESC/POS bytes for a laid-out receipt, built with @point-of-sale/receipt-printer-encoder (no
 * hand-written command tables). See [Note: one receipt layout] for where the rows come from.
 *
 * [Note: receipt code page]
 * Spanish needs á é í ó ú ñ ¿ ¡ (and ü, ·, ×). CP858 (CP850 plus €) has them all and is in the
 * Epson table of every ESC/POS printer sold here (ESC t 19); the encoder selects it with the Epson
 * mapping and falls back per character only when one is missing (box drawing for rules). The tests
 * decode the bytes with CP858 (iconv-lite) and through the fake printer to prove it.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptDocument, TextRow } from '../../domain/receipt-layout';
import type { PrinterLogo } from '../../domain/printer';

/** The code page receipts are printed in. See [Note: receipt code page]. */
export const RECEIPT_CODE_PAGE = 'cp858';

/** What goes with the rows: a drawer pulse (cash), the cut (once, at the end), an optional logo. */
export interface EscPosOptions {
  openDrawer: boolean;
  /** Rows only (a drawer kick alone has none): no cut then, nothing to tear off. */
  cut: boolean;
  logo?: LogoImage | null | undefined;
}

/** A monochrome logo, as the settings store it: width a multiple of 8, RGBA pixels. */
export interface LogoImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The stored one-bit logo as the RGBA pixels the encoder takes (black stays black). */
export function logoImage(logo: PrinterLogo): LogoImage {
  const bits = Buffer.from(logo.bits, 'base64');
  const data = new Uint8ClampedArray(logo.width * logo.height * 4);
  for (let dot = 0; dot < logo.width * logo.height; dot++) {
    const black = ((bits[dot >> 3] ?? 0) >> (7 - (dot & 7))) & 1;
    data.fill(black ? 0 : 255, dot * 4, dot * 4 + 3);
    data[dot * 4 + 3] = 255;
  }
  return { width: logo.width, height: logo.height, data };
}

function encoderFor(columns: number) {
  return new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    codepageMapping: 'epson',
    newline: '\n',
    feedBeforeCut: 4,
  });
}

function printRow(encoder: ReceiptPrinterEncoder, row: TextRow) {
  encoder.align(row.align);
  if (row.style === 'large') encoder.size(2, 2);
  if (row.style === 'total') encoder.height(2);
  const bold = row.style === 'strong' || row.style === 'total' || row.style === 'large';
  if (bold) encoder.bold(true);
  for (const line of row.lines) encoder.line(line);
  if (bold) encoder.bold(false);
  if (row.style === 'large' || row.style === 'total') encoder.size(1, 1);
  encoder.align('left');
}

/** The bytes of `document` (null: a drawer kick alone). */
export function encodeEscPos(document: ReceiptDocument | null, options: EscPosOptions): Uint8Array {
  const encoder = encoderFor(document?.columns ?? 48)
    .initialize()
    .codepage(RECEIPT_CODE_PAGE);
  if (document && options.logo) {
    encoder
      .align('center')
      .image(options.logo, options.logo.width, options.logo.height, 'threshold')
      .align('left');
  }
  for (const row of document?.rows ?? []) {
    if (row.kind === 'rule') encoder.rule();
    else if (row.kind === 'barcode') {
      encoder
        .align('center')
        .barcode(row.value, 'code128', { height: 60, text: 'below' })
        .line(row.caption)
        .align('left');
    } else printRow(encoder, row);
  }
  // The pulse before the cut: the drawer opens while the ticket is still being torn off.
  if (options.openDrawer) encoder.pulse();
  if (options.cut) encoder.cut();
  return encoder.encode();
}
