/**
 * Issue 17, item 4, in Chromium: a register's page (a joined register web shell, register mode)
 * signs in and sells through the store server; when the server dies (SIGKILL) the page shows the
 * persistent banner "Sin conexión con la caja principal…" and a scan is refused with the reason;
 * when the server is back the page starts over on the server's truth and the banner goes.
 */
import { expect, test } from '@playwright/test';
import {
  joinRegister,
  startStoreServer,
  type JoinedRegister,
  type StoreServer,
} from '../support/registers-fixture';
import { addBySku, signIn } from './support/counter';

let server: StoreServer | undefined;
let register: JoinedRegister | undefined;

test.afterEach(async () => {
  register?.page.close();
  await register?.shell.stop();
  server?.page.close();
  await server?.shell.stop();
});

test('a register page shows the lost link at once and recovers when the server is back', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startStoreServer();
  register = await joinRegister(server, 'Caja 2');
  await page.goto(register.shell.url);
  await signIn(page, 'cashier');
  await addBySku(page, ['BEB-002']);
  await expect(page.getByTestId('total')).toHaveText('$42.00');
  await expect(page.getByTestId('register-link-banner')).toHaveCount(0);

  const { dataDir } = server.shell;
  const port = server.registerPort;
  server.page.close();
  server.shell.process.kill('SIGKILL');
  await expect(page.getByTestId('register-link-banner')).toContainText(
    'Sin conexión con la caja principal…',
    {
      timeout: 20_000,
    },
  );
  const search = page.getByRole('searchbox', { name: 'Buscar producto o escanear código' });
  await search.fill('BEB-001');
  await search.press('Enter');
  await expect(page.getByText(/Sin conexión con la caja principal: no se hizo nada/)).toBeVisible();

  server = await startStoreServer({ dataDir, port });
  await expect(page.getByTestId('register-link-banner')).toHaveCount(0, { timeout: 30_000 });
  // The server restarted: the register's session is gone, so the page asks for a PIN again, and the
  // open sale it kept on the server is back with its one line.
  await signIn(page, 'cashier');
  await expect(page.getByTestId('total')).toHaveText('$42.00');
});
