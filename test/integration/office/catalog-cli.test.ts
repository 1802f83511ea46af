/**
 * The built catalog command (dist/cli/catalog.cjs), spawned as a script would: import with per-row
 * errors and the summary line, exit codes 0 / 1 / 2, --dry-run writing nothing, and export.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../app/host/create-core';
import { csvText } from '../../support/office/products-harness';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

const CLI = join(process.cwd(), 'dist/cli/catalog.cjs');

function storeDir(): string {
  const dataDir = freshDataDir();
  createCore({ dataDir, shell: 'web', logger: recordingLogger().logger }).close();
  return dataDir;
}

function catalog(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env } });
  return { code: run.status, out: run.stdout.trim().split('\n'), err: run.stderr };
}

function count(dataDir: string, where: string): number {
  const db = new BetterSqlite3(join(dataDir, 'caja.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM products WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}, 60_000);

describe('npm run catalog', () => {
  it('imports, prints each refused row and the summary, and exits 1 when rows were refused', () => {
    const dataDir = storeDir();
    const file = join(dataDir, 'catalogo.csv');
    writeFileSync(
      file,
      csvText([
        ['Código', 'Descripción', 'Precio venta', 'IVA'],
        ['CLI-1', 'Azúcar 1 kg', '32.00', '0'],
        ['CLI-2', 'Sal', '-1', '16'],
        ['BEB-001', '', '21.00', ''],
      ]),
    );
    const dry = catalog('import', file, '--data-dir', dataDir, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out.at(-1)).toBe('imported 1, updated 1, rejected 1');
    expect(count(dataDir, `sku = 'CLI-1'`)).toBe(0);

    const run = catalog('import', file, '--data-dir', dataDir);
    expect(run.code).toBe(1);
    expect(run.out).toEqual(['line 3, Precio venta: price negative', 'imported 1, updated 1, rejected 1']);
    expect(count(dataDir, `sku = 'CLI-1'`)).toBe(1);
  });

  it('exits 0 when nothing was refused, 2 on unusable input, and exports the same columns', () => {
    const dataDir = storeDir();
    const exported = join(dataDir, 'productos.csv');
    expect(catalog('export', exported, '--data-dir', dataDir).code).toBe(0);
    expect(readFileSync(exported, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFCódigo,Código de barras,Descripción,Precio venta,Precio costo,IVA,Departamento,Unidad,Venta a granel,Inventario,Inventario mínimo',
    );
    const again = catalog('import', exported, '--data-dir', dataDir);
    expect(again.code).toBe(0);
    expect(again.out.at(-1)).toBe('imported 0, updated 0, rejected 0');

    const xlsx = join(dataDir, 'productos.xlsx');
    expect(catalog('export', xlsx, '--data-dir', dataDir).code).toBe(0);
    expect(catalog('import', xlsx, '--data-dir', dataDir).out.at(-1)).toBe(
      'imported 0, updated 0, rejected 0',
    );

    const pdf = join(dataDir, 'factura.xlsx');
    writeFileSync(pdf, '%PDF-1.7\n%%EOF\n');
    const unusable = catalog('import', pdf, '--data-dir', dataDir);
    expect(unusable.code).toBe(2);
    expect(unusable.err).toMatch(/unusable input: .*PDF/);
    const empty = join(dataDir, 'vacio.csv');
    writeFileSync(empty, '');
    expect(catalog('import', empty, '--data-dir', dataDir).code).toBe(2);
    expect(catalog('import', '--data-dir', dataDir).code).toBe(2);
  });
});
