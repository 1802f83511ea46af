/**
 * The Z report as a PDF, drawn on the trusted side with pdf-lib's standard Helvetica. Its WinAnsi
 * encoding covers Spanish (ñ, á, é, í, ó, ú, ü, ¿, ¡); any other character is replaced so a
 * cashier's name in another script can never make the export fail.
 */
// Types only at the top: pdf-lib itself is loaded on the first export, not at every start of the app.
import type { StoreTimeZone } from '../../../domain/store-time-zone';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { DailyReport } from '../../../domain/office/reports';
import {
  breakdownHeader,
  breakdownRows,
  decimal,
  shiftHeader,
  shiftRows,
  storeDateTime,
} from './report-rows';
import type { ReportLabels } from './report-labels';
import { registerHeader, registerRows, scopeRow } from './register-rows';

// US Letter, landscape: the breakdown has nine columns.
const PAGE: [number, number] = [792, 612];
const MARGIN = 36;
const LINE = 13;
const SIZE = 8;
// Space between columns.
const GAP = 6;

/** Draws text top-down across pages. */
class Writer {
  private page: PDFPage;
  private y: number;
  private readonly charset: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly black: Color,
  ) {
    this.charset = new Set(font.getCharacterSet());
    this.page = doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  /** Text the standard font can encode: unsupported characters become '?'. */
  private safe(text: string): string {
    return [...text].map((ch) => (this.charset.has(ch.codePointAt(0) ?? 0) ? ch : '?')).join('');
  }

  private room(lines: number): void {
    if (this.y - lines * LINE >= MARGIN) return;
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  heading(text: string, size = 12): void {
    this.room(2);
    this.y -= size + 4;
    this.page.drawText(this.safe(text), { x: MARGIN, y: this.y, size, font: this.bold });
    this.y -= 4;
  }

  line(text: string): void {
    this.room(1);
    this.y -= LINE;
    this.page.drawText(this.safe(text), { x: MARGIN, y: this.y, size: SIZE + 1, font: this.font });
  }

  /**
   * A table: columns as wide as their widest cell (shrunk together if the page is too narrow); the
   * first `textColumns` columns left-aligned, the rest (numbers) right-aligned.
   */
  table(header: string[], rows: string[][], textColumns: number): void {
    const widest = header.map(
      (h, i) =>
        Math.max(
          this.bold.widthOfTextAtSize(this.safe(h), SIZE),
          ...rows.map((r) => this.font.widthOfTextAtSize(this.safe(r[i] ?? ''), SIZE)),
        ) + GAP,
    );
    const total = widest.reduce((a, b) => a + b, 0);
    const scale = Math.min(1, (PAGE[0] - 2 * MARGIN) / total);
    const widths = widest.map((w) => w * scale);
    const draw = (cells: string[], font: PDFFont) => {
      this.room(1);
      this.y -= LINE;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        const text = this.fit(this.safe(cell), font, width - GAP);
        const dx = i >= textColumns ? width - GAP - font.widthOfTextAtSize(text, SIZE) : 0;
        this.page.drawText(text, { x: x + dx, y: this.y, size: SIZE, font, color: this.black });
        x += width;
      });
    };
    draw(header, this.bold);
    for (const row of rows) draw(row, this.font);
    this.y -= 6;
  }

  private fit(text: string, font: PDFFont, width: number): string {
    let fitted = text;
    while (fitted.length > 1 && font.widthOfTextAtSize(fitted, SIZE) > width) fitted = fitted.slice(0, -1);
    return fitted;
  }
}

/** The Z report as PDF bytes. */
export async function reportPdf(
  report: DailyReport,
  context: { storeName: string; generatedAt: number; labels: ReportLabels; timeZone: StoreTimeZone },
): Promise<Uint8Array> {
  const l = context.labels;
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(`${l.title} ${report.day}`);
  doc.setCreator('Caja');
  doc.setCreationDate(new Date(context.generatedAt));
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
    rgb(0, 0, 0),
  );
  w.heading(`${l.title} · ${report.day}`, 16);
  w.line(`${l.day}: ${report.day} · ${l.store}: ${context.storeName} · ${scopeRow(report, l).join(': ')}`);
  w.line(`${l.currency}: MXN · ${l.generated}: ${storeDateTime(context.generatedAt, context.timeZone)}`);
  w.heading(l.totals);
  if (report.totals.count === 0 && report.totals.refundCount === 0) w.line(l.noSales);
  w.table(breakdownHeader(l), breakdownRows(report, l), 2);
  w.heading(l.byRegister);
  w.table(registerHeader(l, true), registerRows(report.byRegister), 1);
  w.heading(l.shifts);
  if (report.shifts.length === 0) w.line(l.noShifts);
  // Thirteen columns do not fit across a page: each shift is a line of where, who and when, then its cash.
  const header = shiftHeader(l);
  for (const row of shiftRows(report.shifts, l, context.timeZone)) {
    w.line(
      header
        .slice(0, 5)
        .map((h, i) => `${h}: ${row[i] ?? ''}`)
        .join(' · '),
    );
    w.table(header.slice(5), [row.slice(5)], 0);
  }
  w.line(
    `${l.outsideShifts}: ${report.cashOutsideShifts.count} · ${decimal(report.cashOutsideShifts.amount)} MXN`,
  );
  return doc.save();
}
