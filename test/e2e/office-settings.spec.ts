/**
 * The manager's settings on the web shell (issue 7, item 7): the Kushki key set through the UI and
 * then proven absent from every API reply, the DOM, web storage and the data directory's files and
 * logs; the live switch asks first; a new user signs in with their PIN; a terminal is added and tested
 * against the in-process simulator; axe on every section, with screenshots.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { checkScreen } from './support/check-screen';
import { expectNoChannelReveals } from './support/every-channel';
import { openOffice } from './support/office';

const KUSHKI_KEY = 'kk-e2e-9f3b7d215c4e8a60';

/** Every file of the data directory except the vault's own folder, as text. */
function dataDirFilesOutsideVault(dataDir: string): { path: string; text: string }[] {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && !join(entry.parentPath, entry.name).startsWith(join(dataDir, 'secrets')),
    )
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: readFileSync(path).toString('latin1') };
    });
}

test.describe('office settings', () => {
  // Full-page screenshots, axe passes and scrypt PIN checks: slow on a shared machine, not a hang.
  test.describe.configure({ timeout: 90_000 });
  test('the Kushki key set through the UI never comes back: replies, DOM, storage, files, logs', async ({
    page,
    shell,
  }, testInfo) => {
    test.setTimeout(120_000);
    let logs = '';
    shell.process.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    await openOffice(page, shell.url, 'settings');
    const keyForm = page.getByRole('form', { name: 'Llave de Kushki (X-BP-AUTH)' });
    await expect(keyForm.getByTestId('secret-status-kushki.apiKey')).toHaveText('Sin configurar');
    // The web shell says plainly that it keeps the key unencrypted.
    await expect(keyForm.getByText(/se guarda sin cifrar en un archivo/)).toBeVisible();
    const input = keyForm.getByLabel(/^Nuevo valor/);
    await input.fill(KUSHKI_KEY);
    await input.press('Enter');
    await expect(keyForm.getByTestId('secret-status-kushki.apiKey')).toHaveText(
      'Configurada, termina en 8a60',
    );
    await expect(input).toHaveValue('');
    await checkScreen(
      page,
      testInfo,
      'office-settings-key-set',
      page.getByRole('region', { name: 'Llave de Kushki' }),
    );

    // Every channel, as the manager (signed in again after the session channels end the session).
    const replies = await expectNoChannelReveals(page, KUSHKI_KEY, { userId: 2, pin: '9999' });
    // The office channels really ran as the manager (not refused before reaching their handler).
    expect((replies['office.settings.get'] as { ok: boolean }).ok).toBe(true);
    expect(JSON.stringify(replies['office.settings.get'])).toContain('8a60');

    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    expect(await page.content()).not.toContain(KUSHKI_KEY);
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain(KUSHKI_KEY);
    const files = dataDirFilesOutsideVault(shell.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file.text, file.path).not.toContain(KUSHKI_KEY);
    expect(logs).not.toContain(KUSHKI_KEY);
    // …while the vault file does hold it (so the searches above looked for something real).
    expect(readFileSync(join(shell.dataDir, 'secrets', 'kushki.apiKey.txt'), 'utf8')).toBe(KUSHKI_KEY);
  });

  test('switching to live asks first, and says it applies after a restart', async ({
    page,
    shell,
  }, testInfo) => {
    await openOffice(page, shell.url, 'settings');
    const section = page.getByRole('region', { name: 'Ambiente de Kushki' });
    await expect(section.getByText('Caja funciona ahora en: demostración.')).toBeVisible();
    await section.getByRole('radio', { name: 'Producción (dinero real)' }).check();
    await section.getByRole('button', { name: 'Cambiar ambiente' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Cambiar a producción?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cambiar a producción' })).toBeDisabled();
    await checkScreen(page, testInfo, 'office-settings-live-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const unchanged = await page.evaluate(() => window.caja!.invoke('office.settings.get', {}));
    expect(unchanged.ok && unchanged.value.environment.configured).toBe('demo');

    await section.getByRole('button', { name: 'Cambiar ambiente' }).click();
    await dialog.getByRole('checkbox', { name: 'Entiendo que en producción se cobra dinero real' }).check();
    await dialog.getByRole('button', { name: 'Cambiar a producción' }).click();
    await expect(section.getByText(/Reinicia Caja para aplicar el cambio a «producción»/)).toBeVisible();
    // Still the demo store until the restart: the banner and app.info do not claim live.
    const info = await page.evaluate(() => window.caja!.invoke('app.info.get', {}));
    expect(info.ok && info.value.environment).toBe('demo');
  });

  test('a user added here signs in with the new PIN', async ({ page, shell }, testInfo) => {
    await openOffice(page, shell.url, 'settings');
    const section = page.getByRole('region', { name: 'Usuarios y PIN' });
    const form = section.getByRole('form', { name: 'Agregar usuario' });
    await form.getByLabel('Nombre').fill('Carmen Ruiz');
    await form.getByLabel('Rol').selectOption('cashier');
    await form.getByLabel('PIN (4 a 8 dígitos)').fill('246810');
    await form.getByRole('button', { name: 'Agregar usuario' }).click();
    await expect(section.getByRole('row', { name: /Carmen Ruiz/ })).toBeVisible();
    await expect(section.getByText('Usuario agregado: Carmen Ruiz.')).toBeVisible();
    // The last manager cannot be demoted from here either.
    await section.getByLabel('Rol de Luis Hernández').selectOption('cashier');
    await expect(section.getByText('Debe quedar al menos un gerente activo.')).toBeVisible();
    await checkScreen(page, testInfo, 'office-settings-users', section);

    await page.getByRole('button', { name: 'Cambiar usuario' }).click();
    await page.getByRole('button', { name: /^Carmen Ruiz / }).click();
    await page.getByLabel('PIN', { exact: true }).fill('246810');
    await page.getByLabel('PIN', { exact: true }).press('Enter');
    await expect(page.getByTestId('signed-in-user')).toContainText('Carmen Ruiz');
  });

  test('a terminal is added, renamed and tested with a zero-risk status call', async ({
    page,
    shell,
  }, testInfo) => {
    await openOffice(page, shell.url, 'settings');
    const section = page.getByRole('region', { name: 'Terminales' });
    const form = section.getByRole('form', { name: 'Agregar terminal' });
    await form.getByLabel('Número de serie').fill('ULTRA-2');
    await expect(form.getByRole('button', { name: 'Agregar terminal' })).toBeDisabled();
    await form.getByLabel('Número de serie').fill('ULTRA2');
    await form.getByLabel('Nombre').fill('Mostrador');
    await form.getByRole('button', { name: 'Agregar terminal' }).click();
    await expect(section.getByRole('row', { name: /ULTRA2 Mostrador/ })).toBeVisible();

    await section.getByRole('button', { name: 'Renombrar ULTRA2' }).click();
    await section.getByLabel('Nuevo nombre de ULTRA2').fill('Caja rápida');
    await section.getByLabel('Nuevo nombre de ULTRA2').press('Enter');
    await expect(section.getByRole('row', { name: /ULTRA2 Caja rápida/ })).toBeVisible();

    await section.getByRole('button', { name: 'Probar CAJA01' }).click();
    await expect(
      section.getByText('CAJA01: conexión correcta (Kushki respondió y aceptó la llave).'),
    ).toBeVisible();
    // The test never reached the terminal: no payment request waits on the virtual terminal.
    await checkScreen(page, testInfo, 'office-settings-terminals', section);
    const terminals = await page.evaluate(() => window.caja!.invoke('terminals.list', {}));
    expect(terminals.ok && terminals.value.map((t) => t.serial)).toEqual(['CAJA01', 'ULTRA2']);
  });

  test('store and receipt details: a bad RFC is explained, a good one is kept', async ({
    page,
    shell,
  }, testInfo) => {
    await openOffice(page, shell.url, 'settings');
    const section = page.getByRole('region', { name: 'Tienda y ticket' });
    await section.getByLabel('RFC').fill('ABC123');
    await section.getByRole('button', { name: 'Guardar datos de la tienda' }).click();
    await expect(section.getByRole('alert')).toContainText('El RFC no tiene la forma correcta');
    await section.getByLabel('RFC').fill('gomm800101ab1');
    await section.getByLabel('Dirección').fill('Av. Juárez 12, CDMX');
    await section.getByRole('button', { name: 'Guardar datos de la tienda' }).click();
    await expect(section.getByRole('status').last()).toHaveText('Guardado.');
    await checkScreen(page, testInfo, 'office-settings-store', section);
    const saved = await page.evaluate(() => window.caja!.invoke('office.settings.get', {}));
    expect(saved.ok && saved.value.store).toMatchObject({
      rfc: 'GOMM800101AB1',
      address: 'Av. Juárez 12, CDMX',
    });
  });

  test('updates: the toggle needs an https server, and is kept (issue 16, item 7)', async ({
    page,
    shell,
  }, testInfo) => {
    await openOffice(page, shell.url, 'settings');
    const section = page.getByRole('region', { name: 'Actualizaciones' });
    await expect(section.getByText(/después de un respaldo, y nunca mientras haya un cobro/)).toBeVisible();
    const toggle = section.getByLabel('Buscar e instalar actualizaciones de Caja');
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await section.getByRole('button', { name: 'Guardar actualizaciones' }).click();
    await expect(section.getByRole('alert')).toHaveText(/escriba la URL del servidor/);
    await section.getByLabel('Servidor de actualizaciones (URL)').fill('http://updates.example.mx/caja/');
    await section.getByRole('button', { name: 'Guardar actualizaciones' }).click();
    await expect(section.getByRole('alert')).toHaveText(/debe usar https:\/\//);
    await section.getByLabel('Servidor de actualizaciones (URL)').fill('https://updates.example.mx/caja/');
    await section.getByRole('button', { name: 'Guardar actualizaciones' }).click();
    await expect(section.getByRole('status').last()).toHaveText('Guardado.');
    await checkScreen(page, testInfo, 'office-settings-updates', section);

    const saved = await page.evaluate(() => window.caja!.invoke('office.settings.get', {}));
    expect(saved.ok && saved.value.updates).toEqual({
      enabled: true,
      feedUrl: 'https://updates.example.mx/caja/',
    });
  });
});
