/**
 * Returns by item in the web shell (issue 14, item 6): one line of a cash sale returned in cash and
 * one line of a card sale returned to the card (settled by the simulator's devolucion webhook), both
 * found in Transacciones by amount; the shift's expected cash and the Z report reflect both.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addBySku, payExactCash, signIn, startCardCharge } from './support/counter';
import { openOffice, OFFICE_TABS } from './support/office';

/** Taps "Aprobar" on the virtual terminal's page. */
async function approveOnTerminal(page: Page, context: BrowserContext): Promise<void> {
  const info = await page.evaluate(() => window.caja!.invoke('app.info.get', {}));
  if (!info.ok || !info.value.demoTerminalUrl) throw new Error('no demo terminal');
  const terminal = await context.newPage();
  await terminal.goto(info.value.demoTerminalUrl);
  await terminal.getByTestId('approve').click();
  await terminal.close();
}

/** Signs the manager in, opens the office's shifts tab and opens a shift with a $500.00 float. */
async function openShiftWith500(page: Page, url: string): Promise<void> {
  await openOffice(page, url, 'shifts');
  const panel = page.getByRole('region', { name: 'Turno actual' });
  await panel.getByLabel('Fondo inicial (pesos)').fill('500');
  await panel.getByRole('button', { name: 'Abrir turno' }).click();
  await expect(page.getByTestId('expected-cash')).toHaveText('$500.00');
}

/** Finds the one payment of `amount` in Transacciones and opens its sale's return dialog. */
async function openReturnFor(page: Page, amount: string, fromCounter: boolean) {
  if (fromCounter) await page.getByRole('button', { name: 'Oficina' }).click();
  await page.getByRole('tab', { name: OFFICE_TABS.transactions }).click();
  const form = page.getByRole('form', { name: 'Filtros' });
  await form.getByLabel('Buscar', { exact: true }).fill(amount);
  await form.getByRole('button', { name: 'Aplicar filtros' }).click();
  await expect(page.getByTestId('tx-total-count')).toHaveText('1');
  await page.getByRole('button', { name: /^Ver el pago \d+ y su historial$/ }).click();
  const detail = page.getByRole('dialog', { name: /^Pago \d+$/ });
  await detail.getByRole('button', { name: /^Devolver artículos de la venta \d+$/ }).click();
  return page.getByRole('dialog', { name: /^Devolución de la venta \d+$/ });
}

test('one line of a cash sale and one of a card sale come back; the shift and the Z report show both', async ({
  page,
  context,
  shell,
}) => {
  test.setTimeout(120_000);
  await openShiftWith500(page, shell.url);

  // Cash: 2 × BEB-001 ($20.00) and 1 × BEB-002 ($42.00) = $82.00.
  await page.getByRole('button', { name: 'Volver a la caja' }).click();
  await addBySku(page, ['BEB-001', 'BEB-001', 'BEB-002']);
  await payExactCash(page);

  // Card: 1 × BEB-002 + 1 × BEB-001 = $62.00, approved on the virtual terminal.
  await addBySku(page, ['BEB-002', 'BEB-001']);
  await startCardCharge(page);
  await approveOnTerminal(page, context);
  await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Nueva venta' }).click();

  // One cola of the cash sale back in cash.
  let dialog = await openReturnFor(page, '$82.00', true);
  await dialog.getByLabel('Cantidad a devolver de Refresco de cola 600 ml').fill('1');
  await expect(dialog.getByTestId('return-total')).toContainText('$20.00');
  await dialog.getByRole('button', { name: 'Devolver $20.00' }).click();
  await expect(dialog.getByTestId('return-done')).toContainText('$20.00');
  // The same line cannot come back beyond what was sold less what was returned.
  await dialog.getByLabel('Cantidad a devolver de Refresco de cola 600 ml').fill('2');
  await expect(dialog.getByRole('button', { name: /^Devolver / })).toBeDisabled();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // The card sale's BEB-002 line back to the card.
  dialog = await openReturnFor(page, '$62.00', false);
  await dialog.getByLabel('Cantidad a devolver de Refresco de cola 2 L').fill('1');
  await dialog.getByRole('radio', { name: /^A la tarjeta/ }).check();
  await expect(dialog.getByTestId('return-total')).toContainText('$42.00');
  await dialog.getByRole('button', { name: 'Devolver $42.00' }).click();
  await expect(dialog.getByTestId('return-done')).toContainText('$42.00');
  await expect(dialog.getByTestId('return-history')).toContainText('confirmed', { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // The drawer: 500 float + 82 cash sale − 20 cash return. The Z report: both returns.
  await page.getByRole('tab', { name: OFFICE_TABS.shifts }).click();
  await expect(page.getByTestId('expected-cash')).toHaveText('$562.00');
  const zReturns = page.getByTestId('z-report').getByTestId('returns-total');
  await expect(zReturns).toContainText('2 devoluciones: $62.00');
  await expect(
    page.getByRole('region', { name: 'Reporte por periodo' }).getByTestId('returns-total'),
  ).toContainText('$62.00');
  await expect(zReturns).toContainText('efectivo $20.00, tarjeta $42.00');
});

test("a cashier returns an item from Tickets with the manager's PIN typed in the dialog", async ({
  page,
  shell,
}) => {
  test.setTimeout(90_000);
  await openShiftWith500(page, shell.url);
  await page.getByRole('button', { name: 'Volver a la caja' }).click();
  await page.getByRole('button', { name: 'Cambiar usuario' }).click();
  await signIn(page, 'cashier');

  await addBySku(page, ['BEB-001', 'BEB-001']);
  await payExactCash(page);
  await page.getByRole('button', { name: 'Tickets' }).click();
  await page
    .getByRole('button', { name: /^Ver ticket de la venta/ })
    .first()
    .click();
  await expect(page.getByTestId('receipt-payment-number')).toContainText(/^Pago núm\. \d+$/);
  await page.getByRole('button', { name: /^Devolver artículos de la venta \d+$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Devolución de la venta \d+$/ });
  await dialog.getByLabel('Cantidad a devolver de Refresco de cola 600 ml').fill('1');
  await expect(dialog.getByRole('button', { name: 'Devolver $20.00' })).toBeDisabled();
  await dialog.getByLabel('PIN del gerente').fill('9999');
  await dialog.getByRole('button', { name: 'Devolver $20.00' }).click();
  await expect(dialog.getByTestId('return-done')).toContainText('$20.00');
  await expect(dialog.getByTestId('return-history')).toContainText('efectivo');
});
