import { test as base, expect } from '@playwright/test';
import { startWebShell, type RunningShell } from '../support/web-shell';

/** Every test gets its own web shell process and its own data directory. */
export const test = base.extend<{ shell: RunningShell }>({
  // Playwright requires an object pattern for a fixture with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  shell: async ({}, use) => {
    const shell = await startWebShell();
    await use(shell);
    await shell.stop();
  },
});

export { expect };
