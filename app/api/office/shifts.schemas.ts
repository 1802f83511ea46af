import type { z } from 'zod';
import type { ShiftsContract } from './shifts.contract';

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const shiftsSchemas: { [C in keyof ShiftsContract]: z.ZodType<ShiftsContract[C]['args']> } = {};
