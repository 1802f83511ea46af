import type { Migration } from './migration';

/** Issue 7: transaction indexes. (Placeholder until its area lands: no schema change yet.) */
export const migration004: Migration = {
  version: 4,
  name: 'transaction indexes',
  up() {},
};
