/**
 * Issue 13, "progress shown on long imports": a 10,000-row catalog in Oficina → Productos shows
 * the import's progress (the file being read, then rows counted of the total) for the preview and
 * for the commit, then the result. The progress is transient (how long it shows depends on the
 * machine), so the page records every text the progress area shows and the test reads them after.
 */
import { expect, test } from './fixtures';
import { openOffice } from './support/office';

const ROWS = 10_000;

function bigCatalogCsv(): string {
  const lines = ['Código,Descripción,Precio venta,IVA,Departamento'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`LARGO-${i},Producto largo ${i},${10 + (i % 90)}.50,16,Abarrotes`);
  return lines.join('\r\n');
}

test('a large import shows its progress, then the result', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await openOffice(page, shell.url, 'products');
  await expect(page.getByTestId('products-shown')).toBeVisible();
  // Record what the progress area says each time it changes (it may come and go between two polls).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const progressSeen = () =>
    page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.splice(0));

  await page.getByLabel('Archivo para importar').setInputFiles({
    name: 'catalogo-grande.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bigCatalogCsv(), 'utf8'),
  });
  await expect(page.getByTestId('import-summary')).toContainText(`${ROWS} nuevos`, { timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  const checking = await progressSeen();
  expect(checking[0]).toBe('Leyendo el archivo…');
  expect(checking).toContain('Revisando filas: 5,000 de 10,000…');

  await page.getByRole('button', { name: `Importar ${ROWS} productos` }).click();
  await expect(page.getByTestId('notice')).toContainText(`Importación terminada: ${ROWS} nuevos`, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  const writing = await progressSeen();
  expect(writing[0]).toBe('Leyendo el archivo…');
  expect(writing).toContain('Importando filas: 5,000 de 10,000…');
});
