/**
 * The checkout of issue 6 in demo mode, driven like a cashier: F8, tender forms, and the payment
 * panel following the engine's events while a trainee answers on the virtual terminal page.
 */
import { expect, test } from './fixtures';
import { addBySku, openCounter, openTerminal, payPartByCard, startCardCharge } from './support/counter';

test.describe('checkout', () => {
  test('a card sale with a tip is approved on the virtual terminal and the sale completes', async ({
    page,
    context,
    shell,
  }, testInfo) => {
    await openCounter(page, shell.url);
    await expect(page.getByTestId('environment')).toContainText('DEMO');
    await expect(page.getByTestId('demo-banner')).toContainText('no se mueve dinero real');
    await expect(page.getByTestId('relay-status')).toHaveAttribute('data-state', 'connected');
    await expect(page.getByTestId('terminals')).toContainText('Terminal virtual');
    await addBySku(page, ['BEB-002']);
    await expect(page.getByTestId('total')).toHaveText('$42.00');

    await page.keyboard.press('F8');
    await expect(page.getByRole('heading', { name: 'Cobro' })).toBeVisible();
    await expect(page.getByTestId('tender-due')).toHaveText('$42.00');
    // $42.00 is below every MSI minimum: the choice is offered disabled with the reason.
    await expect(page.getByLabel('Meses sin intereses')).toBeDisabled();
    await page.getByRole('button', { name: '10 %' }).click();
    await expect(page.getByTestId('tip-amount')).toHaveText('$4.20');
    await page.screenshot({ path: testInfo.outputPath('checkout-card.png') });
    await page.getByRole('button', { name: 'Cobrar $46.20 con tarjeta' }).click();

    const progress = page.getByTestId('payment-progress');
    await expect(progress).toHaveAttribute('data-status', 'sent', { timeout: 10_000 });
    await expect(page.getByTestId('payment-status')).toContainText(
      'Esperando la tarjeta en la terminal «Terminal virtual»',
    );
    await expect(page.getByRole('button', { name: 'Cancelar el cobro' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('payment-waiting.png') });

    const terminal = await openTerminal(page, context);
    await expect(terminal.getByTestId('amount')).toContainText('42.00');
    await expect(terminal.getByTestId('tip')).toContainText('4.20');
    await terminal.getByTestId('approve').click();

    await expect(page.getByTestId('sale-completed')).toHaveText('Venta completada', { timeout: 15_000 });
    await page.screenshot({ path: testInfo.outputPath('sale-completed.png') });
    await expect(page.getByTestId('total')).toHaveText('$0.00');
    await page.getByRole('button', { name: 'Nueva venta' }).click();
    await expect(page.getByRole('searchbox', { name: 'Buscar producto o escanear código' })).toBeVisible();
  });

  test('a declined card shows the reason and is retried in one click, then approved', async ({
    page,
    context,
    shell,
  }) => {
    await openCounter(page, shell.url);
    await addBySku(page, ['ABA-001']);
    await startCardCharge(page);

    const terminal = await openTerminal(page, context);
    await terminal.getByTestId('decline-result').selectOption('rechazadaRiesgo');
    await terminal.getByTestId('decline').click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'declined', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('payment-reason')).toContainText('prevención de fraude');
    // Nothing was charged, so the sale is still open and still due.
    await expect(page.getByTestId('tender-due')).not.toHaveText('$0.00');

    await page.getByRole('button', { name: 'Reintentar el cobro' }).click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'sent', {
      timeout: 10_000,
    });
    await terminal.bringToFront();
    await expect(terminal.getByTestId('request')).toBeVisible({ timeout: 15_000 });
    await terminal.getByTestId('approve').click();
    await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 15_000 });
  });

  test('the customer cancels on the terminal; the cashier sees nothing was charged', async ({
    page,
    context,
    shell,
  }) => {
    await openCounter(page, shell.url);
    await addBySku(page, ['LIM-003']);
    await startCardCharge(page);
    const terminal = await openTerminal(page, context);
    await terminal.getByTestId('cancel').click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'canceled', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('payment-status')).toContainText('No se cobró nada');
    await expect(page.getByRole('button', { name: 'Cancelar el cobro' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reintentar el cobro' })).toBeVisible();
  });

  test('the cashier cancels a charge still waiting for the card', async ({ page, shell }) => {
    await openCounter(page, shell.url);
    await addBySku(page, ['LIM-003']);
    await startCardCharge(page);
    // Esc does not leave a payment in doubt.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('payment-progress')).toBeVisible();
    await page.getByRole('button', { name: 'Cancelar el cobro' }).click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'canceled', {
      timeout: 15_000,
    });
    await page.getByRole('button', { name: 'Usar otra forma de pago' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('searchbox', { name: 'Buscar producto o escanear código' })).toBeVisible();
  });

  test('cash with change', async ({ page, shell }, testInfo) => {
    await openCounter(page, shell.url);
    await addBySku(page, ['BEB-002', 'PAN-002']);
    const total = await page.getByTestId('total').textContent();
    await page.getByRole('button', { name: 'Cobrar (F8)' }).click();
    await page
      .getByRole('group', { name: 'Forma de pago' })
      .getByRole('button', { name: 'Efectivo' })
      .click();
    await page.getByRole('button', { name: '$200.00' }).click();
    await expect(page.getByTestId('change-due')).not.toHaveText('');
    const change = await page.getByTestId('change-due').textContent();
    await page.screenshot({ path: testInfo.outputPath('checkout-cash.png') });
    await page.getByRole('button', { name: `Cobrar ${total ?? ''} en efectivo` }).click();
    await expect(page.getByTestId('sale-completed')).toBeVisible();
    await expect(page.getByText(`Entrega de cambio: ${change ?? ''}`)).toBeVisible();
    await expect(page.getByTestId('total')).toHaveText('$0.00');
  });

  test('split tender: part cash, the rest by card', async ({ page, context, shell }) => {
    await openCounter(page, shell.url);
    await addBySku(page, ['VAR-003']);
    await expect(page.getByTestId('total')).toHaveText('$95.00');
    await page.keyboard.press('F8');
    await page.getByLabel('Monto de este pago (pesos)').fill('50');
    await page
      .getByRole('group', { name: 'Forma de pago' })
      .getByRole('button', { name: 'Efectivo' })
      .click();
    await page.getByLabel('Recibido (pesos)').fill('50');
    await page.getByRole('button', { name: 'Cobrar $50.00 en efectivo' }).click();
    await expect(page.getByTestId('tender-paid')).toHaveText('$50.00');
    await expect(page.getByTestId('tender-due')).toHaveText('$45.00');
    await expect(page.getByLabel('Monto de este pago (pesos)')).toHaveValue('45.00');
    await page.getByRole('button', { name: 'Cobrar $45.00 con tarjeta' }).click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'sent', {
      timeout: 10_000,
    });
    const terminal = await openTerminal(page, context);
    await expect(terminal.getByTestId('amount')).toContainText('45.00');
    await terminal.getByTestId('approve').click();
    await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Total cobrado: $95.00')).toBeVisible();
  });

  test('split tender: part by card, then the rest in cash at once', async ({ page, context, shell }) => {
    await openCounter(page, shell.url);
    await addBySku(page, ['VAR-003']);
    await page.keyboard.press('F8');
    await payPartByCard(page, context, 60);
    // No dead end: the approved part is one line, and the remainder's tenders are there already.
    await expect(page.getByTestId('partly-paid')).toContainText('Falta cobrar $35.00');
    await expect(page.getByTestId('tender-due')).toHaveText('$35.00');
    await expect(page.getByLabel('Monto de este pago (pesos)')).toHaveValue('35.00');
    await page.keyboard.press('F7');
    await expect(page.getByLabel('Recibido (pesos)')).toBeFocused();
    await page.keyboard.type('50');
    await expect(page.getByTestId('change-due')).toHaveText('$15.00');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sale-completed')).toBeVisible();
    await expect(page.getByText('Total cobrado: $95.00')).toBeVisible();
  });

  test('MSI is offered only from its minimum, and the terminal receives the chosen term', async ({
    page,
    context,
    shell,
  }) => {
    await openCounter(page, shell.url);
    await addBySku(page, ['VAR-003']);
    for (let i = 2; i <= 4; i++) {
      await page.getByRole('button', { name: /^Agregar uno de / }).click();
      await expect(page.getByTestId('line-quantity')).toHaveText(String(i));
    }
    await expect(page.getByTestId('total')).toHaveText('$380.00');
    await page.keyboard.press('F8');
    const msi = page.getByLabel('Meses sin intereses');
    await expect(msi).toBeEnabled();
    // $380.00 reaches 3 months ($300) but not 6 ($600).
    await expect(msi.locator('option')).toHaveText(['Una sola exhibición', '3 meses']);
    await msi.selectOption('3');
    await page.getByRole('button', { name: 'Cobrar $380.00 con tarjeta' }).click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'sent', {
      timeout: 10_000,
    });
    const terminal = await openTerminal(page, context);
    await expect(terminal.getByTestId('msi')).toContainText('3');
    await terminal.getByTestId('approve').click();
    await expect(page.getByTestId('sale-completed')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('receipt')).toContainText('3 meses');
  });
});
