import type { z } from 'zod';
import type { TransactionsContract } from './transactions.contract';

/** zod schemas (strict objects) for this area's arguments; a missing channel fails to compile. */
export const transactionsSchemas: {
  [C in keyof TransactionsContract]: z.ZodType<TransactionsContract[C]['args']>;
} = {};
