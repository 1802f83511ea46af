import type { Migration } from './migration';

/** Issue 7: partial refunds. (Placeholder until its area lands: no schema change yet.) */
export const migration005: Migration = {
  version: 5,
  name: 'partial refunds',
  up() {},
};
