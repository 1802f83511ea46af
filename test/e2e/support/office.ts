import { expect, type Page } from '@playwright/test';
import { openCounter } from './counter';

/** The office tabs by their Spanish names (the default language). */
export const OFFICE_TABS = {
  openItems: 'Pendientes',
  transactions: 'Transacciones',
  shifts: 'Turnos y reportes',
  settings: 'Configuración',
  products: 'Productos',
} as const;

/** Opens the app at `url`, signs in as the demo manager and opens the office on `tab`. */
export async function openOffice(page: Page, url: string, tab: keyof typeof OFFICE_TABS): Promise<void> {
  await openCounter(page, url, 'manager');
  await page.getByRole('button', { name: 'Oficina' }).click();
  await page.getByRole('tab', { name: OFFICE_TABS[tab] }).click();
  await expect(page.getByRole('tab', { name: OFFICE_TABS[tab] })).toHaveAttribute('aria-selected', 'true');
}
