/**
 * The marker of a downloaded update (`<data-dir>/update-pending.json`), kept across runs so a start
 * can tell an update downloaded earlier from one downloaded just now. See [Note: updates install at
 * the next start]. A missing, unreadable or malformed file reads as "nothing pending": the worst
 * case is that an update waits one more start.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { PendingUpdate } from '../../domain/updates';
import type { PendingUpdateStore } from '../../ports/updates.port';

const MARKER_FILE = 'update-pending.json';

const markerShape = z
  .object({
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+[\w.+-]*$/)
      .max(64),
    downloadedAt: z.number().int().nonnegative(),
  })
  .strict();

/** The pending-update marker in `dir` (the data directory). */
export function pendingUpdateFile(dir: string): PendingUpdateStore {
  const file = join(dir, MARKER_FILE);
  return {
    read() {
      try {
        const parsed = markerShape.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write(pending: PendingUpdate) {
      // Temp file and rename: a crash mid-write leaves the old marker or the new one, never half.
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(markerShape.parse(pending)), { mode: 0o600 });
      renameSync(temp, file);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
