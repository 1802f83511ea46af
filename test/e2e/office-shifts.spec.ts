/**
 * The manager's shifts and Z report in the web shell: open a shift, take a cash sale, cash in and
 * out, close short through the denomination grid, read the Z report, reconcile, download the CSV and
 * the PDF, and pass axe. Each screen is saved as a screenshot.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { checkScreen } from './support/check-screen';
import { addBySku, payExactCash } from './support/counter';
import { openOffice, OFFICE_TABS } from './support/office';

/** Rings up one BEB-001 ($20.00) for exact cash at the counter and comes back to the shifts tab. */
async function cashSaleAtCounter(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Volver a la caja' }).click();
  await addBySku(page, ['BEB-001']);
  await payExactCash(page);
  await page.getByRole('button', { name: 'Oficina' }).click();
  await page.getByRole('tab', { name: OFFICE_TABS.shifts }).click();
}

test.describe('office: shifts and the Z report', () => {
  test('a shift with cash in and out closes short; the Z report shows, reconciles and downloads', async ({
    page,
    shell,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openOffice(page, shell.url, 'shifts');
    const panel = page.getByRole('region', { name: 'Turno actual' });
    await expect(panel.getByText('No hay turno abierto')).toBeVisible();
    await checkScreen(page, testInfo, 'office-shifts-none');

    await panel.getByLabel('Fondo inicial (pesos)').fill('500');
    await panel.getByRole('button', { name: 'Abrir turno' }).click();
    await expect(page.getByTestId('expected-cash')).toHaveText('$500.00');

    await cashSaleAtCounter(page);
    await expect(page.getByTestId('expected-cash')).toHaveText('$520.00');

    const movement = page.getByRole('form', { name: 'Entrada o salida de efectivo' });
    await movement.getByLabel('Entrada', { exact: true }).check();
    await movement.getByLabel('Monto (pesos)').fill('100');
    await movement.getByLabel('Motivo').fill('Cambio del banco');
    await movement.getByRole('button', { name: 'Registrar movimiento' }).click();
    await expect(page.getByTestId('expected-cash')).toHaveText('$620.00');
    await movement.getByLabel('Salida', { exact: true }).check();
    await movement.getByLabel('Monto (pesos)').fill('35.50');
    await movement.getByLabel('Motivo').fill('Pago de hielo');
    await movement.getByRole('button', { name: 'Registrar movimiento' }).click();
    // 500 float + 20 cash sale + 100 in − 35.50 out
    await expect(page.getByTestId('expected-cash')).toHaveText('$584.50');
    await expect(page.getByRole('table', { name: 'Movimientos del turno' }).getByRole('row')).toHaveCount(3);

    // Count 584.00: one 500, one 50, one 20 bill, one 10 coin, two 2 coins.
    const grid = page.getByRole('form', { name: 'Cerrar turno' });
    await grid.getByLabel('Piezas de $500.00 (billete)').fill('1');
    await grid.getByLabel('Piezas de $50.00 (billete)').fill('1');
    await grid.getByLabel('Piezas de $20.00 (billete)').fill('1');
    await grid.getByLabel('Piezas de $10.00 (moneda)').fill('1');
    await grid.getByLabel('Piezas de $2.00 (moneda)').fill('2');
    await expect(page.getByTestId('counted-total')).toHaveText('$584.00');
    await expect(page.getByTestId('over-short')).toHaveText('Faltante de $0.50');
    await checkScreen(page, testInfo, 'office-shifts-closing');
    await grid.getByRole('button', { name: 'Cerrar turno con $584.00 contados' }).click();
    await expect(panel.getByText('No hay turno abierto')).toBeVisible();

    const shifts = page.getByTestId('day-shifts');
    await expect(shifts).toContainText('$584.50');
    await expect(shifts).toContainText('$584.00');
    await expect(shifts).toContainText('Faltante de $0.50');

    await expect(page.getByTestId('total-sales')).toHaveText('$20.00');
    await expect(page.getByRole('table', { name: 'Por forma de pago' })).toContainText('Efectivo');
    await expect(page.getByRole('img', { name: /Gráfica de barras de ventas por hora/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Mes \d{4}-\d{2} por día$/ })).toContainText('$20.00');

    await page.getByRole('button', { name: 'Conciliar con Kushki' }).click();
    await expect(page.getByTestId('reconcile-result')).toContainText('0 cobros revisados');
    await checkScreen(page, testInfo, 'office-shifts-z-report');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar CSV (Excel)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^reporte-z-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvText = await readFile(await csv.path(), 'utf8');
    expect(csvText.startsWith('\uFEFFReporte Z,')).toBe(true);
    expect(csvText).toContain('\r\nForma de pago,Efectivo,1,20.00,');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^reporte-z-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('the English shifts tab passes axe too', async ({ page, shell }, testInfo) => {
    await openOffice(page, shell.url, 'shifts');
    await page.getByLabel('Idioma').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Current shift' })).toBeVisible();
    await checkScreen(page, testInfo, 'office-shifts-english');
  });
});
