/**
 * The manager's home (office tab «Pendientes») in demo mode: a card sale approved on the virtual
 * terminal and partly refunded from the office; an unknown payment resolved from the open items with
 * "verify now". axe on each screen, and a screenshot of each under test-results/.
 */
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { checkScreen } from './support/check-screen';
import { addBySku, openCounter, signIn, startCardCharge } from './support/counter';
import { startWebShell } from '../support/web-shell';

/** Starts a card charge for BEB-002 ($42.00) and returns its payment id. */
async function chargeCard(page: Page): Promise<number> {
  await addBySku(page, ['BEB-002']);
  await startCardCharge(page);
  const tender = await page.evaluate(() => window.caja!.invoke('sales.tender.get', {}));
  if (!tender.ok) throw new Error('sales.tender.get failed');
  const payment = tender.value.payments.at(-1);
  if (!payment) throw new Error('no payment');
  return payment.id;
}

/** Taps "Aprobar" on the virtual terminal's page. */
async function approveOnTerminal(page: Page, context: BrowserContext): Promise<void> {
  const info = await page.evaluate(() => window.caja!.invoke('app.info.get', {}));
  if (!info.ok || !info.value.demoTerminalUrl) throw new Error('no demo terminal');
  const terminal = await context.newPage();
  await terminal.goto(info.value.demoTerminalUrl);
  await expect(terminal.getByTestId('amount')).toContainText('42.00');
  await terminal.getByTestId('approve').click();
  await terminal.close();
}

async function openHome(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Oficina' }).click();
  await expect(page.getByRole('tab', { name: 'Pendientes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Pendientes del día' })).toBeVisible();
}

test('a card sale approved on the virtual terminal is partly refunded from the office', async ({
  page,
  context,
  shell,
}, testInfo) => {
  test.setTimeout(90_000);
  await openCounter(page, shell.url, 'manager');
  const paymentId = await chargeCard(page);
  await approveOnTerminal(page, context);
  await expect
    .poll(
      async () => {
        const reply = await page.evaluate(
          (id) => window.caja!.invoke('payments.get', { paymentId: id }),
          paymentId,
        );
        return reply.ok ? reply.value.payment.status : 'error';
      },
      { timeout: 15_000 },
    )
    .toBe('approved');

  await openHome(page);
  await checkScreen(page, testInfo, 'office-home');
  await page.getByLabel('Número de pago').fill(String(paymentId));
  await page.getByRole('button', { name: `Devolver el pago ${paymentId}` }).click();
  const dialog = page.getByRole('dialog', { name: `Devolución del pago ${paymentId}` });
  await expect(dialog.getByTestId('refundable')).toHaveText('$42.00');
  // The trusted side decides void or refund by the 23:00 rule; the dialog says which, with the cut-off.
  await expect(dialog.getByTestId('refund-kind')).toHaveAttribute('data-kind', /^(void|refund)$/);
  await expect(dialog.getByTestId('refund-kind')).toContainText('23:00');
  const amount = dialog.getByLabel('Monto a devolver (pesos)');
  await expect(amount).toHaveValue('42.00');
  await amount.fill('10');
  await expect(dialog.getByText('Devolución parcial')).toBeVisible();
  await checkScreen(page, testInfo, 'office-refund-dialog');
  await dialog.getByRole('button', { name: 'Revisar' }).click();
  await expect(dialog.getByText('¿Devolver $10.00 a la tarjeta')).toBeVisible();
  await dialog.getByRole('button', { name: 'Confirmar devolución' }).click();

  // Kushki accepts it, then its devolucion webhook (simulator → relay → Caja) confirms it.
  await expect(dialog.getByTestId('refund-status')).toHaveAttribute('data-status', 'confirmed', {
    timeout: 20_000,
  });
  await expect(dialog.getByTestId('refundable')).toHaveText('$32.00');
  await checkScreen(page, testInfo, 'office-refund-confirmed');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const payment = await page.evaluate(
    (id) => window.caja!.invoke('payments.get', { paymentId: id }),
    paymentId,
  );
  expect(payment.ok && payment.value.payment.status).toBe('approved');

  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { name: "Today's open items" })).toBeVisible();
  await expect(page.getByTestId('count-refundsInFlight')).toContainText('Refunds in progress');
  await checkScreen(page, testInfo, 'office-home-en');
});

test('an unknown payment is resolved from the open items with "verify now"', async ({
  page,
  context,
  shell,
}, testInfo) => {
  test.setTimeout(120_000);
  await openCounter(page, shell.url, 'manager');
  const paymentId = await chargeCard(page);
  await shell.stop();
  // As if Caja had been off for an hour while the customer stood at the terminal: past its
  // verification deadline, so the start-up check finds the request still open and calls it unknown.
  const db = new Database(join(shell.dataDir, 'caja.sqlite'));
  db.prepare('UPDATE payments SET created_at = created_at - 3600000 WHERE id = ?').run(paymentId);
  db.close();

  const again = await startWebShell({ dataDir: shell.dataDir });
  try {
    await page.goto(again.url);
    await signIn(page, 'manager');
    await openHome(page);
    await expect(page.getByTestId('count-unknownPayments')).toContainText('1', { timeout: 15_000 });
    await page.getByTestId('count-unknownPayments').click();
    const item = page.getByTestId('unknown-payment');
    await expect(item).toContainText(`Pago ${paymentId}`);
    await expect(item).toContainText('Nunca cobres de nuevo');
    await item.getByLabel(`Nota para el historial del pago ${paymentId}`).fill('El cliente espera en caja.');
    await item.getByRole('button', { name: 'Guardar nota' }).click();
    await expect(item).toContainText('El cliente espera en caja.');
    await checkScreen(page, testInfo, 'office-unknown-payment');

    // With the relay down no webhook can settle it: only the manager's "verify now" will.
    const offline = await page.evaluate(() => window.caja!.invoke('demo.relay.setOnline', { online: false }));
    expect(offline.ok).toBe(true);
    await approveOnTerminal(page, context);
    await item.getByRole('button', { name: 'Verificar ahora' }).click();
    await expect(page.getByText(`Pago ${paymentId}: Pago aprobado`)).toBeVisible();
    await expect(page.getByTestId('count-unknownPayments')).toContainText('0');
    await expect(page.getByTestId('unknown-payment')).toHaveCount(0);
  } finally {
    await again.stop();
  }
});
