/** The register locks itself after five idle minutes, keeping the sale for whoever unlocks it. */
import { expect, test } from './fixtures';
import { addBySku, openCounter } from './support/counter';

test('five idle minutes lock the register; the sale is still there after the PIN', async ({
  page,
  shell,
}) => {
  await page.clock.install();
  await openCounter(page, shell.url);
  await addBySku(page, ['BEB-002']);
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('searchbox', { name: 'Buscar producto o escanear código' })).toBeVisible();
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: 'Caja bloqueada' })).toBeVisible();
  await page.getByLabel('PIN', { exact: true }).fill('1111');
  await page.getByLabel('PIN', { exact: true }).press('Enter');
  await expect(page.getByTestId('total')).toHaveText('$42.00');
});
