import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-line-discounts';

/** Every migration, in version order. Listed explicitly so a missing file is a compile error. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
