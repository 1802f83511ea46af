import { expect, type Page } from '@playwright/test';

/** A catalog as a store brings it from another POS: Spanish headers, one row refused (line 3). */
export const CATALOG_CSV = [
  'Código,Código de barras,Descripción,Precio venta,Precio costo,Departamento,Existencia,IVA',
  'PAP-001,7501031311309,Cuaderno profesional 100 hojas,45.50,30.00,Papelería,12,16',
  'PAP-002,7501031311300,Lápiz del 2,8.00,4.00,Papelería,50,16',
].join('\r\n');

/** In Oficina → Productos: chooses the file, checks the preview (one refused row), imports the rest. */
export async function importCatalog(page: Page): Promise<void> {
  await page.getByLabel('Archivo para importar').setInputFiles({
    name: 'catalogo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CATALOG_CSV, 'utf8'),
  });
  await expect(page.getByTestId('import-summary')).toContainText('1 nuevos');
  await expect(page.getByTestId('import-summary')).toContainText('1 rechazados');
  const issues = page.getByRole('table', { name: 'Filas con errores' });
  await expect(issues.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  // The reason in the office's language, worded from its code (the CLI prints it in English).
  await expect(issues.getByRole('row').nth(1).getByRole('cell').last()).toHaveText(
    'El dígito verificador de 7501031311300 no es válido para EAN-13.',
  );
  await page.getByRole('button', { name: 'Importar 1 productos' }).click();
  await expect(page.getByTestId('notice')).toContainText('Importación terminada: 1 nuevos');
}

/** At the counter: scans `code` (typed + Enter, as a scanner does) and takes exact cash. */
export async function sellByCodeForCash(page: Page, code: string, total: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: /Buscar producto/ });
  await search.fill(code);
  await search.press('Enter');
  await expect(page.getByTestId('total')).toHaveText(total);
  await page.keyboard.press('F8');
  await page.locator('.checkout-panel').getByRole('button', { name: 'Efectivo' }).click();
  await page.getByRole('button', { name: 'Exacto' }).click();
  await page.getByRole('button', { name: `Cobrar ${total} en efectivo` }).click();
  await page.getByRole('button', { name: 'Nueva venta' }).click();
}

/** In Oficina → Turnos y reportes: today's Z report lists the product with its units and amount. */
export async function expectInProductReport(page: Page, name: string, units: number, amount: string) {
  const row = page
    .getByTestId('sales-by-product')
    .first()
    .getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(String(units));
  await expect(row).toContainText(amount);
}
