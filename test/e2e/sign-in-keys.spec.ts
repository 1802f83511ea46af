/**
 * Issue 14 item 2: the PIN is typed wherever focus is on the sign-in card, and Enter signs in
 * after tapping the keypad (it used to press the focused key again and add a digit).
 */
import { expect, test } from './fixtures';
import { DEMO_USERS } from './support/counter';

test('after clicking a name, typed digits go to the PIN and Enter signs in', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: new RegExp(`^${DEMO_USERS.manager.name} `) }).click();
  // Focus moved to the PIN field; type as a cashier would, without clicking it.
  await page.keyboard.type(DEMO_USERS.manager.pin);
  await expect(page.getByLabel('PIN', { exact: true })).toHaveValue(DEMO_USERS.manager.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-user')).toContainText(DEMO_USERS.manager.name);
});

test('digits typed while a name button has focus still reach the PIN', async ({ page, shell }) => {
  await page.goto(shell.url);
  const name = page.getByRole('button', { name: new RegExp(`^${DEMO_USERS.cashier.name} `) });
  await name.focus();
  await page.keyboard.type('11');
  await name.focus();
  await page.keyboard.type('11');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveValue('1111');
  await name.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-user')).toContainText(DEMO_USERS.cashier.name);
});

test('Enter after tapping the keypad signs in instead of adding a digit', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: new RegExp(`^${DEMO_USERS.cashier.name} `) }).click();
  const keypad = page.getByRole('group', { name: /teclado|keypad/i });
  for (const digit of DEMO_USERS.cashier.pin)
    await keypad.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByLabel('PIN', { exact: true })).toHaveValue(DEMO_USERS.cashier.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-user')).toContainText(DEMO_USERS.cashier.name);
});

test('the demo store shows its training PINs on the sign-in card', async ({ page, shell }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('demo-pins')).toContainText(
    `${DEMO_USERS.cashier.name}: ${DEMO_USERS.cashier.pin}`,
  );
  await expect(page.getByTestId('demo-pins')).toContainText(
    `${DEMO_USERS.manager.name}: ${DEMO_USERS.manager.pin}`,
  );
});
