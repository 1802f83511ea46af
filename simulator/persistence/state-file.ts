// `--state-file`: requests and terminals survive a restart. The file is JSON written atomically (temp file in
// the same directory, then rename) so a crash mid-write leaves the previous state intact, never half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RequestView, TerminalView } from '../types';

/** What the file holds. Settings are not saved: the command line defines them on every start. */
export interface SavedState {
  version: 1;
  savedAt: string;
  terminals: TerminalView[];
  requests: RequestView[];
  signingKeyPem: string | null;
}

const savedSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  terminals: z.array(z.object({ serialNumber: z.string(), queue: z.array(z.string()) }).loose()),
  requests: z.array(
    z
      .object({
        uniqueReference: z.string(),
        serialNumber: z.string(),
        status: z.enum(['CREATED', 'APPROVED', 'CANCELLED', 'REFUNDED']),
        createdAt: z.number(),
        expiresAt: z.number(),
        attempts: z.array(z.unknown()),
      })
      .loose(),
  ),
  signingKeyPem: z.string().nullable(),
});

/** Reads the state file; null when it does not exist. Throws with a clear message when it is corrupt. */
export function loadState(path: string): SavedState | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = savedSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`state file ${path} is not a simulator state file`);
  return parsed.data as unknown as SavedState;
}

/** Writes the state atomically. */
export function saveState(path: string, state: SavedState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, path);
}

/** Coalesces bursts of changes into one write shortly after the last one. */
export class StateSaver {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => SavedState,
    private readonly delayMs = 20,
  ) {}

  /** Asks for a save soon. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Saves now if a save is pending (and always when `force`). */
  flush(force = false): void {
    if (!this.timer && !force) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    saveState(this.path, this.snapshot());
  }
}
