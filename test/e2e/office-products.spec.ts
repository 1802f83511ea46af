/**
 * Issue 13 in the office: a manager adds a product, imports a catalog file (a refused row shown
 * with its line before anything is written), receives stock, and a cashier then sells the imported
 * product by its barcode, which takes its stock down.
 */
import { expect, test } from './fixtures';
import { checkScreen } from './support/check-screen';
import { openOffice } from './support/office';

// A valid EAN-13 (check digit 7) and one with a wrong check digit on line 3.
const CSV = [
  'Código,Código de barras,Descripción,Precio venta,Precio costo,Departamento,Existencia,IVA',
  'PAP-001,7501031311309,Cuaderno profesional 100 hojas,45.50,30.00,Papelería,12,16',
  'PAP-002,7501031311300,Lápiz del 2,8.00,4.00,Papelería,50,16',
].join('\r\n');

test('add, import with a refused row, receive stock, and sell the imported product by barcode', async ({
  page,
  shell,
}, testInfo) => {
  await openOffice(page, shell.url, 'products');
  await expect(page.getByTestId('products-shown')).toBeVisible();

  // Add by hand.
  await page.getByRole('button', { name: 'Nuevo producto' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('SKU (clave)').fill('HEL-001');
  await dialog.getByLabel('Nombre').fill('Helado de vainilla 1 L');
  await dialog.getByLabel('Precio con IVA (pesos)').fill('89.90');
  await dialog.getByLabel('Departamento').fill('Congelados');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByTestId('notice')).toContainText('Producto guardado: Helado de vainilla 1 L');
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await page.getByLabel('Buscar por nombre, SKU o código').fill('helado');
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('product-row')).toContainText('$89.90');

  // Import: the preview names the refused row by its spreadsheet line; commit writes the rest.
  await page.getByLabel('Archivo para importar').setInputFiles({
    name: 'catalogo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await expect(page.getByTestId('import-summary')).toContainText('1 nuevos');
  await expect(page.getByTestId('import-summary')).toContainText('1 rechazados');
  const issues = page.getByRole('table', { name: 'Filas con errores' });
  await expect(issues.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  await page.getByLabel('Buscar por nombre, SKU o código').fill('cuaderno');
  await expect(page.getByTestId('product-row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Importar 1 productos' }).click();
  await expect(page.getByTestId('notice')).toContainText('Importación terminada: 1 nuevos');
  const row = page.locator('[data-testid="product-row"][data-sku="PAP-001"]');
  await expect(row).toContainText('Cuaderno profesional 100 hojas');
  await expect(row).toContainText('12');

  // Goods received: 8 more at a new cost.
  await page.getByRole('button', { name: 'Editar Cuaderno profesional 100 hojas' }).click();
  await expect(page.getByTestId('product-stock')).toContainText('12');
  const receipt = page.getByRole('form', { name: 'Entrada de mercancía' });
  await receipt.getByLabel('Cantidad').fill('8');
  await receipt.getByLabel('Costo unitario (pesos)').fill('31.00');
  await receipt.getByRole('button', { name: 'Registrar entrada' }).click();
  await expect(page.getByTestId('product-stock')).toContainText('Existencia actual: 20');
  await checkScreen(page, testInfo, 'office-product-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).click();
  await checkScreen(page, testInfo, 'office-products');

  // The counter sells it by barcode; its stock follows.
  await page.getByRole('button', { name: 'Volver a la caja' }).click();
  const search = page.getByRole('searchbox', { name: /Buscar producto/ });
  await search.fill('7501031311309');
  await search.press('Enter');
  await expect(page.getByTestId('total')).toHaveText('$45.50');
  await page.keyboard.press('F8');
  await page.locator('.checkout-panel').getByRole('button', { name: 'Efectivo' }).click();
  await page.getByRole('button', { name: 'Exacto' }).click();
  await page.getByRole('button', { name: 'Cobrar $45.50 en efectivo' }).click();
  await page.getByRole('button', { name: 'Nueva venta' }).click();
  await page.getByRole('button', { name: 'Oficina' }).click();
  await page.getByRole('tab', { name: 'Productos' }).click();
  await page.getByLabel('Buscar por nombre, SKU o código').fill('cuaderno');
  await expect(page.locator('[data-testid="product-row"][data-sku="PAP-001"]')).toContainText('19');
});
