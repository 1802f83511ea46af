import type { Migration } from './migration';

/**
 * PLACEHOLDER, replaced on merge: version 11 belongs to the products area (issue 13, items 2–3),
 * developed in parallel. It is here only so 012 can follow an unbroken version list on this
 * branch; when the products branch merges, its 011 takes this file's place in the list.
 */
export const migration011: Migration = {
  version: 11,
  name: 'reserved for products',
  up() {},
};
