/**
 * The register locks itself after five idle minutes, keeping the sale for whoever unlocks it; the
 * trusted side also locks when the last page closes, and the token leaves the address bar (issue 11).
 */
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

test('the token leaves the address bar; the next page after the last one closed finds the register locked', async ({
  context,
  page,
  shell,
}) => {
  await openCounter(page, shell.url, 'manager');
  expect(shell.url).toContain('token=');
  expect(page.url()).toBe(`${shell.origin}/`);
  // The manager walks away and closes the tab instead of locking.
  await page.close();
  const next = await context.newPage();
  await next.goto(shell.url);
  await expect(next.getByRole('heading', { name: 'Caja bloqueada' })).toBeVisible();
  await expect(next.getByText('Bloqueada por Luis Hernández')).toBeVisible();
  await expect(next.getByRole('button', { name: 'Oficina' })).toHaveCount(0);
  expect(next.url()).toBe(`${shell.origin}/`);
});
