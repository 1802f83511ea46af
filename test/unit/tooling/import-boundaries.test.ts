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

  // The layer rules (issue 12; see [Note: layer rules] in eslint.config.js). Type imports count too.
  it.each([
    // services never import infra, I/O libraries or api
    [
      'app/services/x.ts',
      "import type { SqlitePaymentsRepo } from '../infra/db/payments.repo';\nexport type R = SqlitePaymentsRepo;\n",
    ],
    [
      'app/services/office/shifts/x.ts',
      "import { dailyReport } from '../../../infra/db/office/reports/daily-report';\nvoid dailyReport;\n",
    ],
    [
      'app/services/x.ts',
      "export type { Keyset } from '../infra/db/office/transactions/transactions.read';\n",
    ],
    ['app/services/x.ts', "import type { Database } from 'better-sqlite3';\nexport type D = Database;\n"],
    ['app/services/x.ts', "import type { Language } from '../api/contract';\nexport type L = Language;\n"],
    [
      'app/services/office/x.ts',
      "import type { Handlers } from '../../api/dispatch';\nexport type H = Handlers;\n",
    ],
    // api never imports infra or I/O libraries (handlers receive services)
    [
      'app/api/handlers/office/x.ts',
      "import { SqliteUsersRepo } from '../../../infra/db/users.repo';\nvoid SqliteUsersRepo;\n",
    ],
    ['app/api/handlers/x.ts', "import type { Database } from 'better-sqlite3';\nexport type D = Database;\n"],
    ['app/api/handlers/x.ts', "import { createCore } from '../../host/create-core';\nvoid createCore;\n"],
    ['app/api/contract.ts', "import type { Row } from '../infra/db/sales.repo';\nexport type R = Row;\n"],
    ['app/api/office/shifts.contract.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    // domain imports nothing outside domain
    ['app/domain/x.ts', "import type { Clock } from '../ports/clock.port';\nexport type C = Clock;\n"],
    [
      'app/domain/office/x.ts',
      "import type { Language } from '../../api/contract';\nexport type L = Language;\n",
    ],
    [
      'app/domain/x.ts',
      "import type { CartService } from '../services/cart.service';\nexport type C = CartService;\n",
    ],
    ['app/domain/x.ts', "import { createCore } from '../host/create-core';\nvoid createCore;\n"],
    ['app/domain/x.ts', "import { z } from 'zod';\nvoid z;\n"],
    [
      'app/domain/office/x.ts',
      "import { createRandom } from '../../../simulator/core/prng';\nvoid createRandom;\n",
    ],
    // infra implements ports: it never imports services, api or host
    [
      'app/infra/db/x.ts',
      "import type { CartService } from '../../services/cart.service';\nexport type C = CartService;\n",
    ],
    [
      'app/infra/db/office/x.ts',
      "import type { Language } from '../../../api/contract';\nexport type L = Language;\n",
    ],
    ['app/infra/x.ts', "import { createCore } from '../host/create-core';\nvoid createCore;\n"],
    // ports import only domain (the event bus's port may read the contract's event types)
    ['app/ports/x.port.ts', "import type { Row } from '../infra/db/sales.repo';\nexport type R = Row;\n"],
    [
      'app/ports/x.port.ts',
      "import type { CartService } from '../services/cart.service';\nexport type C = CartService;\n",
    ],
    ['app/ports/x.port.ts', "import type { Language } from '../api/contract';\nexport type L = Language;\n"],
    ['app/ports/x.port.ts', "import type { Database } from 'better-sqlite3';\nexport type D = Database;\n"],
    ['app/ports/x.port.ts', "import type { Stats } from 'node:fs';\nexport type S = Stats;\n"],
    [
      'app/ports/event-bus.port.ts',
      "import type { Handlers } from '../api/dispatch';\nexport type H = Handlers;\n",
    ],
    ['app/ports/event-bus.port.ts', "import type { WebSocket } from 'ws';\nexport type W = WebSocket;\n"],
  ])('refuses across layers in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toBe(1);
  });

  it.each([
    [
      'app/api/handlers/x.ts',
      "import type { CartService } from '../../services/cart.service';\nexport type C = CartService;\n",
    ],
    [
      'app/api/handlers/x.ts',
      "import type { Clock } from '../../ports/clock.port';\nexport type C = Clock;\n",
    ],
    [
      'app/api/contract.ts',
      "import type { Language } from '../domain/language';\nexport type L = Language;\n",
    ],
    [
      'app/services/x.ts',
      "import type { ShiftsRepo } from '../ports/shifts.port';\nexport type R = ShiftsRepo;\n",
    ],
    ['app/services/x.ts', "import { priceSale } from '../domain/cart-pricing';\nvoid priceSale;\n"],
    ['app/ports/x.port.ts', "import type { Sale } from '../domain/sale';\nexport type S = Sale;\n"],
    [
      'app/ports/event-bus.port.ts',
      "import type { EventContract } from '../api/contract';\nexport type E = EventContract;\n",
    ],
    ['app/domain/office/x.ts', "import type { Centavos } from '../money';\nexport type C = Centavos;\n"],
    ['app/host/x.ts', "import { openDatabase } from '../infra/db/open-database';\nvoid openDatabase;\n"],
    ['app/host/x.ts', "import { officeHandlers } from '../api/handlers/office';\nvoid officeHandlers;\n"],
    [
      'app/infra/db/x.ts',
      "import type { ShiftsRepo } from '../../ports/shifts.port';\nexport type R = ShiftsRepo;\n",
    ],
  ])('allows across layers in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toBe(0);
  });

  it.each([
    ['app/services/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['renderer/src/x.ts', "import { priceSale } from '../../app/domain/cart-pricing';\nvoid priceSale;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nvoid app;\n"],
  ])('allows in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toBe(0);
  });
});
