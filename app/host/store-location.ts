/**
 * Which store a data directory opens: the demo or the real store. See [Note: demo and real store].
 *
 * [Note: demo and real store]
 * The demo and the real store are two separate store directories, each with its own `caja.sqlite`,
 * its own `secrets/` (the vault) and, for the demo, its own `demo/` (simulator state, demo relay):
 *
 * - the data directory itself (`.`) is the store that was there first: on a fresh install the demo
 *   (so `npm run start:web` on a new data dir is the demo with no configuration, as always), on an
 *   install older than this file whatever its `caja.sqlite` was (a live store stays exactly where it
 *   was, with its secrets);
 * - the other store is created beside it in `stores/real` (from the demo, by the first-run wizard)
 *   or `stores/demo` (a real store that asks for the demo to train);
 * - `current-store.json` (the pointer) says which is current and where both are:
 *   `{ "version": 1, "current": "real", "stores": { "demo": ".", "real": "stores/real" } }`.
 *   It is validated (a closed set of directories, the current one listed) and written atomically
 *   (temp file + fsync + rename), so a power cut leaves the old or the new pointer, never half.
 *
 * A data directory without a pointer is classified once, at its first boot by this version, and the
 * pointer written: its root database is `real` when its settings say environment dev/live or it
 * holds data the demo seed did not put there (another user, another product, a store name), else
 * `demo`. A store directory left from a lost pointer is adopted, never overwritten.
 *
 * The real store's database is created empty (the demo seed never runs on it: createCore's
 * `seedDemo: false`); switching to the demo and back only changes the pointer and which database the
 * host opens, so training never touches the real books. A corrupt pointer stops the start with a
 * message saying what is wrong; nothing is deleted or rewritten.
 *
 * Every caller that needs "the current store's database" (the shells' host, the users recovery
 * command, the catalog command) goes through {@link currentStore}.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreKind } from '../domain/store-setup';

/** The pointer's file name inside the data directory. */
export const STORE_POINTER_FILE = 'current-store.json';
/** The database file inside a store directory. */
export const DATABASE_FILE = 'caja.sqlite';

/** Where a store may live, relative to the data directory (closed list: the pointer names no path). */
const STORE_DIRS = ['.', 'stores/demo', 'stores/real'] as const;
type StoreDirName = (typeof STORE_DIRS)[number];

const pointerSchema = z
  .object({
    version: z.literal(1),
    current: z.enum(['demo', 'real']),
    stores: z.object({ demo: z.enum(STORE_DIRS).optional(), real: z.enum(STORE_DIRS).optional() }).strict(),
  })
  .strict()
  .refine((p) => p.stores[p.current] !== undefined, { message: 'the current store is not listed' })
  .refine((p) => !p.stores.demo || p.stores.demo !== p.stores.real, {
    message: 'demo and real share a directory',
  });

/** The pointer's content. */
export type StorePointer = z.infer<typeof pointerSchema>;

/** A pointer file that is not valid: the start stops and nothing is touched. */
export class StorePointerError extends Error {
  constructor(dataDir: string, reason: string) {
    super(
      `El archivo ${STORE_POINTER_FILE} de ${dataDir} no es válido (${reason}). No se abrió ninguna tienda ` +
        `y no se borró nada: corríjalo o restáurelo de un respaldo; si lo quita, Caja vuelve a reconocer ` +
        `las tiendas que encuentre en la carpeta.`,
    );
    this.name = 'StorePointerError';
  }
}

/** One store of a data directory. */
export interface StoreLocation {
  kind: StoreKind;
  /** The store's own directory (its database, vault and demo services live there). */
  dir: string;
  databaseFile: string;
}

/** The current store of a data directory, and whether the other kind exists. */
export interface CurrentStore extends StoreLocation {
  /** Null until the first boot by this version writes a pointer (an older or fresh data dir). */
  pointer: StorePointer | null;
  /** The other store, if it has been created. */
  other: StoreLocation | null;
}

/** Reads and validates the pointer; null when there is none. Throws StorePointerError when corrupt. */
export function readStorePointer(dataDir: string): StorePointer | null {
  const file = join(dataDir, STORE_POINTER_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new StorePointerError(dataDir, 'no es JSON');
  }
  const parsed = pointerSchema.safeParse(json);
  if (!parsed.success) {
    throw new StorePointerError(dataDir, parsed.error.issues.map((i) => i.message).join('; '));
  }
  return parsed.data;
}

/** Writes the pointer atomically: a temp file, fsync, rename over the old one. */
export function writeStorePointer(dataDir: string, pointer: StorePointer): void {
  const valid = pointerSchema.parse(pointer);
  const file = join(dataDir, STORE_POINTER_FILE);
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

function location(dataDir: string, kind: StoreKind, dirName: StoreDirName): StoreLocation {
  const dir = dirName === '.' ? dataDir : join(dataDir, dirName);
  return { kind, dir, databaseFile: join(dir, DATABASE_FILE) };
}

/**
 * THE lookup of the current store's database (see [Note: demo and real store]). Reads only: it
 * never creates a file, so a command pointed at the wrong folder can say so. Without a pointer the
 * root database is current; its kind is `demo` until boot classifies it (see classifyRootStore).
 */
export function currentStore(dataDir: string): CurrentStore {
  const pointer = readStorePointer(dataDir);
  if (!pointer) return { ...location(dataDir, 'demo', '.'), pointer: null, other: null };
  const otherKind: StoreKind = pointer.current === 'demo' ? 'real' : 'demo';
  const otherDir = pointer.stores[otherKind];
  return {
    ...location(dataDir, pointer.current, pointer.stores[pointer.current] ?? '.'),
    pointer,
    other: otherDir ? location(dataDir, otherKind, otherDir) : null,
  };
}

/** Where a store of `kind` is created when it does not exist yet (beside the root store). */
export function newStoreLocation(dataDir: string, kind: StoreKind): StoreLocation {
  return location(dataDir, kind, kind === 'real' ? 'stores/real' : 'stores/demo');
}

/**
 * The pointer for a data directory that has none yet: the root store's kind as `classify` decides
 * (it only runs when a root database exists), and any store directory a lost pointer left behind.
 */
export function initialPointer(
  dataDir: string,
  classifyRoot: (databaseFile: string) => StoreKind,
): StorePointer {
  const rootFile = join(dataDir, DATABASE_FILE);
  const rootKind: StoreKind = existsSync(rootFile) ? classifyRoot(rootFile) : 'demo';
  const stores: StorePointer['stores'] = { [rootKind]: '.' };
  const otherKind: StoreKind = rootKind === 'demo' ? 'real' : 'demo';
  const left = newStoreLocation(dataDir, otherKind);
  if (existsSync(left.databaseFile)) stores[otherKind] = otherKind === 'real' ? 'stores/real' : 'stores/demo';
  // A real store found beside a demo is the one the shop works in: open it.
  const current: StoreKind = stores.real ? 'real' : 'demo';
  return { version: 1, current, stores };
}

/** Makes a store directory (0700, like the data directory). */
export function makeStoreDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** The pointer with `kind` current (and its directory recorded). */
export function pointerWith(
  pointer: StorePointer,
  kind: StoreKind,
  dirName?: 'stores/real' | 'stores/demo',
): StorePointer {
  const stores = { ...pointer.stores };
  if (dirName) stores[kind] = dirName;
  return { version: 1, current: kind, stores };
}
