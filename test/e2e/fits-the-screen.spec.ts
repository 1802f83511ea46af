/**
 * Issue 14 item 1: at the screens Mexican counters have (1024×768 touch monitors, 1366×768 laptops
 * and cheap POS PCs, 1920×1080) every primary action is on screen without scrolling, the line just
 * added is visible and marked, touch targets are at least 44 px and the status bar stays one line.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addBySku, openTerminal, payPartByCard, signIn } from './support/counter';
import { expectUsableWithoutScrolling } from './support/in-viewport';

// (In view: at least 95 % of the row; a scrolled list may cut a sub-pixel border.)
// Enough lines to overflow the cart at 768 px, so "the last line is visible" means something.
const MANY = ['BEB-001', 'BEB-002', 'BEB-003', 'BEB-004', 'BEB-005', 'BEB-006', 'BEB-007', 'BEB-008'];

for (const [width, height] of [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('sign-in, the sale, each tender, the payment panel and the completed screen', async ({
      page,
      context,
      shell,
    }) => {
      await page.goto(shell.url);
      await expectUsableWithoutScrolling(page, page.getByRole('button', { name: 'Entrar' }), 'Entrar');
      await signIn(page);
      await expectStatusBarOneLine(page);

      await addBySku(page, MANY);
      const last = page.getByTestId('cart-line').last();
      await expect(last).toHaveAttribute('data-sku', 'BEB-008');
      await expect(last).toHaveAttribute('data-just-changed', 'true');
      await expect(last).toBeInViewport({ ratio: 0.95 });
      await expectUsableWithoutScrolling(page, page.getByRole('button', { name: 'Cobrar (F8)' }), 'Cobrar');
      for (const name of ['Poner en espera', 'Ventas en espera', 'Tickets', 'Vaciar venta']) {
        await expectUsableWithoutScrolling(page, page.getByRole('button', { name }), name);
      }

      // A quantity change marks that line and brings it back into view.
      await page.getByRole('button', { name: /^Agregar uno de Refresco de cola 600 ml/ }).click();
      const first = page.locator('[data-testid="cart-line"][data-sku="BEB-001"]');
      await expect(first).toHaveAttribute('data-just-changed', 'true');
      await expect(first).toBeInViewport({ ratio: 0.95 });

      await page.keyboard.press('F8');
      const total = (await page.getByTestId('total').textContent()) ?? '';
      const cardButton = page.getByRole('button', { name: `Cobrar ${total} con tarjeta` });
      await expectUsableWithoutScrolling(page, cardButton, 'card charge');
      await page.locator('.checkout-panel').getByRole('button', { name: 'Efectivo' }).click();
      await expectUsableWithoutScrolling(
        page,
        page.getByRole('button', { name: `Cobrar ${total} en efectivo` }),
        'cash charge',
      );
      await page.locator('.checkout-panel').getByRole('button', { name: 'Tarjeta' }).click();

      await cardButton.click();
      await expectUsableWithoutScrolling(
        page,
        page.getByRole('button', { name: 'Cancelar el cobro' }),
        'cancel',
      );
      const terminal = await openTerminal(page, context);
      await terminal.getByTestId('decline-result').selectOption('rechazadaRiesgo');
      await terminal.getByTestId('decline').click();
      await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'declined', {
        timeout: 15_000,
      });
      await expectUsableWithoutScrolling(
        page,
        page.getByRole('button', { name: 'Reintentar el cobro' }),
        'retry',
      );
      await expectUsableWithoutScrolling(
        page,
        page.getByRole('button', { name: 'Usar otra forma de pago' }),
        'other tender',
      );
      await page.getByRole('button', { name: 'Reintentar el cobro' }).click();
      await terminal.getByTestId('approve').click();
      await expectUsableWithoutScrolling(
        page,
        page.getByRole('button', { name: 'Nueva venta' }),
        'Nueva venta',
      );
      await expectStatusBarOneLine(page);
    });

    test('the number pad and the remainder of a split sale', async ({ page, context, shell }) => {
      await page.goto(shell.url);
      await signIn(page);
      await addBySku(page, ['VAR-003']);
      await page.getByTestId('line-quantity').click();
      const pad = page.getByRole('dialog');
      await expectUsableWithoutScrolling(page, pad.getByRole('button', { name: 'Aceptar' }), 'pad set');
      await expectUsableWithoutScrolling(page, pad.getByRole('button', { name: 'Cancelar' }), 'pad cancel');
      await page.keyboard.press('Escape');

      await page.keyboard.press('F8');
      await payPartByCard(page, context, 60);
      const rest = page.getByRole('button', { name: 'Cobrar $35.00 con tarjeta' });
      await expectUsableWithoutScrolling(page, rest, 'remainder by card');
      await page.keyboard.press('F7');
      await expectUsableWithoutScrolling(
        page,
        page.getByRole('button', { name: 'Cobrar $35.00 en efectivo' }),
        'remainder in cash',
      );
    });
  });
}

/** The status bar is one line: its height is that of one line of its text, whatever the width. */
async function expectStatusBarOneLine(page: Page) {
  const bar = page.locator('.status-bar');
  const { height, lineHeight } = await bar.evaluate((element) => {
    const style = getComputedStyle(element);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const line = Math.max(...[...element.children].map((child) => child.getBoundingClientRect().height));
    return { height: element.getBoundingClientRect().height - padding, lineHeight: line };
  });
  expect(height).toBeLessThanOrEqual(lineHeight + 2);
}
