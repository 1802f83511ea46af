/**
 * Issue 14 items 4 and 5 at the counter (1366×768, the dialogs also at 1024×768): a product sold by
 * weight by typed weight (search and tile), by scale labels (weight and price embedded), an
 * open-price item under the limit and one above it that a manager's PIN approves; then the cash
 * sale and its receipt. Demo prices: Manzana roja $44.90/kg (PLU 00101), Jitomate $32.90/kg
 * (00102), Queso Oaxaca $169.90/kg (00103). See [Note: weighed line money].
 */
import type { Page } from '@playwright/test';
import { ean13CheckDigit } from '../../app/domain/ean13';
import { expect, test } from './fixtures';
import { openCounter } from './support/counter';
import { openOffice } from './support/office';
import { expectUsableWithoutScrolling } from './support/in-viewport';

const label = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

const search = (page: Page) => page.getByRole('searchbox', { name: /Buscar producto/ });

async function enterCode(page: Page, code: string) {
  await search(page).fill(code);
  await search(page).press('Enter');
}

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('weighed items by typed weight and by scale labels, then a cash sale and its receipt', async ({
    page,
    shell,
  }) => {
    await openCounter(page, shell.url);
    // The product's own code carries no weight: the dialog asks for it.
    await enterCode(page, 'GRA-003');
    const dialog = page.getByRole('dialog', { name: 'Peso de Queso Oaxaca a granel (kg)' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(/Peso \(kg/)).toBeFocused();
    await page.keyboard.type('0.755');
    // 0.755 × $169.90 = $128.2745 → $128.27
    await expect(dialog.getByTestId('weight-amount')).toHaveText('Importe: $128.27');
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    const queso = page.locator('[data-testid="cart-line"][data-sku="GRA-003"]');
    await expect(queso).toContainText('0.755 kg × $169.90/kg');
    await expect(queso.getByTestId('line-quantity')).toHaveText('0.755 kg');
    await expect(page.getByTestId('total')).toHaveText('$128.27');

    // A tap on the tile, the weight on the dialog's keypad: 1.25 × $44.90 = $56.125 → $56.13.
    await search(page).fill('manzana roja');
    await page.getByRole('button', { name: /^Agregar Manzana roja a granel/ }).click();
    const apples = page.getByRole('dialog', { name: /Peso de Manzana roja/ });
    for (const key of ['1', '.', '2', '5'])
      await apples.getByRole('button', { name: key, exact: true }).click();
    await expect(apples.getByTestId('weight-amount')).toHaveText('Importe: $56.13');
    await apples.getByRole('button', { name: 'Agregar', exact: true }).click();
    await expect(page.getByTestId('total')).toHaveText('$184.40');

    // Scale labels: 23 + PLU 00102 + 00.500 kg (0.5 × $32.90 = $16.45); 20 + PLU 00103 + $85.00.
    await enterCode(page, label('230010200500'));
    await expect(page.locator('[data-testid="cart-line"][data-sku="GRA-002"]')).toContainText(
      '0.500 kg × $32.90/kg',
    );
    await enterCode(page, label('200010308500'));
    const byPrice = page.locator('[data-testid="cart-line"][data-sku="GRA-003"]').nth(1);
    await expect(byPrice.getByTestId('line-total')).toHaveText('$85.00');
    await expect(page.getByTestId('total')).toHaveText('$285.85');
    await expect(search(page)).toHaveValue('');

    await page.keyboard.press('F8');
    await page
      .getByRole('group', { name: 'Forma de pago' })
      .getByRole('button', { name: 'Efectivo' })
      .click();
    await page.getByLabel('Recibido (pesos)').fill('300');
    await page.getByRole('button', { name: 'Cobrar $285.85 en efectivo' }).click();
    await expect(page.getByTestId('sale-completed')).toBeVisible();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toContainText('0.755 kg × $169.90/kg');
    await expect(receipt).toContainText('1.250 kg × $44.90/kg');
    await expect(receipt.getByTestId('receipt-total')).toHaveText('$285.85');
  });

  test('an open-price item, and one above the limit that a manager approves', async ({ page, shell }) => {
    await openCounter(page, shell.url);
    await page.getByRole('button', { name: 'Artículo común (F9)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Artículo común' });
    await expect(dialog.getByLabel('Precio con IVA (pesos)')).toBeFocused();
    await expect(dialog.getByRole('radio', { name: '16 %' })).toBeChecked();
    await page.keyboard.type('45.50');
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('cart-line')).toContainText('Artículo común');
    await expect(page.getByTestId('total')).toHaveText('$45.50');

    // F9 from the keyboard; a name and IVA exento; $650.00 is above the $500.00 default limit.
    await page.keyboard.press('F9');
    await dialog.getByLabel('Descripción (opcional)').fill('Bolsa de regalo');
    await dialog.getByLabel('Precio con IVA (pesos)').fill('650');
    await dialog.getByRole('radio', { name: 'Exento' }).check();
    await dialog.getByRole('button', { name: 'Agregar a la venta' }).click();
    await expect(dialog.getByRole('alert')).toContainText('un gerente debe autorizarlo');
    await dialog.getByLabel('PIN del gerente').fill('9999');
    await dialog.getByRole('button', { name: 'Agregar a la venta' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('cart-line').nth(1)).toContainText('Bolsa de regalo');
    await expect(page.getByTestId('total')).toHaveText('$695.50');
  });
});

test.describe('the dialogs at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the weight and open-price dialogs fit the screen, their actions usable without scrolling', async ({
    page,
    shell,
  }) => {
    await openCounter(page, shell.url);
    await enterCode(page, 'GRA-001');
    const weight = page.getByRole('dialog', { name: /Peso de Manzana roja/ });
    await expectUsableWithoutScrolling(
      page,
      weight.getByRole('button', { name: 'Agregar', exact: true }),
      'Agregar',
    );
    await expectUsableWithoutScrolling(page, weight.getByRole('button', { name: 'Cancelar' }), 'Cancelar');
    await expectUsableWithoutScrolling(
      page,
      weight.getByRole('button', { name: '0', exact: true }),
      'keypad 0',
    );
    await page.keyboard.press('Escape');
    await expect(weight).toHaveCount(0);
    await page.keyboard.press('F9');
    const open = page.getByRole('dialog', { name: 'Artículo común' });
    await expectUsableWithoutScrolling(
      page,
      open.getByRole('button', { name: 'Agregar a la venta' }),
      'Agregar a la venta',
    );
    await expectUsableWithoutScrolling(
      page,
      open.getByRole('radio', { name: 'Exento' }).locator('..'),
      'Exento',
    );
  });
});

test.describe('settings at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a manager sets a prefix with a price check digit; the counter then reads such labels', async ({
    page,
    shell,
  }) => {
    await openOffice(page, shell.url, 'settings');
    const section = page.getByRole('region', { name: 'Mostrador: artículo común y básculas' });
    await section.getByLabel('Contenido del prefijo 26').selectOption('price');
    await section.getByLabel('Dígito verificador de precio, prefijo 26').check();
    await section.getByRole('button', { name: 'Guardar mostrador' }).click();
    await expect(section.getByText('Guardado')).toBeVisible();
    await page.getByRole('button', { name: 'Volver a la caja' }).click();
    // 26 + PLU 00101 + price check digit 9 (GS1's own example, $28.75) + 2875.
    await enterCode(page, label('260010192875'));
    await expect(
      page.locator('[data-testid="cart-line"][data-sku="GRA-001"]').getByTestId('line-total'),
    ).toHaveText('$28.75');
  });
});
