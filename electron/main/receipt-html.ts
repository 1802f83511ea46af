import type { ReceiptDocument } from '../../app/domain/receipt-layout';

const PRINTABLE_MM: Record<number, number> = { 32: 48, 48: 72 };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The laid-out receipt as a page for an OS printer's driver (See [Note: one receipt layout]): the same
 * rows, monospace, sized so `columns` characters fill the paper's printable width (48 mm on 58 mm
 * paper, 72 mm on 80 mm). No script, no external resource: the page is loaded from a data: URL.
 */
export function receiptHtml(document: ReceiptDocument): string {
  const printable = PRINTABLE_MM[document.columns] ?? 72;
  // A monospace character is about 0.6 em wide.
  const fontMm = (printable / (document.columns * 0.6)).toFixed(2);
  const rows = document.rows
    .map((row) => {
      if (row.kind === 'rule') return '<hr>';
      if (row.kind === 'barcode') return `<div class="c">${escape(row.caption)}: ${escape(row.value)}</div>`;
      const cls = [row.style, row.align === 'center' ? 'c' : ''].join(' ');
      return `<div class="${cls}">${row.lines.map(escape).join('\n')}</div>`;
    })
    .join('');
  return `<!doctype html><html lang="es-MX"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: ${printable + 10}mm auto; margin: 0 }
body { margin: 0 5mm; font: ${fontMm}mm/1.2 'DejaVu Sans Mono', Consolas, monospace; width: ${printable}mm }
div { white-space: pre } .c { text-align: center; white-space: pre-wrap }
.strong, .total, .large { font-weight: bold } .large { font-size: 2em } .total { font-size: 1.2em }
hr { border: none; border-top: 1px dashed #000 }
</style></head><body>${rows}</body></html>`;
}
