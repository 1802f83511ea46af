/** Receipts from stored data, printed after the sale and reprinted later (issue 6, deliverable 5). */
import { expect, test } from './fixtures';
import { addBySku, openCounter, openTerminal, startCardCharge } from './support/counter';

test('the receipt shows the card charge as stored, and any past receipt can be reprinted', async ({
  page,
  context,
  shell,
}, testInfo) => {
  // Count print requests instead of opening the print dialog.
  await page.addInitScript(() => {
    const counter = window as unknown as { __printed: number };
    counter.__printed = 0;
    window.print = () => {
      counter.__printed += 1;
    };
  });
  await openCounter(page, shell.url);
  await addBySku(page, ['BEB-002', 'PAN-002']);
  await startCardCharge(page);
  const terminal = await openTerminal(page, context);
  await terminal.getByTestId('approve').click();
  await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 15_000 });

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('Abarrotes La Esperanza');
  await expect(receipt).toContainText('Refresco de cola 2 L');
  await expect(receipt).toContainText('Atendió: Ana López');
  await expect(receipt.getByTestId('receipt-legal')).toHaveText('Este ticket no es un comprobante fiscal');
  await expect(receipt).toContainText(/IVA 16 % sobre \$[\d.,]+/);
  await expect(receipt.getByTestId('receipt-payment')).toContainText(/Tarjeta \w+ ···· \d{4}/);
  await expect(receipt.getByTestId('receipt-payment')).toContainText(/Autorización: \w+/);
  await expect(receipt.getByTestId('receipt-payment')).toContainText(/Referencia: [0-9a-f]{32}/);
  await expect(receipt.getByTestId('receipt-date')).toHaveText(/^\d{2}\/\d{2}\/\d{2,4},? \d{1,2}:\d{2}/);
  const total = await receipt.getByTestId('receipt-total').textContent();
  await page.screenshot({ path: testInfo.outputPath('receipt.png') });
  await page.getByRole('button', { name: 'Imprimir ticket' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
    .toBe(1);

  // Later: a new sale is under way and the customer asks for the ticket again.
  await page.getByRole('button', { name: 'Nueva venta' }).click();
  await page.getByRole('button', { name: 'Tickets' }).click();
  await expect(page.getByTestId('past-sale')).toHaveCount(1);
  await page.getByRole('button', { name: /^Ver ticket de la venta/ }).click();
  await expect(page.getByTestId('receipt-total')).toHaveText(total ?? '');
  await expect(page.getByTestId('receipt')).toContainText('Atendió: Ana López');
  await page.getByRole('button', { name: 'Reimprimir ticket' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
    .toBe(2);
});
