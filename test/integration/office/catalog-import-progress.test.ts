/**
 * A long import's progress (issue 13: "progress shown on long imports"): the preview and the commit
 * of a 1,200-row .xlsx through the real core push `office.products.importProgress` events — reading,
 * then rows counting up to the total, then done — and the events leave while the commit's one
 * transaction still runs (see [Note: import progress during the transaction]).
 */
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../app/ports/event-bus.port';
import type { ImportProgress, ImportSummary } from '../../../app/domain/products/products-admin';
import { fileArgs, managerCore, xlsxBytes } from '../../support/office/products-harness';

const ROWS = 1_200;

describe('catalog import progress', () => {
  it('preview and commit report reading, rows done of the total, then done', async () => {
    const { core, call, query } = await managerCore();
    const rows = Array.from({ length: ROWS }, (_, i) => [`AVANCE-${i}`, `Producto ${i}`, '10.50', '16']);
    const bytes = await xlsxBytes([['Código', 'Descripción', 'Precio venta', 'IVA'], ...rows]);
    const args = fileArgs('avance.xlsx', bytes);
    const seen: (ImportProgress & { productsWritten?: number })[] = [];
    const stop = core.events.subscribe((event: AppEvent) => {
      if (event.event !== 'office.products.importProgress') return;
      const progress = event.payload as ImportProgress;
      // What another connection sees of the products while the event is emitted: nothing of the
      // file until the commit's transaction ends.
      const productsWritten =
        progress.mode === 'commit' && progress.phase === 'rows'
          ? query<{ n: number }>(`SELECT COUNT(*) AS n FROM products WHERE sku LIKE 'AVANCE-%'`)[0]!.n
          : undefined;
      seen.push({ ...progress, productsWritten });
    });
    try {
      expect(await call<ImportSummary>('office.products.importPreview', args)).toMatchObject({
        imported: ROWS,
      });
      expect(await call<ImportSummary>('office.products.importCommit', args)).toMatchObject({
        imported: ROWS,
      });
    } finally {
      stop();
    }
    for (const mode of ['preview', 'commit'] as const) {
      const events = seen.filter((p) => p.mode === mode);
      expect(events.every((p) => p.fileName === 'avance.xlsx')).toBe(true);
      expect(events[0]).toMatchObject({ phase: 'reading', done: 0 });
      expect(events.at(-1)).toMatchObject({ phase: 'done' });
      const counts = events.filter((p) => p.phase === 'rows');
      // Every 500 rows, then the end: 500, 1000, 1200 of 1200.
      expect(counts.map((p) => [p.done, p.total])).toEqual([
        [500, ROWS],
        [1000, ROWS],
        [ROWS, ROWS],
      ]);
    }
    // The commit's counts came while its transaction was open (nothing visible outside it yet), the
    // last one once it had committed.
    const written = seen.filter((p) => p.productsWritten !== undefined).map((p) => p.productsWritten);
    expect(written).toEqual([0, 0, ROWS]);
    expect(query(`SELECT COUNT(*) AS n FROM products WHERE sku LIKE 'AVANCE-%'`)).toEqual([{ n: ROWS }]);
  });
});
