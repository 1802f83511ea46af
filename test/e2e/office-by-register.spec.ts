/**
 * The office by register (issue 17) in a real browser: the register filter of Transacciones and of
 * the reports screen exists and filters, each row names its register, and the Z report shows its
 * per-register table. Expectations are counted here from the seeded rows, not by the app.
 */
import { expect } from '@playwright/test';
import { openOffice } from './support/office';
import { AISLE, test } from './support/two-registers';

const TOOK_MONEY = new Set(['approved', 'refund_requested', 'refunded']);

test.describe('the office by register', () => {
  test('Transacciones filters by register and names each row’s register', async ({ page, seeded }) => {
    test.setTimeout(120_000);
    const today = seeded.rows.filter((p) => p.day === seeded.today);
    const aisle = today.filter((p) => p.registerId === AISLE.id);
    expect(aisle.length).toBeGreaterThan(0);
    expect(aisle.length).toBeLessThan(today.length);
    await openOffice(page, seeded.shell.url, 'transactions');
    await expect(page.getByTestId('tx-total-count')).toHaveText(String(today.length));
    // Both registers' names appear in the unfiltered list.
    await expect(page.getByTestId('tx-register').filter({ hasText: 'Caja principal' }).first()).toBeVisible();
    await expect(page.getByTestId('tx-register').filter({ hasText: AISLE.name }).first()).toBeVisible();

    const form = page.getByRole('form', { name: 'Filtros' });
    await form.getByRole('combobox', { name: 'Caja', exact: true }).selectOption(String(AISLE.id));
    await form.getByRole('button', { name: 'Aplicar filtros' }).click();
    await expect(page.getByTestId('tx-total-count')).toHaveText(String(aisle.length));
    const names = await page.getByTestId('tx-register').allTextContents();
    expect(names.length).toBe(Math.min(50, aisle.length));
    expect(new Set(names)).toEqual(new Set([AISLE.name]));
    const shownIds = await page
      .getByTestId('tx-row')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-payment-id'))));
    const aisleIds = new Set(aisle.map((p) => p.id));
    expect(shownIds.every((id) => aisleIds.has(id))).toBe(true);
  });

  test('the reports screen picks a register; the Z report lists each register', async ({ page, seeded }) => {
    test.setTimeout(120_000);
    const took = seeded.rows.filter((p) => p.day === seeded.today && TOOK_MONEY.has(p.status));
    const countOf = (registerId: number) => took.filter((p) => p.registerId === registerId).length;
    await openOffice(page, seeded.shell.url, 'shifts');
    const table = page.getByTestId('z-report').getByTestId('register-breakdown');
    const row = (id: number) => table.locator(`tr[data-register-id="${id}"]`);
    await expect(row(0).locator('th')).toHaveText('Caja principal');
    await expect(row(AISLE.id).locator('th')).toHaveText(AISLE.name);
    await expect(row(0).locator('td').first()).toHaveText(String(countOf(0)));
    await expect(row(AISLE.id).locator('td').first()).toHaveText(String(countOf(AISLE.id)));

    const zReport = page.getByRole('region', { name: 'Reporte Z', exact: true });
    await zReport.getByRole('combobox', { name: 'Caja', exact: true }).selectOption(String(AISLE.id));
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(row(AISLE.id)).toBeVisible();
    await expect(row(0)).toHaveCount(0);
    await zReport.getByRole('combobox', { name: 'Caja', exact: true }).selectOption('');
    await expect(table.locator('tbody tr')).toHaveCount(2);
  });
});
