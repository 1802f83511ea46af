// The virtual terminal page in Chromium: a trainee sees the request (Spanish by default), picks a card brand and
// taps Aprobar; the sale is APPROVED, the webhook carries the brand, and hostile descriptions stay inert text.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { createSimulator, type Simulator } from '../../../simulator/index';

let sim: Simulator;
let receiver: http.Server;
const webhooks: Record<string, unknown>[] = [];

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      webhooks.push(JSON.parse(raw) as Record<string, unknown>);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  sim = await createSimulator({
    behaviour: 'manual',
    terminals: ['TERM123'],
    webhookUrl: `http://127.0.0.1:${port}/hook`,
  });
});

test.afterAll(async () => {
  await sim.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

test.beforeEach(() => {
  sim.reset();
  sim.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
  webhooks.length = 0;
});

async function push(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sim.url}/v2/push-notifications`, {
    method: 'POST',
    headers: { 'X-BP-AUTH': sim.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serialNumber: 'TERM123', identifier: body.uniqueReference, ...body }),
  });
  expect(res.status).toBe(201);
}

test('approves a request from the terminal page with the chosen brand', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">Mesa 6';
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${sim.url}/terminal/TERM123`);
  await expect(page.getByTestId('idle')).toHaveText('Esperando un cobro…');
  await push({ uniqueReference: 'e2e-approve', amount: 450, tip: 45, msi: 3, description: hostile });

  await expect(page.getByTestId('amount')).toContainText('450.00');
  await expect(page.getByTestId('tip')).toContainText('45.00');
  await expect(page.getByTestId('msi')).toHaveText('3 meses sin intereses');
  await expect(page.getByTestId('description')).toHaveText(hostile);
  await expect(page.getByTestId('approve')).toHaveText('Aprobar');

  await page.getByTestId('brand').selectOption('MASTERCARD');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('result')).toContainText(/Aprobada|APPROVED/);

  const approved = await sim.requests.waitFor('e2e-approve', 'APPROVED');
  expect(approved.attempts.at(-1)?.brand).toBe('MASTERCARD');
  await sim.webhooks.waitFor((a) => a.uniqueReference === 'e2e-approve' && a.outcome === 'delivered');
  expect(webhooks[0]).toMatchObject({
    result: 'aprobada',
    cardtype: 'MASTERCARD',
    amount: '450.00',
    payments: 3,
  });
  await expect(page.getByTestId('log')).toContainText('webhook venta/aprobada');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.getByTestId('idle')).toBeVisible();
  // No CSP violations or script errors on the page.
  expect(consoleErrors).toEqual([]);
});

test('cancel on the page cancels the request as the customer', async ({ page }) => {
  await page.goto(`${sim.url}/terminal/TERM123`);
  await push({ uniqueReference: 'e2e-cancel', amount: 99 });
  await page.getByTestId('cancel').click();
  const cancelled = await sim.requests.waitFor('e2e-cancel', 'CANCELLED');
  expect(cancelled.cancelledBy).toBe('customer');
});

test('speaks English with ?lang=en and 404s an unknown terminal', async ({ page }) => {
  await page.goto(`${sim.url}/terminal/TERM123?lang=en`);
  await expect(page.getByTestId('approve')).toHaveText('Approve');
  const res = await page.goto(`${sim.url}/terminal/%3Cscript%3E`);
  expect(res?.status()).toBe(404);
  expect(await page.content()).toContain('&lt;script&gt;');
});
