/**
 * Demo mode as a fresh install gets it: the web shell starts the simulator and the relay in-process;
 * a card payment started through window.caja is approved by a trainee on the virtual terminal page,
 * the webhook travels simulator → relay → relay client, and the sale completes. (The checkout screen
 * arrives with issue 6; this drives the same API the screen will use.)
 */
import type { PaymentView } from '../../app/domain/payment-view';
import { expect, test } from './fixtures';
import { openCounter } from './support/counter';

test('a fresh demo store charges a card approved on the virtual terminal', async ({
  page,
  context,
  shell,
}) => {
  await openCounter(page, shell.url);
  await expect(page.getByTestId('total')).toBeVisible();
  const info = await page.evaluate(() => window.caja!.invoke('app.info.get', {}));
  if (!info.ok) throw new Error('app.info.get failed');
  expect(info.value.environment).toBe('demo');
  expect(info.value.demoTerminalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/terminal\/CAJA01$/);

  const search = page.getByRole('searchbox', { name: 'Buscar producto o escanear código' });
  await search.fill('BEB-002');
  await search.press('Enter');
  await expect(page.getByTestId('total')).toHaveText('$42.00');

  const started = await page.evaluate(() => window.caja!.invoke('payments.card.start', {}));
  if (!started.ok) throw new Error(`card start failed: ${started.error.code}`);
  expect(started.value).toMatchObject({ amount: 4200, terminalSerial: 'CAJA01' });

  const terminal = await context.newPage();
  await terminal.goto(info.value.demoTerminalUrl ?? '');
  await expect(terminal.getByTestId('amount')).toContainText('42.00');
  await terminal.getByTestId('approve').click();

  await expect
    .poll(
      async () => {
        const reply = await page.evaluate(
          (id) => window.caja!.invoke('payments.get', { paymentId: id }),
          started.value.id,
        );
        return reply.ok ? (reply.value.payment as PaymentView).status : 'error';
      },
      { timeout: 15_000 },
    )
    .toBe('approved');
  // The sale is complete: the cart the page shows is a new, empty sale.
  await expect(page.getByTestId('total')).toHaveText('$0.00');
  const relay = await page.evaluate(() => window.caja!.invoke('relay.status.get', {}));
  expect(relay.ok && relay.value.state).toBe('connected');
});
