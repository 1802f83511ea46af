import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Screens reach the API only through the store's slices (issue 12, [Note: renderer API callers]);
 * this proves the lint rule fires where it should and stays quiet where the store does its job.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedSyntax(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

describe('renderer API callers', () => {
  // The first lint loads the whole config; pay it once with room to spare on a loaded machine.
  beforeAll(async () => {
    await eslint.lintText('export {};\n', { filePath: 'renderer/src/features/warm-up.ts' });
  }, 60_000);

  it.each([
    [
      'renderer/src/features/office/products/x.tsx',
      "import type { CajaApi } from '../../../../../app/api/contract';\n" +
        "export const list = (api: CajaApi) => api.invoke('office.users.list', {});\n",
    ],
    [
      'renderer/src/features/sell/x.ts',
      "export const info = () => window.caja.invoke('app.info.get', {});\n",
    ],
    ['renderer/src/features/office/x.ts', 'export const bridge = () => window.caja;\n'],
    [
      'renderer/src/features/office/x.ts',
      "import { useAppStore } from '../../store/store-context';\n" +
        'export const useApi = () => useAppStore((s) => s.api);\n',
    ],
    [
      'renderer/src/hooks/x.ts',
      "export const go = (caja: { invoke(c: string): void }) => caja.invoke('x');\n",
    ],
  ])('refuses in %s', async (filePath, code) => {
    expect(await restrictedSyntax(filePath, code)).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [
      'renderer/src/store/office/x.ts',
      "import type { CajaApi } from '../../../../app/api/contract';\n" +
        "export const list = (api: CajaApi) => api.invoke('office.users.list', {});\n",
    ],
    [
      'renderer/src/bridge/x.ts',
      "import type { CajaApi } from '../../../app/api/contract';\n" +
        "export const on = (api: CajaApi) => api.on('payments.updated', () => undefined);\n",
    ],
    [
      'renderer/src/features/office/x.ts',
      "import { useAppStore } from '../../store/store-context';\n" +
        'export const useSend = () => useAppStore((s) => s.sendOffice);\n',
    ],
  ])('allows in %s', async (filePath, code) => {
    expect(await restrictedSyntax(filePath, code)).toBe(0);
  });
});
