import { z } from 'zod';
import { PIN_SHAPE } from '../../domain/office/settings';
import { LOG_EXPORT_MAX_DAYS } from '../../domain/office/maintenance';
import type { MaintenanceContract } from './maintenance.contract';

const noArgs = z.object({}).strict();
// Exactly the names backups are written under (backup-rotation.ts): never a path.
const backupName = z
  .string()
  .regex(/^caja-(daily|manual|pre-migration|pre-restore|pre-update)-\d{8}T\d{9}Z\.sqlite$/);

/** zod schemas for the maintenance channels. */
export const maintenanceSchemas: {
  [C in keyof MaintenanceContract]: z.ZodType<MaintenanceContract[C]['args']>;
} = {
  'office.maintenance.get': noArgs,
  'office.maintenance.logs.export': z
    .object({ days: z.number().int().min(1).max(LOG_EXPORT_MAX_DAYS) })
    .strict(),
  'office.maintenance.backups.create': noArgs,
  'office.maintenance.backups.restore': z
    .object({ name: backupName, pin: z.string().regex(PIN_SHAPE) })
    .strict(),
  // An absolute path is checked by the host (exists, writable); here only its size and no NUL.
  'office.maintenance.secondFolder.set': z
    .object({
      folder: z
        .string()
        .max(500)
        .regex(/^[^\0]*$/),
    })
    .strict(),
};
