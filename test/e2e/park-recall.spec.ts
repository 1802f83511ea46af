/** Park a sale to serve the next customer, then recall it (issue 6, deliverable 2). */
import { expect, test } from './fixtures';
import { addBySku, openCounter } from './support/counter';

test('a sale put on hold comes back whole after serving another customer', async ({
  page,
  shell,
}, testInfo) => {
  await openCounter(page, shell.url);
  await addBySku(page, ['ABA-001', 'ABA-001', 'HIG-002']);
  await expect(page.getByTestId('total')).toHaveText('$122.00');
  await page.getByRole('button', { name: 'Poner en espera' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText('$0.00');

  // The next customer pays cash and leaves.
  await addBySku(page, ['PAN-002']);
  await page.keyboard.press('F8');
  await page.getByRole('group', { name: 'Forma de pago' }).getByRole('button', { name: 'Efectivo' }).click();
  await page.getByRole('button', { name: 'Exacto' }).click();
  await page.getByRole('button', { name: /en efectivo$/ }).click();
  await page.getByRole('button', { name: 'Nueva venta' }).click();

  // A third customer's basket is under way when the first one comes back.
  await addBySku(page, ['BEB-002']);
  await page.getByRole('button', { name: 'Ventas en espera' }).click();
  await expect(page.getByTestId('parked-sale')).toHaveCount(1);
  await expect(page.getByTestId('parked-sale')).toContainText('$122.00');
  // Before recalling, the panel says what happens to the basket under way (issue 14, item 9).
  await expect(page.getByTestId('recall-swaps')).toContainText(
    'La venta actual (1 artículos, $42.00) quedará en espera',
  );
  await page.screenshot({ path: testInfo.outputPath('parked-sales.png') });
  await page.getByRole('button', { name: /^Retomar venta de/ }).click();
  await expect(page.getByTestId('notice')).toHaveText(/La que estaba abierta quedó en espera/);
  await expect(page.getByTestId('total')).toHaveText('$122.00');
  await expect(page.getByTestId('cart-line')).toHaveCount(2);

  // The third basket was put on hold in its place, not lost.
  await page.getByRole('button', { name: 'Ventas en espera' }).click();
  await expect(page.getByTestId('parked-sale')).toHaveCount(1);
  await expect(page.getByTestId('parked-sale')).toContainText('$42.00');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Buscar producto o escanear código' })).toBeVisible();
});
