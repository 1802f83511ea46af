import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalView } from '../../../../app/api/contract';
import type { TerminalTestResult } from '../../../../app/domain/office/settings';
import { KushkiHttpClient } from '../../../../app/infra/kushki/kushki-client';
import { startPaymentsHarness, type PaymentsHarness } from '../../../support/payments-harness';
import { managerCore } from './settings-core';

/** A 127.0.0.1 port that nothing listens on (bound, read, released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('terminals: list, add, rename, default, remove, and a zero-risk test against the real simulator', () => {
  let harness: PaymentsHarness;
  beforeAll(async () => {
    harness = await startPaymentsHarness();
    await harness.call('session.signIn', { userId: 2, pin: '9999' });
  });
  afterAll(() => harness.close());

  it('manages the list: serials unique and letters-and-digits only, exactly one default', async () => {
    await harness.call('office.terminals.add', { serial: 'ULTRA02', label: 'Caja 2' });
    const duplicate = await harness.reply('office.terminals.add', { serial: 'ultra02', label: 'Otra' });
    expect(duplicate.ok ? null : duplicate.error.code).toBe('conflict');
    const special = await harness.reply('office.terminals.add', { serial: 'ULTRA-03', label: 'Guion' });
    expect(special.ok ? null : special.error.code).toBe('validation_failed');
    await harness.call('office.terminals.rename', { serial: 'ULTRA02', label: 'Mostrador' });
    let list = await harness.call<TerminalView[]>('office.terminals.setDefault', { serial: 'ULTRA02' });
    expect(list).toEqual([
      { serial: 'ULTRA02', label: 'Mostrador', isDefault: true },
      { serial: 'CAJA01', label: 'Caja 1', isDefault: false },
    ]);
    // The counter's own list follows.
    expect(await harness.call<TerminalView[]>('terminals.list', {})).toEqual(list);
    list = await harness.call<TerminalView[]>('office.terminals.remove', { serial: 'ULTRA02' });
    expect(list).toEqual([{ serial: 'CAJA01', label: 'Caja 1', isDefault: true }]);
    const missing = await harness.reply('office.terminals.rename', { serial: 'NOPE01', label: 'x' });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });

  it('tests with get-status for a reference that cannot exist: ok, and nothing reaches the terminal', async () => {
    const before = harness.sim.requests.list().length;
    const result = await harness.call<TerminalTestResult>('office.terminals.test', { serial: 'CAJA01' });
    expect(result).toEqual({ serial: 'CAJA01', outcome: 'ok', responseCode: null });
    expect(harness.sim.requests.list()).toHaveLength(before);
    expect(harness.sim.terminals.get('CAJA01')).toMatchObject({ current: null, queue: [] });
  });

  it('tells a wrong key, a missing key and an unreachable host apart', async () => {
    const outcomes: Record<string, TerminalTestResult['outcome']> = {};
    const unreachable = `http://127.0.0.1:${await closedPort()}`;
    const cases = {
      wrongKey: new KushkiHttpClient({ baseUrl: harness.sim.url, apiKey: () => 'not-the-key' }),
      noKey: new KushkiHttpClient({ baseUrl: harness.sim.url, apiKey: () => undefined }),
      unreachable: new KushkiHttpClient({ baseUrl: unreachable, apiKey: () => 'any-key', timeoutMs: 2_000 }),
    };
    for (const [name, gateway] of Object.entries(cases)) {
      const { core, call } = await managerCore({ gateway: () => gateway });
      try {
        await call('office.terminals.add', { serial: 'CAJA01', label: 'Caja 1' });
        outcomes[name] = (
          await call<TerminalTestResult>('office.terminals.test', { serial: 'CAJA01' })
        ).outcome;
      } finally {
        core.close();
      }
    }
    expect(outcomes).toEqual({ wrongKey: 'auth_failed', noKey: 'no_key', unreachable: 'unreachable' });
  });
});
