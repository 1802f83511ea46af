/**
 * Issue 13 in the office: a manager adds a product (a wrong check digit refused in Spanish),
 * imports a catalog file (an empty file refused; a refused row shown with its line and its Spanish
 * reason before anything is written), receives stock, and a cashier then sells the imported product
 * by its barcode, which takes its stock down.
 */
import { expect, test } from './fixtures';
import { expectInProductReport, importCatalog, sellByCodeForCash } from './support/catalog';
import { checkScreen } from './support/check-screen';
import { openOffice } from './support/office';

test('add, import with a refused row, receive stock, and sell the imported product by barcode', async ({
  page,
  shell,
}, testInfo) => {
  // A long walk through two screens (add, import, receive, sell, report): room for a loaded machine.
  test.setTimeout(90_000);
  await openOffice(page, shell.url, 'products');
  await expect(page.getByTestId('products-shown')).toBeVisible();

  // Add by hand.
  await page.getByRole('button', { name: 'Nuevo producto' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('SKU (clave)').fill('HEL-001');
  await dialog.getByLabel('Nombre').fill('Helado de vainilla 1 L');
  await dialog.getByLabel('Precio con IVA (pesos)').fill('89.90');
  await dialog.getByLabel('Departamento').fill('Congelados');
  // A mistyped barcode is refused in Spanish, under its field, and nothing is saved.
  const barcodes = dialog.getByLabel('Códigos de barras (uno por línea)');
  await barcodes.fill('7501234567890');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.locator('.field-issue').first()).toHaveText(
    'El dígito verificador de 7501234567890 no es válido para EAN-13.',
  );
  await barcodes.fill('');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByTestId('notice')).toContainText('Producto guardado: Helado de vainilla 1 L');
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await page.getByLabel('Buscar por nombre, SKU o código').fill('helado');
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('product-row')).toContainText('$89.90');

  // Import: the preview names the refused row by its spreadsheet line; commit writes the rest.
  await page.getByLabel('Buscar por nombre, SKU o código').fill('cuaderno');
  await expect(page.getByTestId('product-row')).toHaveCount(0);
  // A file that cannot be a catalog is refused as a whole, in Spanish.
  await page.getByLabel('Archivo para importar').setInputFiles({
    name: 'vacio.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(0),
  });
  await expect(page.getByTestId('notice')).toHaveText(
    /^No se puede importar el archivo: El archivo está vacío \(0 bytes\)\./,
  );
  await page.getByRole('button', { name: 'Cerrar aviso' }).click();
  await importCatalog(page);
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
  await sellByCodeForCash(page, '7501031311309', '$45.50');
  await page.getByRole('button', { name: 'Oficina' }).click();
  await page.getByRole('tab', { name: 'Productos' }).click();
  await page.getByLabel('Buscar por nombre, SKU o código').fill('cuaderno');
  await expect(page.locator('[data-testid="product-row"][data-sku="PAP-001"]')).toContainText('19');
  await page.getByRole('tab', { name: 'Turnos y reportes' }).click();
  await expectInProductReport(page, 'Cuaderno profesional 100 hojas', 1, '$45.50');
  await expect(page.getByTestId('period-totals')).toContainText('$45.50');
});
