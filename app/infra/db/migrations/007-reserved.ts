import type { Migration } from './migration';

/**
 * Placeholder. Issue 11 gave migration 007 to another change made in parallel; this branch's 008
 * needs a 007 before it (the runner wants versions 1..n in order). At merge, that change's 007
 * replaces this file; if it has none, this no-op stays and costs nothing.
 */
export const migration007: Migration = {
  version: 7,
  name: 'reserved',
  up() {},
};
