// The throwaway PostgreSQL cluster for relay tests, started once per test file at collection time (top-level
// await) so `describe.skipIf` can see whether there is one. Without PostgreSQL binaries the PostgreSQL cases skip
// and the reason is printed: a skip nobody can explain is a hole in CI.
import { afterAll } from 'vitest';
import { startPgCluster } from '../../../support/pg-cluster';
import type { PgCluster } from '../../../support/pg-cluster';

/** Starts the cluster for this file (destroyed after its tests), or prints why not and returns undefined. */
export async function pgClusterForFile(file: string): Promise<PgCluster | undefined> {
  const r = await startPgCluster();
  if (!r.ok) {
    console.warn(`[${file}] SKIPPING the PostgreSQL relay tests: ${r.reason}`);
    return undefined;
  }
  afterAll(() => r.cluster.destroy());
  return r.cluster;
}
