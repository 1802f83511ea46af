/**
 * Helpers shared by the cashier-counter specs: add items by SKU, open checkout, and open the
 * demo's virtual terminal page in a second tab (where the trainee approves or declines).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Adds each SKU through the search field, as a cashier typing it and pressing Enter. */
export async function addBySku(page: Page, skus: readonly string[]): Promise<void> {
  const search = page.getByRole('searchbox', { name: /Buscar producto|Search product/ });
  for (const sku of skus) {
    await search.fill(sku);
    await search.press('Enter');
    await expect(search).toHaveValue('');
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
