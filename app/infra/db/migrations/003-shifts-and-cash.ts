import type { Migration } from './migration';

/** Issue 7: shifts and cash. (Placeholder until its area lands: no schema change yet.) */
export const migration003: Migration = {
  version: 3,
  name: 'shifts and cash',
  up() {},
};
