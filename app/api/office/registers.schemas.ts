import { z } from 'zod';
import { REGISTER_NAME_MAX } from '../../domain/registers';
import type { RegistersContract } from './registers.contract';

const registerId = z.number().int().positive();
const CONTROL_CHARACTER = /\p{Cc}/u;
/** A register's name as a manager or a joining register types it. */
export const registerName = z
  .string()
  .trim()
  .min(1)
  .max(REGISTER_NAME_MAX)
  .refine((text) => !CONTROL_CHARACTER.test(text), 'no control characters');

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const registersSchemas: { [C in keyof RegistersContract]: z.ZodType<RegistersContract[C]['args']> } = {
  'office.registers.pairingCode.create': z.object({}).strict(),
  'office.registers.list': z.object({}).strict(),
  'office.registers.rename': z.object({ registerId, name: registerName }).strict(),
  'office.registers.revoke': z.object({ registerId }).strict(),
  'office.registers.server.get': z.object({}).strict(),
};
