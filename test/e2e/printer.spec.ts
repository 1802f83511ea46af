/**
 * The receipt printer from the browser (issue 15): the manager sets up a network printer (the fake
 * one, on 127.0.0.1 over real TCP) and prints a test page; a printer that is down leaves the sale
 * completed with a notice, and the ticket prints from that notice once the printer is back.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { startFakePrinter, type FakePrinter } from '../../simulator/printer/fake-printer';
import { checkScreen } from './support/check-screen';
import { addBySku, signIn } from './support/counter';
import { openOffice } from './support/office';

let printer: FakePrinter | undefined;
let printerB: FakePrinter | undefined;
test.afterEach(async () => {
  await printer?.close();
  await printerB?.close();
  printer = undefined;
  printerB = undefined;
});

/** Sets the network printer in Oficina → Configuración and saves it. */
async function setUpPrinter(page: Page, port: number, paper: '58' | '80') {
  const section = page.getByTestId('printer-settings');
  await section.getByRole('radio', { name: /Impresora de red/ }).check();
  await section.getByLabel('Dirección IP de la impresora').fill('127.0.0.1');
  await section.getByRole('textbox', { name: 'Puerto' }).fill(String(port));
  await section.getByLabel('Ancho del papel').selectOption(paper);
  await section.getByLabel(/Imprimir el ticket automáticamente/).check();
  await section.getByRole('button', { name: 'Guardar impresora' }).click();
  await expect(section.getByRole('status').first()).toHaveText('Guardado.');
  return section;
}

test('the manager sets up a network printer and prints a test page on it', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(90_000);
  printer = await startFakePrinter();
  await openOffice(page, shell.url, 'settings');
  const section = await setUpPrinter(page, printer.port, '58');
  await section.getByRole('button', { name: 'Imprimir página de prueba' }).click();
  await expect(section.getByText('Página de prueba impresa.')).toBeVisible();
  const [page1] = await printer.waitForJobs(1);
  expect(page1!.text).toContain('PÁGINA DE PRUEBA');
  expect(page1!.lines.map((l) => l.text)).toContain('12345678901234567890123456789012');
  expect(page1!.text).toContain('áéíóú ÁÉÍÓÚ ñÑ ü ¿? ¡! $');
  expect(page1!.cuts).toBe(1);
  expect(page1!.images).toBe(0);

  // An optional logo: any image becomes black and white dots at the top of every ticket.
  const picture = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 40 } });
  await section.getByLabel(/Logotipo del ticket/).setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: picture,
  });
  await expect(section.getByText('El ticket imprime el logotipo arriba, en blanco y negro.')).toBeVisible();
  await section.getByRole('button', { name: 'Imprimir página de prueba' }).click();
  const [, withLogo] = await printer.waitForJobs(2);
  expect(withLogo!.images).toBeGreaterThan(0);
  expect(withLogo!.cuts).toBe(1);
  await checkScreen(page, testInfo, 'printer-settings', section);

  // The manager's "Abrir cajón" needs a reason, and kicks the drawer through the printer.
  await section.getByLabel('Motivo (queda en la bitácora)').fill('Cambio para el turno');
  await section.getByRole('button', { name: 'Abrir cajón' }).click();
  await expect(section.getByText('Cajón abierto. Quedó registrado en la bitácora.')).toBeVisible();
  expect((await printer.waitForJobs(3))[2]).toMatchObject({ pulses: 1, cuts: 0 });
});

test('a printer that is down: the sale completes, the cashier is told, and the ticket prints once it is back', async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(90_000);
  printer = await startFakePrinter();
  const port = printer.port;
  await openOffice(page, shell.url, 'settings');
  await setUpPrinter(page, port, '80');
  await printer.close();
  printer = undefined;

  await page.getByRole('button', { name: 'Volver a la caja' }).click();
  await page.getByRole('button', { name: 'Cambiar usuario' }).click();
  await signIn(page, 'cashier');
  await addBySku(page, ['BEB-002']);
  await page.getByRole('button', { name: 'Cobrar (F8)' }).click();
  await page.getByRole('group', { name: 'Forma de pago' }).getByRole('button', { name: 'Efectivo' }).click();
  await page.getByRole('button', { name: '$200.00' }).click();
  await page.getByRole('button', { name: /en efectivo$/ }).click();
  await expect(page.getByTestId('sale-completed')).toBeVisible();
  const notice = page.getByTestId('print-failure');
  await expect(notice).toContainText(
    /No se imprimió el ticket de la venta \d+: la impresora rechazó la conexión/,
  );
  await expect(notice).toContainText('La venta quedó registrada.');
  await checkScreen(page, testInfo, 'print-failure');

  printer = await startFakePrinter({ port });
  await notice.getByRole('button', { name: 'Reimprimir ticket' }).click();
  await expect(notice).toHaveCount(0);
  const [ticket] = await printer.waitForJobs(1);
  expect(ticket!.text).toContain('Este ticket no es un comprobante fiscal');
  expect(ticket!.cuts).toBe(1);
});

test("on the store server the manager sets up another register's printer, which prints there only", async ({
  page,
  shell,
}, testInfo) => {
  test.setTimeout(90_000);
  // A PC paired as register 2 (issue 17); the pairing itself has its own specs.
  const db = new Database(join(shell.dataDir, 'caja.sqlite'));
  db.prepare(
    `INSERT INTO registers (id, name, credential_hash, paired_at) VALUES (2, 'Caja del fondo', randomblob(32), 1)`,
  ).run();
  db.close();
  printer = await startFakePrinter();
  printerB = await startFakePrinter();
  await openOffice(page, shell.url, 'settings');
  const section = page.getByTestId('printer-settings');
  await expect(section.getByTestId('printer-register')).toHaveText('Impresora y cajón de: Caja principal');
  await setUpPrinter(page, printer.port, '80');

  await section.getByLabel('Configurar la impresora de la caja').selectOption({ label: 'Caja del fondo' });
  await expect(section.getByTestId('printer-register')).toHaveText('Impresora y cajón de: Caja del fondo');
  // A register on the LAN prints through a network printer only: no OS printer to choose.
  await expect(section.getByRole('radio', { name: /Impresora instalada/ })).toHaveCount(0);
  await expect(section.getByRole('radio', { name: /En pantalla/ })).toBeChecked();
  await setUpPrinter(page, printerB.port, '58');
  await section.getByRole('button', { name: 'Imprimir página de prueba' }).click();
  await expect(section.getByText('Página de prueba impresa.')).toBeVisible();
  const [testPage] = await printerB.waitForJobs(1);
  expect(testPage!.lines.map((l) => l.text)).toContain('12345678901234567890123456789012');
  expect(printer.jobs()).toEqual([]);
  await checkScreen(page, testInfo, 'printer-settings-register-2', section);

  // Back on the server's own counter: its printer is as it was saved.
  await section.getByLabel('Configurar la impresora de la caja').selectOption({ label: 'Caja principal' });
  await expect(section.getByLabel('Ancho del papel')).toHaveValue('80');
  await expect(section.getByRole('textbox', { name: 'Puerto' })).toHaveValue(String(printer.port));
});
