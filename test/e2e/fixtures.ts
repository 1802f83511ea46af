import { test as base, expect } from '@playwright/test';
import { startWebShell, type RunningShell } from '../support/web-shell';

/** Every test gets its own web shell process and its own data directory. */
export const test = base.extend<{ shell: RunningShell }>({
  shell: async ({}, use) => {
    const shell = await startWebShell();
    await use(shell);
    await shell.stop();
  },
});

export { expect };
