import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The import boundaries are enforced by ESLint; this proves the rules fire where they should. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('import boundaries', () => {
  // The first lint loads the whole config (typescript-eslint and its parser): seconds on a loaded
  // 2-core machine. Pay it once in a hook with room to spare, so no single case races the 5 s timeout.
  beforeAll(async () => {
    await eslint.lintText('export {};\n', { filePath: 'app/domain/warm-up.ts' });
  }, 60_000);

  it.each([
    ['app/services/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['app/services/x.ts', "import { useState } from 'react';\nvoid useState;\n"],
    ['app/services/x.ts', "import { App } from '../../renderer/src/features/shell/app';\nvoid App;\n"],
    ['app/domain/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['app/domain/x.ts', "import { openDatabase } from '../infra/db/open-database';\nvoid openDatabase;\n"],
    ['renderer/src/x.ts', "import { readFileSync } from 'fs';\nvoid readFileSync;\n"],
    ['renderer/src/x.ts', "import axios from 'axios';\nvoid axios;\n"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nvoid Database;\n"],
    ['renderer/src/x.ts', "import { migrate } from '../../app/infra/db/migrate';\nvoid migrate;\n"],
  ])('refuses in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toBe(1);
  });

  it.each([
    ['app/services/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['renderer/src/x.ts', "import { priceSale } from '../../app/domain/cart-pricing';\nvoid priceSale;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nvoid app;\n"],
  ])('allows in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toBe(0);
  });
});
