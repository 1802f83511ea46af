/**
 * A user locked by wrong PINs (issue 11) is told so at sign-in, shows as locked in the manager's
 * users table, and signs in again once the manager unlocks them there.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { checkScreen } from './support/check-screen';
import { signIn } from './support/counter';
import { OFFICE_TABS } from './support/office';

test('a locked cashier is told so; the manager unlocks her from Configuración', async ({
  page,
  shell,
}, testInfo) => {
  // Ten real wrong PINs would wait about two minutes of real time (the slow-down works): write the
  // lock they leave instead, as migration 008 stores it, while the host runs.
  const db = new Database(join(shell.dataDir, 'caja.sqlite'));
  db.prepare(
    `INSERT INTO pin_attempts (user_id, failures, last_failure_at, locked_at) VALUES (1, 10, ?, ?)`,
  ).run(Date.now(), Date.now());
  db.close();

  await page.goto(shell.url);
  await page.getByRole('button', { name: /^Ana López/ }).click();
  await page.getByLabel('PIN', { exact: true }).fill('1111');
  await page.getByLabel('PIN', { exact: true }).press('Enter');
  await expect(page.getByTestId('login-message')).toHaveText(
    'Usuario bloqueado por demasiados PIN incorrectos. Pide a un gerente que lo desbloquee.',
  );

  await signIn(page, 'manager');
  await page.getByRole('button', { name: 'Oficina' }).click();
  await page.getByRole('tab', { name: OFFICE_TABS.settings }).click();
  const section = page.getByRole('region', { name: 'Usuarios y PIN' });
  const ana = section.getByRole('row', { name: /Ana López/ });
  await expect(ana).toContainText('Bloqueado (PIN)');
  await expect(section.getByRole('button', { name: 'Desbloquear a Luis Hernández' })).toHaveCount(0);
  await checkScreen(page, testInfo, 'office-users-locked', section);
  await section.getByRole('button', { name: 'Desbloquear a Ana López' }).click();
  await expect(section.getByText('Ana López desbloqueado: ya puede iniciar sesión.')).toBeVisible();
  await expect(ana).toContainText('Activo');
  await expect(section.getByRole('button', { name: 'Desbloquear a Ana López' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Cambiar usuario' }).click();
  await signIn(page, 'cashier');
});
