import { INVOKE_CHANNELS } from '../../app/api/channels';
import { sampleArgs } from '../support/sample-args';
import { openCounter } from './support/counter';
import { expect, test } from './fixtures';

const OFFICE = INVOKE_CHANNELS.filter((channel) => channel.startsWith('office.'));

test.describe("the manager's office is a manager's", () => {
  test('a cashier sees no office and every office action is refused', async ({ page, shell }) => {
    await openCounter(page, shell.url, 'cashier');
    await expect(page.getByRole('searchbox', { name: 'Buscar producto o escanear código' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Oficina' })).toHaveCount(0);
    const args = sampleArgs({ productId: 1, lineId: 1, barcode: '0', paymentId: 1 });
    const codes = await page.evaluate(
      async ({ channels, samples }) => {
        const invoke = window.caja!.invoke as (
          channel: string,
          args: unknown,
        ) => Promise<{ ok: boolean; error?: { code: string } }>;
        const replies = await Promise.all(channels.map((c) => invoke(c, samples[c])));
        return replies.map((reply) => (reply.ok ? 'ok' : reply.error?.code));
      },
      { channels: OFFICE, samples: args as Record<string, unknown> },
    );
    expect(OFFICE.length).toBeGreaterThan(0);
    expect(codes).toEqual(OFFICE.map(() => 'forbidden'));
  });

  test('a manager opens the office and goes back to the counter', async ({ page, shell }) => {
    await openCounter(page, shell.url, 'manager');
    await page.getByRole('button', { name: 'Oficina' }).click();
    await expect(page.getByRole('tablist', { name: 'Secciones de la oficina' })).toBeVisible();
    // Arrow keys move between tabs, as WAI-ARIA tabs do.
    await page.getByRole('tab', { name: 'Pendientes' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Transacciones' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Volver a la caja' }).click();
    await expect(page.getByRole('searchbox', { name: 'Buscar producto o escanear código' })).toBeVisible();
  });
});
