/**
 * Catalog import and export through the real core on a real SQLite file, with real .xlsx and .csv
 * files written by the test (exceljs, iconv-lite): every error class gives a row-level error (or an
 * unusable-input error) and writes nothing for that row; a re-import changes nothing; stock imported
 * lands in the ledger; price changes are audited.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ExportedBinary } from '../../../app/domain/office/reports';
import type { ProductPage, ImportSummary } from '../../../app/domain/products/products-admin';
import { ean13CheckDigit } from '../../../app/domain/ean13';
import { csvText, fileArgs, managerCore, xlsxBytes } from '../../support/office/products-harness';

const HEADER = [
  'Código',
  'Código de barras',
  'Descripción',
  'Precio venta',
  'IVA',
  'Departamento',
  'Existencia',
];

describe('catalog import', () => {
  it('reports every bad row with its line and column and imports only the good ones', async () => {
    const { call, query } = await managerCore();
    const csv = csvText([
      HEADER,
      ['NUEVO-1', '7501234567893', 'Café de olla 250 g', '85.50', '16%', 'Abarrotes', 10],
      ['NUEVO-2', '7501234567890', 'Mal dígito', '10', '16', 'Abarrotes', ''],
      ['NUEVO-3', '', 'Precio negativo', '-5', '16', '', ''],
      ['NUEVO-4', '', 'Precio texto', 'diez pesos', '16', '', ''],
      ['NUEVO-5', '', 'IVA raro', '10', '15%', '', ''],
      ['NUEVO-1', '', 'Repetido', '10', '16', '', ''],
      ['NUEVO-6', '7501234567893', 'Código de barras repetido', '10', '16', '', ''],
      ['NUEVO-7', '', 'Exento', '12', 'EXENTO', '', ''],
    ]);
    const args = fileArgs('catalogo.csv', Buffer.from(csv, 'utf8'));
    const preview = await call<ImportSummary>('office.products.importPreview', args);
    const expected = {
      rows: 8,
      imported: 2,
      updated: 0,
      unchanged: 0,
      rejected: 6,
      issues: [
        { line: 3, column: 'Código de barras', reason: '7501234567890 has a wrong EAN-13 check digit' },
        { line: 4, column: 'Precio venta', reason: 'price negative' },
        { line: 5, column: 'Precio venta', reason: 'price not an amount: "diez pesos"' },
        { line: 6, column: 'IVA', reason: 'unknown IVA "15%" (use 16%, 8%, 0% or exento)' },
        { line: 7, column: 'Código', reason: 'código NUEVO-1 repeated: already on line 2' },
        { line: 8, column: 'Código de barras', reason: 'barcode 7501234567893 repeated: already on line 2' },
      ],
    };
    expect(preview).toMatchObject(expected);
    // A preview writes nothing.
    expect(query(`SELECT id FROM products WHERE sku LIKE 'NUEVO-%'`)).toEqual([]);

    expect(await call<ImportSummary>('office.products.importCommit', args)).toMatchObject(expected);
    const skus = query<{ sku: string }>(`SELECT sku FROM products WHERE sku LIKE 'NUEVO-%' ORDER BY sku`);
    expect(skus.map((r) => r.sku)).toEqual(['NUEVO-1', 'NUEVO-7']);
    const [cafe] = (await call<ProductPage>('office.products.list', { text: 'cafe de olla' })).items;
    expect(cafe).toMatchObject({
      price: 8550,
      iva: { kind: 'rate', rateBp: 1600 },
      barcodes: ['7501234567893'],
      trackStock: true,
      stock: 10_000,
    });
    // Existencia became an `import` movement, so the ledger sums to the stock.
    expect(
      query(`SELECT kind, quantity_milli AS q FROM stock_movements WHERE product_id = ?`, cafe!.id),
    ).toEqual([{ kind: 'import', q: 10_000 }]);
    const [exento] = (await call<ProductPage>('office.products.list', { text: 'NUEVO-7' })).items;
    expect(exento!.iva).toEqual({ kind: 'exempt' });
  });

  it('writes new products in batches as if row by row: ids in file order, stock in the ledger, codes seen', async () => {
    const { call, query } = await managerCore();
    const ean = (i: number) => {
      const first12 = `750${String(1_000_000_000 + i).slice(1)}`;
      return `${first12}${ean13CheckDigit(first12)}`;
    };
    // More rows than one batch holds (250), so several batches and a partial last one.
    const rows = Array.from({ length: 600 }, (_, i) => [
      `LOTE-${i}`,
      ean(i),
      `Producto ${i}`,
      '10',
      '16',
      '',
      i % 7,
    ]);
    // Line 602's Código is line 2's barcode (eleventa exports the barcode as the Código): it updates
    // the product line 2 created, as it would had line 2 been written on its own.
    rows.push([ean(0), '', 'Otro nombre', '12', '16', '', '']);
    const args = fileArgs('lote.csv', Buffer.from(csvText([HEADER, ...rows]), 'utf8'));
    expect(await call<ImportSummary>('office.products.importCommit', args)).toMatchObject({
      rows: 601,
      imported: 600,
      updated: 1,
      rejected: 0,
    });
    const made = query<{ id: number; sku: string; stock: number; codes: string }>(
      `SELECT p.id, p.sku, p.stock_milli AS stock, (SELECT group_concat(code) FROM product_barcodes b
          WHERE b.product_id = p.id) AS codes FROM products p WHERE sku LIKE 'LOTE-%' ORDER BY id`,
    );
    expect(query(`SELECT name, price_centavos AS price FROM products WHERE sku = 'LOTE-0'`)).toEqual([
      { name: 'Otro nombre', price: 1_200 },
    ]);
    expect(made.map((p) => p.sku)).toEqual(rows.slice(0, 600).map((r) => r[0]));
    expect(made.every((p, i) => p.codes === ean(i) && p.stock === (i % 7) * 1000)).toBe(true);
    const ledger = query<{ n: number; total: number }>(
      `SELECT COUNT(*) AS n, SUM(quantity_milli) AS total FROM stock_movements WHERE kind = 'import'`,
    );
    expect(ledger).toEqual([
      { n: made.filter((p) => p.stock !== 0).length, total: made.reduce((t, p) => t + p.stock, 0) },
    ]);
    // The counter finds them by name and by barcode (the search index was kept by the batch inserts).
    const found = await call<{ sku: string }[]>('catalog.products.search', { text: ean(599) });
    expect(found.map((p) => p.sku)).toEqual(['LOTE-599']);
  });

  it('re-importing the same file changes nothing', async () => {
    const { call, query } = await managerCore();
    const csv = csvText([HEADER, ['NUEVO-1', '7501234567893', 'Café', '85.50', '16', 'Abarrotes', 10]]);
    const args = fileArgs('catalogo.csv', Buffer.from(csv, 'utf8'));
    expect(await call<ImportSummary>('office.products.importCommit', args)).toMatchObject({ imported: 1 });
    const before = query(`SELECT * FROM products ORDER BY id`);
    const again = await call<ImportSummary>('office.products.importCommit', args);
    expect(again).toMatchObject({ rows: 1, imported: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(query(`SELECT * FROM products ORDER BY id`)).toEqual(before);
    expect(query(`SELECT COUNT(*) AS n FROM stock_movements`)).toEqual([{ n: 1 }]);
  });

  it('updates by SKU or barcode, audits the price change, and round-trips its own export', async () => {
    const { call, query } = await managerCore();
    const [cola] = (await call<ProductPage>('office.products.list', { text: 'BEB-001' })).items;
    // Only Código de barras + Precio: matched by barcode, repriced, nothing else touched.
    const csv = csvText([
      ['Código de barras', 'Precio'],
      [cola!.barcodes[0]!, '21.00'],
    ]);
    const run = await call<ImportSummary>(
      'office.products.importCommit',
      fileArgs('precios.csv', Buffer.from(csv)),
    );
    expect(run).toMatchObject({ imported: 0, updated: 1, rejected: 0 });
    const [after] = (await call<ProductPage>('office.products.list', { text: 'BEB-001' })).items;
    expect(after).toEqual({ ...cola, price: 2100 });
    const audit = query<{ details: string }>(
      `SELECT details FROM audit_log WHERE action = 'product.price_changed'`,
    );
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([
      { sku: 'BEB-001', before: { price: cola!.price }, after: { price: 2100 }, via: 'import' },
    ]);

    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await call<ExportedBinary>('office.products.export', { format });
      expect(exported.fileName).toMatch(new RegExp(`^productos-2026-11-23\\.${format}$`));
      const back = await call<ImportSummary>('office.products.importCommit', {
        fileName: exported.fileName,
        base64: exported.base64,
      });
      expect(back).toMatchObject({ imported: 0, updated: 0, rejected: 0 });
      expect(back.unchanged).toBe(back.rows);
    }
  });

  it('reads an .xlsx with formulas (cached result) and merged cells (top-left value)', async () => {
    const { call } = await managerCore();
    const bytes = await xlsxBytes(
      [
        ['Clave', 'Nombre', 'Precio costo', 'Precio Venta', 'Categoría'],
        ['HOJA-1', 'Frijol negro 1 kg', 30, { formula: 'C2*1.5', result: 45 }, 'Granos'],
        ['HOJA-2', 'Lenteja 500 g', 20, { formula: 'C3*1.5', result: 30 }, null],
      ],
      ['E2:E3'],
    );
    const run = await call<ImportSummary>('office.products.importCommit', fileArgs('hoja.xlsx', bytes));
    expect(run).toMatchObject({ imported: 2, rejected: 0, issues: [] });
    const page = await call<ProductPage>('office.products.list', { department: 'Granos' });
    expect(page.items.map((p) => [p.sku, p.price, p.cost])).toEqual([
      ['HOJA-1', 4500, 3000],
      ['HOJA-2', 3000, 2000],
    ]);
  });

  it('decodes a Windows-1252 CSV with accents', async () => {
    const { call } = await managerCore();
    const csv = csvText([
      ['Código', 'Descripción', 'Precio venta', 'Departamento'],
      ['ANSI-1', 'Jalapeños en lata', '18.50', 'Enlatados'],
      ['ANSI-2', 'Plátano macho', '25', 'Frutas y verduras'],
    ]);
    const bytes = iconv.encode(csv, 'win1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const run = await call<ImportSummary>('office.products.importCommit', fileArgs('ansi.csv', bytes));
    expect(run).toMatchObject({ imported: 2, rejected: 0 });
    const page = await call<ProductPage>('office.products.list', { department: 'Enlatados' });
    expect(page.items.map((p) => p.name)).toEqual(['Jalapeños en lata']);
    const search = await call<ProductPage>('office.products.list', { text: 'platano macho' });
    expect(search.items.map((p) => p.name)).toEqual(['Plátano macho']);
  });

  it('a new product without the required columns is refused row by row', async () => {
    const { call, query } = await managerCore();
    const csv = csvText([
      ['Código', 'Descripción'],
      ['SIN-PRECIO', 'Sin precio'],
    ]);
    const run = await call<ImportSummary>(
      'office.products.importCommit',
      fileArgs('s.csv', Buffer.from(csv)),
    );
    expect(run).toMatchObject({
      imported: 0,
      rejected: 1,
      issues: [{ line: 2, column: 'Precio venta', reason: 'required for a new product' }],
    });
    expect(query(`SELECT id FROM products WHERE sku = 'SIN-PRECIO'`)).toEqual([]);
  });

  it.each([
    ['vacio.xlsx', Buffer.alloc(0), /empty/],
    ['vacio.csv', Buffer.alloc(0), /empty/],
    ['factura.xlsx', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'), /PDF/],
    ['notas.csv', Buffer.from('hola,mundo\r\n1,2\r\n'), /no recognisable header/],
    ['catalogo.ods', Buffer.from('PK\u0003\u0004'), /\.xlsx or \.csv/],
  ])('%s is unusable input', async (fileName, bytes, message) => {
    const { core, query } = await managerCore();
    const count = query(`SELECT COUNT(*) AS n FROM products`);
    for (const channel of ['office.products.importPreview', 'office.products.importCommit'] as const) {
      const reply = await core.dispatch(channel, { fileName, base64: bytes.toString('base64') });
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('validation_failed');
        if (bytes.length > 0) expect(reply.error.message).toMatch(message);
      }
    }
    expect(query(`SELECT COUNT(*) AS n FROM products`)).toEqual(count);
  });

  it('the template has the headers and one example row, importable as is', async () => {
    const { call } = await managerCore();
    const xlsx = await call<ExportedBinary>('office.products.template', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Código');
    expect(sheet.rowCount).toBe(2);
    const csv = await call<ExportedBinary>('office.products.template', { format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFCódigo,Código de barras,Descripción,Precio venta')).toBe(true);
    const run = await call<ImportSummary>('office.products.importPreview', {
      fileName: csv.fileName,
      base64: csv.base64,
    });
    expect(run).toMatchObject({ imported: 1, rejected: 0 });
  });
});
