/**
 * The Z report's exports read back: the CSV as Excel would take it (BOM, CRLF, RFC 4180 quoting,
 * accents, plain-decimal MXN amounts) and the PDF through pdf-parse (totals and accented words).
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../app/api/contract';
import type { DailyReport, ExportedBinary, ExportedText } from '../../../app/domain/office/reports';
import { createCore, databaseFileIn, type Core } from '../../../app/host/create-core';
import { openDatabase } from '../../../app/infra/db/open-database';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';
import { seedZReportHistory, SEED_DAY } from '../../support/office/z-report-seed';

/** A cashier whose name needs quoting in CSV and WinAnsi in PDF: comma, quotes, ñ, ú, Á, ¿. */
const TRICKY_NAME = 'Ñandú Álvarez, "¿Quién?"';

/** A strict RFC 4180 reader: CRLF rows, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** Centavos as the CSV writes them. */
const plain = (c: number) => (c < 0 ? '-' : '') + (Math.abs(c) / 100).toFixed(2);

let core: Core;
const call = async <T>(channel: Channel, args: unknown): Promise<T> => {
  const reply = await core.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value as T;
};

beforeAll(async () => {
  const dataDir = freshDataDir();
  createCore({ dataDir, shell: 'web', logger: recordingLogger().logger }).close();
  const db = openDatabase(databaseFileIn(dataDir));
  seedZReportHistory(db);
  // The tricky cashier takes one approved cash sale at noon of the seeded day.
  const user = Number(
    db
      .prepare(`INSERT INTO users (name, role, pin_hash, created_at) VALUES (?, 'cashier', 'x', 0)`)
      .run(TRICKY_NAME).lastInsertRowid,
  );
  const noon = Date.UTC(2026, 10, 23, 18);
  const sale = Number(
    db
      .prepare(
        `INSERT INTO sales (status, opened_at, updated_at, completed_at, total_centavos, iva_centavos)
         VALUES ('completed', ?, ?, ?, 1234, 170)`,
      )
      .run(noon, noon, noon).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO payments (sale_id, method, status, amount_centavos, tendered_centavos, change_centavos, created_by,
       created_at, updated_at) VALUES (?, 'cash', 'approved', 1234, 2000, 766, ?, ?, ?)`,
  ).run(sale, user, noon, noon);
  db.close();
  core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
  await signInDemoManager(core);
});
afterAll(() => core.close());

describe('Z report exports', () => {
  it('writes a CSV Excel reads right: BOM, CRLF, quoting, accents, MXN decimals', async () => {
    const report = await call<DailyReport>('office.reports.daily', { day: SEED_DAY });
    const file = await call<ExportedText>('office.reports.exportCsv', { day: SEED_DAY });
    expect(file.fileName).toBe(`reporte-z-${SEED_DAY}.csv`);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const body = file.content.slice(1);
    expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(body);
    expect(rows[0]).toEqual(['Reporte Z', SEED_DAY]);
    expect(rows).toContainEqual(['Moneda', 'MXN']);
    const header = rows.find((r) => r[0] === 'Sección')!;
    expect(header).toContain('Ventas (MXN)');
    expect(header).toContain('Devoluciones (núm.)');
    const t = report.totals;
    expect(rows.find((r) => r[0] === 'Totales')).toEqual([
      'Totales',
      SEED_DAY,
      String(t.count),
      plain(t.sales),
      plain(t.tips),
      plain(t.iva),
      String(t.refundCount),
      plain(t.refunds),
      plain(t.net),
    ]);
    expect(t.sales % 100).not.toBe(0); // the amounts have centavos, so decimals are really checked
    const tricky = rows.find((r) => r[0] === 'Cajero' && r[1] === TRICKY_NAME);
    expect(tricky?.slice(2, 4)).toEqual(['1', '12.34']);
    expect(rows).toContainEqual(expect.arrayContaining(['Cajero', 'Begoña Íñiguez']));
    expect(rows.find((r) => r[0] === 'Forma de pago' && r[1] === 'Efectivo')).toBeDefined();
  });

  it('writes a PDF whose text holds the totals and the accented words', async () => {
    const report = await call<DailyReport>('office.reports.daily', { day: SEED_DAY });
    const file = await call<ExportedBinary>('office.reports.exportPdf', { day: SEED_DAY });
    expect(file).toMatchObject({ fileName: `reporte-z-${SEED_DAY}.pdf`, mimeType: 'application/pdf' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const { text } = await parser.getText();
    await parser.destroy();
    for (const words of [
      'Reporte Z',
      'Día',
      'Sección',
      'Begoña Íñiguez',
      'Ñandú Álvarez',
      '¿Quién?',
      'Turnos',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(plain(report.totals.sales));
    expect(text).toContain(plain(report.totals.net));
    expect(text).toContain(plain(report.cashOutsideShifts.amount));
  });

  it('records each export in the audit log', async () => {
    const { default: Sqlite } = await import('better-sqlite3');
    const db = new Sqlite(core.databaseFile, { readonly: true });
    const rows = db
      .prepare<[], { details: string }>(
        `SELECT details FROM audit_log WHERE action = 'report.exported' ORDER BY id`,
      )
      .all();
    db.close();
    expect(rows.map((r) => JSON.parse(r.details))).toEqual([{ format: 'csv' }, { format: 'pdf' }]);
  });
});
