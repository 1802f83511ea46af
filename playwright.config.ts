import { defineConfig } from '@playwright/test';

// Debian's Chromium is the browser here (`npx playwright install` cannot work on these machines).
// The background-networking flags stop Chromium from calling hosts this closed network refuses.
export const chromiumLaunch = {
  executablePath: process.env.CAJA_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? 'line' : 'list',
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e',
      use: { browserName: 'chromium', launchOptions: chromiumLaunch, trace: 'retain-on-failure' },
    },
    {
      // Launches the real Electron binary through `_electron`; skips with a printed reason where it is absent.
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
