import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { MaintenanceContract } from '../../../app/api/office/maintenance.contract';

type AreaChannel = keyof MaintenanceContract;

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const maintenanceSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.maintenance.get': {},
  'office.maintenance.logs.export': { days: 7 },
  'office.maintenance.backups.create': {},
  'office.maintenance.backups.restore': { name: 'caja-manual-20261203T110400123Z.sqlite', pin: '9999' },
  'office.maintenance.secondFolder.set': { folder: '' },
};

const unavailable = { ok: false, error: { code: 'unavailable', message: 'sample' } } as const;

/** Trivial answers for this area's channels (dispatch tests). */
export const maintenanceTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.maintenance.get': () => ({ logsDir: '', backupsDir: '', secondFolder: '', backups: [] }),
  'office.maintenance.logs.export': () => unavailable,
  'office.maintenance.backups.create': () => unavailable,
  'office.maintenance.backups.restore': () => unavailable,
  'office.maintenance.secondFolder.set': () => unavailable,
};
