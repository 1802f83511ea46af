/**
 * Demo-mode training tools: the trainer takes the payment connection (the in-process relay) down in
 * the middle of a card payment, and the sale still resolves by verification; a stored receipt is
 * printed on the (virtual) terminal through Kushki's print-ticket.
 */
import { expect, test } from './fixtures';
import { addBySku, openCounter, openTerminal, startCardCharge } from './support/counter';

test('the relay goes down mid-payment: the status bar says so and the sale still completes', async ({
  page,
  context,
  shell,
}) => {
  test.setTimeout(90_000);
  await openCounter(page, shell.url);
  const relay = page.getByTestId('relay-status');
  await expect(relay).toHaveAttribute('data-state', 'connected', { timeout: 10_000 });
  await addBySku(page, ['ABA-002']);
  await startCardCharge(page);

  await page.getByRole('button', { name: 'Simular corte de conexión' }).click();
  await expect(relay).toHaveAttribute('data-state', 'reconnecting', { timeout: 10_000 });
  const terminal = await openTerminal(page, context);
  await terminal.getByTestId('approve').click();
  // The webhook cannot reach the store; get-status on the verification schedule finds the approval.
  await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Restablecer conexión' }).click();
  await expect(relay).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
});

test('a past receipt prints on the terminal, and "Guardar PDF" opens the print dialog in the browser', async ({
  page,
  context,
  shell,
}) => {
  await page.addInitScript(() => {
    const counter = window as unknown as { __printed: number };
    counter.__printed = 0;
    window.print = () => {
      counter.__printed += 1;
    };
  });
  await openCounter(page, shell.url);
  await addBySku(page, ['BEB-001']);
  await page.keyboard.press('F8');
  await page.getByRole('group', { name: 'Forma de pago' }).getByRole('button', { name: 'Efectivo' }).click();
  await page.getByRole('button', { name: '$200.00' }).click();
  await page.getByRole('button', { name: 'Cobrar $20.00 en efectivo' }).click();
  await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Nueva venta' }).click();
  await page.getByRole('button', { name: 'Tickets' }).click();
  await page.getByRole('button', { name: /^Ver ticket de la venta/ }).click();
  await page.getByRole('button', { name: 'Imprimir en la terminal' }).click();
  await expect(page.getByTestId('notice')).toContainText('Ticket enviado a la terminal CAJA01');
  const terminal = await openTerminal(page, context);
  const tickets = await terminal.evaluate(async () => (await fetch('/_sim/tickets')).json());
  expect(JSON.stringify(tickets)).toContain('TOTAL');
  // The web shell has no file dialog of its own: the browser's print dialog offers "Save as PDF".
  await page.getByRole('button', { name: 'Guardar PDF' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
    .toBe(1);
});
