import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { RegistersContract } from '../../../app/api/office/registers.contract';

type AreaChannel = keyof RegistersContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const registersSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.registers.pairingCode.create': {},
  'office.registers.list': {},
  'office.registers.rename': { registerId: 1, name: 'Caja 2' },
  'office.registers.revoke': { registerId: 1 },
  'office.registers.server.get': {},
};

const notFound = { ok: false, error: { code: 'not_found', message: 'sample' } } as const;

/** Trivial answers for this area's channels (dispatch tests). */
export const registersTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.registers.pairingCode.create': () => ({ code: 'ABCDE-FGHJK', expiresAt: 0 }),
  'office.registers.list': () => ({ registers: [] }),
  'office.registers.rename': () => notFound,
  'office.registers.revoke': () => notFound,
  'office.registers.server.get': () => ({ serving: false, urls: [], fingerprint: null }),
};
