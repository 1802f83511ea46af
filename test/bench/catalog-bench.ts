/**
 * `npm run bench:catalog`: issue 13's catalog figures on this machine.
 * - Import of a 50 000-row .csv and .xlsx (written here with the same writers the export uses) into a
 *   fresh store: read + parse + validate + match + write in one transaction. Target < 10 s each.
 * - The counter's search-as-you-type at 50 000 products: every prefix of real names as a cashier types
 *   them, barcode and SKU fragments; p50/p99 of SqliteCatalogRepo.search (the `catalog.products.search`
 *   path), beside the plain LIKE scan it replaced. Target p99 30 ms.
 * A benchmark, not a test: it asserts nothing and prints figures.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ean13CheckDigit } from '../../app/domain/ean13';
import { foldForSearch } from '../../app/domain/text';
import { SpreadsheetFiles } from '../../app/infra/catalog-files/spreadsheet-files';
import { SqliteAuditLog } from '../../app/infra/db/audit.repo';
import { SqliteCatalogRepo } from '../../app/infra/db/catalog.repo';
import { SqliteProductsAdminRepo } from '../../app/infra/db/office/products/products-admin.repo';
import { openDatabase } from '../../app/infra/db/open-database';
import { CAJA_HEADERS } from '../../app/domain/products/catalog-columns';
import { CatalogImportService } from '../../app/services/office/products/catalog-import.service';
import type { SheetCell } from '../../app/ports/catalog-files.port';
import { freshDataDir } from '../support/web-shell';

const PRODUCTS = 50_000;
const NOW = Date.UTC(2026, 10, 23, 16);

// A deterministic generator, so every run measures the same catalog.
let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const KINDS = [
  'Refresco',
  'Galletas',
  'Jabón',
  'Arroz',
  'Frijol',
  'Café',
  'Atún',
  'Chiles',
  'Leche',
  'Yogur',
  'Pan',
  'Tortillas',
  'Aceite',
  'Azúcar',
  'Sal',
  'Papel',
  'Detergente',
  'Cerveza',
  'Agua',
  'Jugo',
  'Salsa',
  'Pasta',
  'Sopa',
  'Cereal',
  'Chocolate',
  'Dulces',
  'Harina',
  'Huevo',
  'Queso',
  'Jamón',
];
const WORDS = [
  'de cola',
  'de naranja',
  'integral',
  'light',
  'con chile',
  'jalapeños',
  'en lata',
  'clásico',
  'premium',
  'familiar',
  'de maíz',
  'de trigo',
  'sin azúcar',
  'natural',
  'de fresa',
  'de vainilla',
  'picante',
  'en polvo',
  'líquido',
  'extra',
];
const BRANDS = [
  'La Costeña',
  'Bimbo',
  'Lala',
  'Herdez',
  'Gamesa',
  'Sabritas',
  'Jumex',
  'Nestlé',
  'Zote',
  'Roma',
  'Alpura',
  'Barcel',
  'Del Valle',
  'Maseca',
  'Tía Rosa',
  'Marinela',
  'Great Value',
  'Kirkland',
];
const SIZES = ['250 g', '500 g', '1 kg', '355 ml', '600 ml', '1 l', '2 l', '120 g', '900 g', '12 pzas'];
const DEPARTMENTS = ['Abarrotes', 'Bebidas', 'Lácteos', 'Limpieza', 'Botanas', 'Panadería', 'Enlatados'];
const IVAS = ['16%', '0', '0.16', 'exento', '8%'];

function catalogRows(): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const first12 = `750${String(1_000_000_000 + i).slice(1)}`;
    const price = 500 + Math.floor(random() * 50_000);
    const cells: Record<string, SheetCell> = {
      sku: `P-${String(i).padStart(6, '0')}`,
      barcode: `${first12}${ean13CheckDigit(first12)}`,
      name: `${pick(KINDS)} ${pick(WORDS)} ${pick(BRANDS)} ${pick(SIZES)} #${i}`,
      price: (price / 100).toFixed(2),
      cost: ((price * 0.7) / 100).toFixed(2),
      iva: pick(IVAS),
      department: pick(DEPARTMENTS),
      unit: 'pieza',
      soldByWeight: 'no',
      stock: String(Math.floor(random() * 200)),
      minStock: '5',
    };
    rows.push(CAJA_HEADERS.map(({ field }) => cells[field] ?? null));
  }
  return rows;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function importInto(fileName: string, bytes: Uint8Array) {
  const db = openDatabase(join(freshDataDir('caja-bench-catalog-'), 'caja.sqlite'));
  const service = new CatalogImportService({
    repo: new SqliteProductsAdminRepo(db),
    files: new SpreadsheetFiles(),
    audit: new SqliteAuditLog(db),
    clock: { now: () => NOW },
    actor: () => null,
  });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const run = await service.commit({ fileName, bytes });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (!run.ok) throw new Error(run.unusable);
  // CPU seconds beside wall seconds: on a shared, loaded machine the wall clock measures the load.
  return { db, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, summary: run.summary };
}

async function main() {
  const files = new SpreadsheetFiles();
  const rows = catalogRows();
  const header = CAJA_HEADERS.map((h) => h.header);
  const csv = await files.write('csv', header, rows);
  const xlsx = await files.write('xlsx', header, rows);
  console.log(
    `catalog: ${PRODUCTS} products; csv ${(csv.length / 1e6).toFixed(1)} MB, xlsx ${(xlsx.length / 1e6).toFixed(1)} MB`,
  );

  const fromCsv = await importInto('bench.csv', csv);
  const s = fromCsv.summary;
  console.log(
    `import .csv  (50,000 rows): ${fromCsv.seconds.toFixed(2)} s, CPU ${fromCsv.cpuSeconds.toFixed(2)} s  (imported ${s.imported}, rejected ${s.rejected}; target < 10 s)`,
  );
  const fromXlsx = await importInto('bench.xlsx', xlsx);
  console.log(
    `import .xlsx (50,000 rows): ${fromXlsx.seconds.toFixed(2)} s, CPU ${fromXlsx.cpuSeconds.toFixed(2)} s  (imported ${fromXlsx.summary.imported}, rejected ${fromXlsx.summary.rejected}; target < 10 s)`,
  );
  fromXlsx.db.close();
  const again = await (async () => {
    const service = new CatalogImportService({
      repo: new SqliteProductsAdminRepo(fromCsv.db),
      files,
      audit: new SqliteAuditLog(fromCsv.db),
      clock: { now: () => NOW },
      actor: () => null,
    });
    const started = performance.now();
    const run = await service.commit({ fileName: 'bench.csv', bytes: csv });
    return { seconds: (performance.now() - started) / 1000, unchanged: run.ok ? run.summary.unchanged : -1 };
  })();
  console.log(
    `re-import .csv (all unchanged): ${again.seconds.toFixed(2)} s  (unchanged ${again.unchanged})`,
  );

  // The counter's search, on the 50,000-product store.
  const db = fromCsv.db;
  const catalog = new SqliteCatalogRepo(db);
  const plain = db.prepare(
    `SELECT id FROM products WHERE active = 1 AND (search_text LIKE @like ESCAPE '\\' OR sku LIKE @like ESCAPE '\\'
       OR EXISTS (SELECT 1 FROM product_barcodes b WHERE b.product_id = products.id AND b.code LIKE @like ESCAPE '\\'))
     ORDER BY (search_text LIKE @prefix ESCAPE '\\') DESC, name LIMIT 50`,
  );
  const queries: string[] = [];
  for (let i = 0; i < 40; i++) {
    const name = String(pick(rows)[2]);
    // Every prefix as the cashier types the first words: "r", "re", "ref", …
    const typed = name.split(' #')[0]!.slice(0, 18);
    for (let n = 1; n <= typed.length; n++) queries.push(typed.slice(0, n));
    const code = String(pick(rows)[1]);
    queries.push(code.slice(5, 11), code, `P-0${String(Math.floor(random() * 50_000)).padStart(5, '0')}`);
    queries.push(pick(WORDS), pick(BRANDS).toLowerCase());
  }
  for (const text of queries.slice(0, 50)) catalog.search({ text, limit: 50 }); // warm the cache
  const indexedMs: number[] = [];
  const longMs: number[] = [];
  const plainMs: number[] = [];
  for (const text of queries) {
    let started = performance.now();
    catalog.search({ text, limit: 50 });
    const ms = performance.now() - started;
    indexedMs.push(ms);
    if ([...foldForSearch(text)].length >= 3) longMs.push(ms);
    const folded = foldForSearch(text);
    const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
    started = performance.now();
    plain.all({ like: `%${escaped}%`, prefix: `${escaped}%` });
    plainMs.push(performance.now() - started);
  }
  const line = (label: string, ms: number[]) =>
    console.log(
      `${label} (n=${ms.length}): p50 ${percentile(ms, 50).toFixed(2)} ms, p99 ${percentile(ms, 99).toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms`,
    );
  line('counter search, 50,000 products, all texts     ', indexedMs);
  line('counter search, texts of 3+ characters (FTS5)   ', longMs);
  line('plain LIKE scan it replaced, same texts         ', plainMs);
  console.log('target: p99 30 ms');
  db.close();
}

await main();
