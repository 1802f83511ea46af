/**
 * Issue 16, items 1 and 2, in Chromium on the real web shell: a screen that throws while drawing
 * shows its error boundary (the rest of the window works), the error reaches the log file under
 * `<data-dir>/logs/` with the correlation id the page shows, and "Volver" brings the counter back
 * with the sale intact. The crash is forced from the test alone — money formatting is made to throw
 * for a moment — so the app has no crash switch of its own. The office's maintenance section is
 * checked too: a backup on demand appears in its list.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { addBySku, openCounter } from './support/counter';
import { openOffice } from './support/office';
import { logLineWith, logText } from '../support/log-files';

test('a crash on the counter shows its boundary, is logged, and the counter comes back', async ({
  page,
  shell,
}) => {
  await openCounter(page, shell.url);
  await addBySku(page, ['LAC-001']);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  // Money formatting throws from now on: the next render of the cart fails.
  await page.evaluate(() => {
    const proto = Intl.NumberFormat.prototype as object;
    const original = Object.getOwnPropertyDescriptor(proto, 'format');
    (window as unknown as { __format?: PropertyDescriptor }).__format = original;
    Object.defineProperty(proto, 'format', {
      configurable: true,
      get() {
        throw new Error('forced render crash (test)');
      },
    });
  });
  const search = page.getByRole('searchbox', { name: 'Buscar producto o escanear código' });
  // Typing redraws the search results, prices included: the counter fails there.
  await search.fill('pan');
  const boundary = page.getByTestId('boundary-counter');
  await expect(boundary).toBeVisible();
  await expect(boundary).toContainText('Algo falló en esta pantalla');
  // The top bar is outside the counter's boundary: still there.
  await expect(page.getByRole('button', { name: 'Bloquear' })).toBeVisible();
  const reference = boundary.locator('.screen-boundary-reference');
  await expect(reference).toContainText(/folio: [0-9a-f-]{36}/);
  const correlationId = /([0-9a-f-]{36})/.exec((await reference.textContent()) ?? '')?.[1] ?? 'none';
  await expect.poll(() => logText(shell.dataDir).includes(correlationId)).toBe(true);
  expect(logLineWith(shell.dataDir, correlationId)).toMatchObject({
    level: 'error',
    msg: 'renderer error',
    source: 'boundary',
    screen: 'counter',
    message: 'forced render crash (test)',
  });

  await page.evaluate(() => {
    const original = (window as unknown as { __format?: PropertyDescriptor }).__format;
    if (original) Object.defineProperty(Intl.NumberFormat.prototype, 'format', original);
  });
  await boundary.getByRole('button', { name: 'Volver' }).click();
  await expect(boundary).toHaveCount(0);
  // The sale lives on the trusted side: its line is there, and the counter sells again.
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await addBySku(page, ['PAN-002']);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
});

test('Configuración shows where the logs are and takes a backup on demand', async ({ page, shell }) => {
  await openOffice(page, shell.url, 'settings');
  const section = page.getByRole('region', { name: 'Registros y respaldos' });
  await expect(section.getByTestId('logs-dir')).toHaveText(join(shell.dataDir, 'logs'));
  await section.getByRole('button', { name: 'Respaldar ahora' }).click();
  await expect(section.getByRole('status')).toContainText('Respaldo hecho: caja-manual-');
  await expect(section.getByRole('listitem').filter({ hasText: 'A petición' })).toHaveCount(1);
});
