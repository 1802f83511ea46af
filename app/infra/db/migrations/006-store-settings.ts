import type { Migration } from './migration';

/** Issue 7: store settings. (Placeholder until its area lands: no schema change yet.) */
export const migration006: Migration = {
  version: 6,
  name: 'store settings',
  up() {},
};
