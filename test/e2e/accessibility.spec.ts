/**
 * axe-core on every cashier screen (issue 6, deliverable 9): no serious or critical violation.
 * Each screen is also saved as a screenshot artifact.
 */
import { expect, test } from './fixtures';
import { checkScreen } from './support/check-screen';
import { addBySku, openCounter, openTerminal, signIn } from './support/counter';

test.describe('accessibility', () => {
  test('sign-in, sell, checkout, payment states and lock screen pass axe', async ({
    page,
    context,
    shell,
  }, testInfo) => {
    // Eight axe passes and full-page screenshots: slow on a loaded machine, not a hang.
    test.setTimeout(120_000);
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await checkScreen(page, testInfo, 'a11y-login');

    await signIn(page);
    await addBySku(page, ['BEB-002', 'LAC-001']);
    await checkScreen(page, testInfo, 'a11y-sell');

    await page.keyboard.press('F8');
    await expect(page.getByRole('heading', { name: 'Cobro' })).toBeVisible();
    await checkScreen(page, testInfo, 'a11y-checkout-card');
    await page
      .getByRole('group', { name: 'Forma de pago' })
      .getByRole('button', { name: 'Efectivo' })
      .click();
    await page.getByRole('button', { name: '$100.00' }).click();
    await checkScreen(page, testInfo, 'a11y-checkout-cash');

    await page.getByRole('group', { name: 'Forma de pago' }).getByRole('button', { name: 'Tarjeta' }).click();
    await page.getByRole('button', { name: /con tarjeta$/ }).click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'sent', {
      timeout: 10_000,
    });
    await checkScreen(page, testInfo, 'a11y-payment-waiting');

    const terminal = await openTerminal(page, context);
    await terminal.getByTestId('decline').click();
    await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'declined', {
      timeout: 15_000,
    });
    await page.bringToFront();
    await checkScreen(page, testInfo, 'a11y-payment-declined');

    await page.getByRole('button', { name: 'Usar otra forma de pago' }).click();
    await page
      .getByRole('group', { name: 'Forma de pago' })
      .getByRole('button', { name: 'Efectivo' })
      .click();
    await page.getByRole('button', { name: 'Exacto' }).click();
    await page.getByRole('button', { name: /en efectivo$/ }).click();
    await expect(page.getByTestId('sale-completed')).toBeVisible();
    await checkScreen(page, testInfo, 'a11y-sale-completed');

    await page.getByRole('button', { name: 'Nueva venta' }).click();
    await page.getByRole('button', { name: 'Bloquear' }).click();
    await expect(page.getByRole('heading', { name: 'Caja bloqueada' })).toBeVisible();
    await checkScreen(page, testInfo, 'a11y-locked');
  });

  test('the English counter passes axe too', async ({ page, shell }, testInfo) => {
    await openCounter(page, shell.url);
    await page.getByLabel('Idioma').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Current sale' })).toBeVisible();
    await expect(page.getByTestId('environment')).toContainText('DEMO');
    await expect(page.getByTestId('demo-banner')).toContainText('no real money moves');
    await addBySku(page, ['BEB-002']);
    await page.keyboard.press('F8');
    await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Charge $42.00 by card' })).toBeVisible();
    await checkScreen(page, testInfo, 'a11y-checkout-en');
  });
});
