/**
 * Issue 17, the pairing screens in Chromium against web shells serving registers on 127.0.0.1:
 * Oficina → Cajas generates a code, a register pairs with it (node-side pairWithServer, as the
 * other PC would), shows in the list, is renamed inline and revoked through the confirm dialog;
 * and the first-run wizard's «Unirse a una caja principal» is refused a wrong code in Spanish and
 * says paired with the right one.
 */
import type { Page } from '@playwright/test';
import { pairWithServer } from '../../app/infra/registers/register-join';
import { startWebShell, type RunningShell } from '../support/web-shell';
import { expect, test } from './fixtures';
import { openCounter } from './support/counter';

const SERVE = ['--serve-registers', '127.0.0.1:0'];

let server: RunningShell | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function openCajas(page: Page, url: string) {
  await openCounter(page, url, 'manager');
  await page.getByRole('button', { name: 'Oficina' }).click();
  await page.getByRole('tab', { name: 'Cajas' }).click();
}

/** Generates a code on the Cajas tab and reads the code and the server URL off the screen. */
async function generateCode(page: Page) {
  await page.getByRole('button', { name: /Generar (código de vinculación|otro código)/ }).click();
  const code = (await page.getByTestId('pairing-code').textContent()) ?? '';
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  const url = (await page.getByTestId('pairing-server-urls').textContent()) ?? '';
  expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  return { code, url };
}

test('Cajas: generate a code, a register pairs, rename it, revoke it', async ({ page }) => {
  server = await startWebShell({ args: SERVE });
  await openCajas(page, server.url);
  const table = page.getByTestId('registers-table');
  await expect(table.getByText('Esta PC (caja principal)')).toBeVisible();

  const { code, url } = await generateCode(page);
  await expect(page.getByTestId('pairing-expiry')).toHaveText(/^Vence en (10:00|9:\d\d)$/);
  // What the cashier compares on the other PC: the start of the certificate the register pins.
  const shownFingerprint = await page.getByTestId('pairing-fingerprint').textContent();
  const { link } = await pairWithServer({ serverUrl: url, pairingCode: code, name: 'Caja 2' });
  expect(shownFingerprint).toBe(`${link.fingerprint.split(':').slice(0, 8).join(':')}…`);

  // The core's event lists it and retires the spent code.
  await expect(page.getByText('«Caja 2» se vinculó con el código.', { exact: false })).toBeVisible();
  await expect(page.getByTestId('pairing-code')).toHaveCount(0);
  const row = table.locator(`tr[data-register-id="${link.registerId}"]`);
  await expect(row).toContainText('Caja 2');
  await expect(row).toContainText('Activa');

  await row.getByRole('button', { name: 'Cambiar nombre de Caja 2' }).click();
  await row.getByLabel('Nuevo nombre de Caja 2').fill('Mostrador norte');
  await row.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Ahora se llama «Mostrador norte».')).toBeVisible();
  await expect(row).toContainText('Mostrador norte');

  await row.getByRole('button', { name: 'Revocar Mostrador norte' }).click();
  const dialog = page.getByRole('dialog', { name: '¿Revocar «Mostrador norte»?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Sí, revocar' }).click();
  await expect(page.getByText('«Mostrador norte» quedó revocada.')).toBeVisible();
  await expect(row).toContainText('Revocada el');
  await expect(row.getByRole('button', { name: /Revocar/ })).toHaveCount(0);
});

test('Cajas without --serve-registers says how to switch it on', async ({ page, shell }) => {
  await openCajas(page, shell.url);
  await expect(page.getByTestId('registers-server-off')).toContainText('--serve-registers');
  await expect(page.getByRole('button', { name: 'Generar código de vinculación' })).toHaveCount(0);
});

test('the wizard joins a store server: a wrong code is refused in Spanish, the right one pairs', async ({
  page,
  context,
  shell,
}) => {
  server = await startWebShell({ args: SERVE });
  const office = await context.newPage();
  await openCajas(office, server.url);
  const { code, url } = await generateCode(office);

  await openCounter(page, shell.url, 'manager');
  await page.getByRole('button', { name: 'Configurar mi tienda' }).click();
  await page.getByRole('button', { name: 'Unirse a una caja principal' }).click();
  await expect(page.getByRole('heading', { name: 'Unirse a una caja principal' })).toBeFocused();
  await page.getByLabel('Dirección de la caja principal (https://…)').fill(url);
  await page.getByLabel('Código de vinculación').fill('BBBBB-BBBBB');
  await page.getByLabel('Nombre de esta caja').fill('Caja 3');
  await page.getByRole('button', { name: 'Unirse' }).click();
  await expect(page.getByTestId('join-error')).toHaveText(/La caja principal rechazó el código/);

  await page.getByLabel('Código de vinculación').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Unirse' }).click();
  await expect(page.getByTestId('join-paired')).toContainText(/quedó vinculada como «Caja 3»/);
  await expect(page.getByTestId('join-paired')).toContainText('Cierre Caja y vuelva a abrirla');
  await expect(office.getByText('«Caja 3» se vinculó con el código.', { exact: false })).toBeVisible();
});
