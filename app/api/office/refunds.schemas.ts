import type { z } from 'zod';
import type { RefundsContract } from './refunds.contract';

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const refundsSchemas: { [C in keyof RefundsContract]: z.ZodType<RefundsContract[C]['args']> } = {};
