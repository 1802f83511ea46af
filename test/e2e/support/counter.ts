/**
 * Helpers shared by the cashier-counter specs: add items by SKU, open checkout, and open the
 * demo's virtual terminal page in a second tab (where the trainee approves or declines).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Demo users seeded on a fresh store (see app/infra/seed). */
export const DEMO_USERS = {
  cashier: { name: 'Ana López', pin: '1111' },
  manager: { name: 'Luis Hernández', pin: '9999' },
} as const;

/** Signs in on the PIN screen as a cashier would: pick the name, type the PIN, Enter. */
export async function signIn(page: Page, who: keyof typeof DEMO_USERS = 'cashier'): Promise<void> {
  const user = DEMO_USERS[who];
  await page.getByRole('button', { name: new RegExp(`^${user.name} `) }).click();
  await page.getByLabel('PIN', { exact: true }).fill(user.pin);
  await page.getByLabel('PIN', { exact: true }).press('Enter');
  await expect(page.getByTestId('signed-in-user')).toContainText(user.name);
}

/** Opens the counter at `url` and signs in. */
export async function openCounter(page: Page, url: string, who: keyof typeof DEMO_USERS = 'cashier') {
  await page.goto(url);
  await signIn(page, who);
}

/** Adds each SKU through the search field, as a cashier typing it and pressing Enter. */
export async function addBySku(page: Page, skus: readonly string[]): Promise<void> {
  const search = page.getByRole('searchbox', { name: /Buscar producto|Search product/ });
  const count = page.getByTestId('item-count');
  for (const sku of skus) {
    const before = await count.textContent();
    await search.fill(sku);
    await search.press('Enter');
    // The field clears at once; the cart changes when the core answers.
    await expect(count).not.toHaveText(before ?? '');
  }
}

/** The virtual terminal's URL, as the page's demo banner links it. */
export async function terminalUrl(page: Page): Promise<string> {
  const href = await page.getByTestId('terminal-link').getAttribute('href');
  if (!href) throw new Error('no virtual terminal link');
  return href;
}

/** Opens the virtual terminal in a new tab by following the banner's link. */
export async function openTerminal(page: Page, context: BrowserContext): Promise<Page> {
  const [terminal] = await Promise.all([
    context.waitForEvent('page'),
    page.getByTestId('terminal-link').click(),
  ]);
  await terminal.waitForLoadState();
  return terminal;
}

/** Charges the open sale in exact cash (F8, cash, Exacto) and starts the next sale. */
export async function payExactCash(page: Page): Promise<void> {
  await page.keyboard.press('F8');
  await page.getByRole('group', { name: 'Forma de pago' }).getByRole('button', { name: 'Efectivo' }).click();
  await page.getByRole('button', { name: 'Exacto' }).click();
  await page.getByRole('button', { name: /en efectivo$/ }).click();
  await expect(page.getByTestId('sale-completed')).toBeVisible();
  await page.getByRole('button', { name: 'Nueva venta' }).click();
}

/** Charges the open sale by card on the default terminal (F8, card) and waits until Kushki holds it. */
export async function startCardCharge(page: Page): Promise<void> {
  await page.keyboard.press('F8');
  await page.getByRole('button', { name: /con tarjeta$/ }).click();
  await expect(page.getByTestId('payment-progress')).toHaveAttribute('data-status', 'sent', {
    timeout: 10_000,
  });
}

/** From the simulator's side the relay is gone: no webhook is delivered at all (the terminal page asks). */
export async function loseWebhooks(terminal: Page): Promise<void> {
  const status = await terminal.evaluate(async () => {
    const response = await fetch('/_sim/webhook-url', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: null }),
    });
    return response.status;
  });
  expect(status).toBe(200);
}

/**
 * In checkout, pays `pesos` of the sale by card on the virtual terminal (split tender) and waits for
 * the panel to show the paid part with the rest still due.
 */
export async function payPartByCard(page: Page, context: BrowserContext, pesos: number): Promise<void> {
  await page.getByLabel('Monto de este pago (pesos)').fill(String(pesos));
  await page.getByRole('button', { name: `Cobrar $${pesos.toFixed(2)} con tarjeta` }).click();
  const terminal = await openTerminal(page, context);
  await terminal.getByTestId('approve').click();
  await page.bringToFront();
  await expect(page.getByTestId('partly-paid')).toBeVisible({ timeout: 15_000 });
}
