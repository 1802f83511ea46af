/**
 * The catalog's spreadsheets on exceljs (.xlsx) and papaparse (.csv); iconv-lite decodes the
 * Windows-1252 CSVs that Excel on Windows and older POS (eleventa, SICAR) still write.
 * No hand-written parser: these only pick the first sheet and turn cells into text or numbers.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { ProductProblem } from '../../domain/products/product-problems';
import type { CatalogFormat } from '../../domain/products/products-admin';
import type { CatalogFiles, SheetCell, SheetRead, SheetRow } from '../../ports/catalog-files.port';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
// The old binary Excel (.xls) and every other OLE2 document.
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** What a file that is not a spreadsheet looks like, for the unusable-input message. */
function notASpreadsheet(bytes: Uint8Array): ProductProblem | null {
  if (bytes.length === 0) return { code: 'file_empty' };
  if (startsWith(bytes, PDF_MAGIC)) return { code: 'file_pdf' };
  if (startsWith(bytes, OLE2_MAGIC)) return { code: 'file_old_excel' };
  return null;
}

/** A cell's value as text or number: formulas give their cached result, merged cells their top-left's. */
function cellValue(cell: ExcelJS.Cell): SheetCell {
  // exceljs hands a merged cell's value from its master (the top-left cell).
  const value = cell.isMerged ? cell.master.value : cell.value;
  return plain(value);
}

function plain(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('result' in value) {
    // A formula without a cached result (never calculated) reads as empty.
    const result = value.result;
    if (result === undefined || (typeof result === 'object' && result !== null && 'error' in result)) {
      return null;
    }
    return plain(result as ExcelJS.CellValue);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return plain(value.text as ExcelJS.CellValue);
  if ('error' in value) return null;
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRead> {
  if (!startsWith(bytes, ZIP_MAGIC)) return { ok: false, problem: { code: 'file_not_xlsx' } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, problem: { code: 'file_xlsx_unreadable' } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: { code: 'file_no_sheet' } };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: SheetCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellValue(row.getCell(column)));
    rows.push({ line, cells });
  });
  return { ok: true, rows };
}

/** UTF-8 (its BOM stripped) when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(Buffer.from(body), 'win1252');
  }
}

function readCsv(bytes: Uint8Array): SheetRead {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return { ok: false, problem: { code: 'file_not_csv' } };
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const rows: SheetRow[] = [];
  // A row's line is its index + 1: right for every catalog file seen, which never quote a line break
  // inside a cell (a file that does shifts the numbers after that cell).
  parsed.data.forEach((cells, index) => {
    rows.push({ line: index + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) });
  });
  return { ok: true, rows };
}

/** The catalog's files, on exceljs, papaparse and iconv-lite. */
export class SpreadsheetFiles implements CatalogFiles {
  formatOf(fileName: string): CatalogFormat | null {
    const lower = fileName.toLowerCase();
    if (lower.endsWith('.xlsx')) return 'xlsx';
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
    return null;
  }

  async read(bytes: Uint8Array, format: CatalogFormat): Promise<SheetRead> {
    const problem = notASpreadsheet(bytes);
    if (problem) return { ok: false, problem };
    return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
  }

  async write(
    format: CatalogFormat,
    header: readonly string[],
    rows: readonly SheetCell[][],
  ): Promise<Uint8Array> {
    if (format === 'csv') {
      const text = Papa.unparse([header as string[], ...rows.map((r) => r.map((c) => c ?? ''))], {
        newline: '\r\n',
      });
      return new Uint8Array(Buffer.from(`\uFEFF${text}\r\n`, 'utf8'));
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Productos');
    sheet.addRow([...header]).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    sheet.columns.forEach((column) => (column.width = 18));
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
}
