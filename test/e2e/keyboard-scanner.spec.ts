/**
 * Issue 14 item 3, at the counter by keyboard and scanner: a card sale with no mouse; a failed scan
 * leaves an empty field for the next one; `3*code` sets the quantity; a scan on "Venta completada"
 * starts the next sale with that item. (A keyboard-wedge scanner types fast and ends with Enter.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openTerminal, signIn } from './support/counter';

async function scanInto(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

test('a card sale by keyboard alone: PIN, code, F8, Enter, and Enter for the next sale', async ({
  page,
  context,
  shell,
}) => {
  await page.goto(shell.url);
  // The first user is chosen and the PIN field has focus: type and Enter.
  await expect(page.getByRole('button', { name: /^Ana López / })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-user')).toContainText('Ana López');
  await expect(page.getByRole('searchbox', { name: /Buscar producto/ })).toBeFocused();
  await scanInto(page, 'BEB-002');
  await expect(page.getByTestId('total')).toHaveText('$42.00');
  await page.keyboard.press('F8');
  await expect(page.getByRole('button', { name: 'Cobrar $42.00 con tarjeta' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'sent', {
    timeout: 10_000,
  });
  const terminal = await openTerminal(page, context);
  await terminal.getByTestId('approve').click();
  await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 15_000 });
  await page.bringToFront();
  await expect(page.getByRole('button', { name: 'Nueva venta' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('total')).toHaveText('$0.00');
});

test('a failed scan clears the field, and 3*code sets the quantity', async ({ page, shell }) => {
  await page.goto(shell.url);
  await signIn(page);
  const search = page.getByRole('searchbox', { name: /Buscar producto/ });
  await search.focus();
  await scanInto(page, '7509999999999');
  await expect(page.getByTestId('notice')).toContainText('7509999999999');
  await expect(search).toHaveValue('');
  await scanInto(page, 'BEB-001');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(search).toHaveValue('');

  await scanInto(page, '3*BEB-004');
  const line = page.locator('[data-testid="cart-line"][data-sku="BEB-004"]');
  await expect(line.getByTestId('line-quantity')).toHaveText('3');
  await scanInto(page, '2*BEB-004');
  await expect(line.getByTestId('line-quantity')).toHaveText('5');
  await expect(page.getByTestId('total')).toHaveText('$75.00');
});

test('a scan on "Venta completada" starts the next sale with that item', async ({ page, shell }) => {
  await page.goto(shell.url);
  await signIn(page);
  await scanInto(page, 'BEB-004');
  await expect(page.getByTestId('total')).toHaveText('$11.00');
  await page.keyboard.press('F8');
  await page.locator('.checkout-panel').getByRole('button', { name: 'Efectivo' }).click();
  await expect(page.getByLabel('Recibido (pesos)')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-completed')).toBeVisible();
  await scanInto(page, 'BEB-001');
  await expect(page.getByTestId('sale-completed')).toHaveCount(0);
  await expect(page.locator('[data-testid="cart-line"][data-sku="BEB-001"]')).toHaveCount(1);
  await expect(page.getByTestId('total')).toHaveText('$20.00');
});

test('a cash sale by keyboard alone: arrows choose a result, F4 types the quantity, F8 F7 charge cash', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-user')).toContainText('Ana López');
  const search = page.getByRole('searchbox', { name: /Buscar producto/ });
  await expect(search).toBeFocused();
  await page.keyboard.type('agua', { delay: 60 });
  const tiles = page.locator('.product-tile');
  await expect.poll(() => tiles.count()).toBeGreaterThan(2);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = page.locator('.product-tile[data-highlighted]');
  await expect(chosen).toHaveCount(1);
  await expect(tiles.nth(1)).toHaveAttribute('data-highlighted', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(tiles.nth(0)).toHaveAttribute('data-highlighted', 'true');
  await page.keyboard.press('ArrowDown');
  const name = (await chosen.locator('.product-name').textContent()) ?? '';
  await expect(search).toHaveAttribute('aria-activedescendant', /^product-tile-\d+$/);
  await page.keyboard.press('Enter');
  const line = page.getByTestId('cart-line').filter({ hasText: name });
  await expect(line).toHaveCount(1);
  await expect(search).toHaveValue('');

  // F4 opens the quantity pad on the line just added; typing replaces the quantity; Enter sets it.
  await page.keyboard.press('F4');
  const pad = page.getByRole('dialog', { name: `Cantidad de ${name}` });
  await expect(pad).toBeVisible();
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(pad).toHaveCount(0);
  await expect(line.getByTestId('line-quantity')).toHaveText('4');

  await page.keyboard.press('F8');
  await page.keyboard.press('F7');
  await expect(page.getByLabel('Recibido (pesos)')).toBeFocused();
  await page.keyboard.type('500');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-completed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nueva venta' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('total')).toHaveText('$0.00');
});

test('the number pad sets a quantity by touch, and "Vaciar venta" asks in its own dialog', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await signIn(page);
  await scanInto(page, 'BEB-004');
  const line = page.locator('[data-testid="cart-line"][data-sku="BEB-004"]');
  await line.getByTestId('line-quantity').click();
  const pad = page.getByRole('dialog', { name: /Cantidad de Agua natural 600 ml/ });
  const keys = pad.getByRole('group', { name: 'Teclado numérico' });
  await keys.getByRole('button', { name: '1', exact: true }).click();
  await keys.getByRole('button', { name: '2', exact: true }).click();
  await keys.getByRole('button', { name: 'Aceptar' }).click();
  await expect(line.getByTestId('line-quantity')).toHaveText('12');
  await expect(page.getByTestId('total')).toHaveText('$132.00');
  // A quantity out of range cannot be set.
  await line.getByTestId('line-quantity').click();
  await page.keyboard.type('0');
  await expect(keys.getByRole('button', { name: 'Aceptar' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(pad).toHaveCount(0);
  await expect(line.getByTestId('line-quantity')).toHaveText('12');

  await page.getByRole('button', { name: 'Vaciar venta' }).click();
  const confirm = page.getByRole('dialog', { name: '¿Vaciar la venta actual?' });
  await expect(confirm).toContainText('12 artículos');
  await confirm.getByRole('button', { name: 'No, conservar la venta' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByRole('button', { name: 'Vaciar venta' }).click();
  await confirm.getByRole('button', { name: 'Vaciar venta' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
});

test('an error notice leaves on the next action', async ({ page, shell }) => {
  await page.goto(shell.url);
  await signIn(page);
  await scanInto(page, '7509999999999');
  const notice = page.getByTestId('notice');
  await expect(notice).toHaveAttribute('data-tone', 'error');
  // The next scan is the next action: the old error does not describe it.
  await scanInto(page, 'BEB-004');
  await expect(notice).not.toHaveAttribute('data-tone', 'error');
});

test('the idle lock with a dialog and an error on screen: the lock screen shows alone', async ({
  page,
  shell,
}) => {
  await page.clock.install();
  await page.goto(shell.url);
  await signIn(page);
  await scanInto(page, 'BEB-004');
  await scanInto(page, '7509999999999');
  await expect(page.getByTestId('notice')).toHaveAttribute('data-tone', 'error');
  await page.locator('[data-testid="cart-line"][data-sku="BEB-004"]').getByTestId('line-quantity').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.clock.fastForward('05:05');
  await expect(page.getByRole('heading', { name: 'Caja bloqueada' })).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('PIN', { exact: true })).toBeVisible();
});
