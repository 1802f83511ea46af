import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  currentStore,
  initialPointer,
  STORE_POINTER_FILE,
  StorePointerError,
  writeStorePointer,
} from '../../../app/host/store-location';

const fresh = () => mkdtempSync(join(tmpdir(), 'caja-pointer-'));

describe('the store pointer', () => {
  it('without a pointer the root database is current; a fresh data dir is the demo', () => {
    const dir = fresh();
    expect(currentStore(dir)).toMatchObject({ kind: 'demo', dir, databaseFile: join(dir, 'caja.sqlite') });
    expect(initialPointer(dir, () => 'real')).toEqual({ version: 1, current: 'demo', stores: { demo: '.' } });
    // Reading never writes.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is written atomically (no temp file left) and read back with both stores', () => {
    const dir = fresh();
    writeStorePointer(dir, { version: 1, current: 'real', stores: { demo: '.', real: 'stores/real' } });
    expect(readdirSync(dir)).toEqual([STORE_POINTER_FILE]);
    const store = currentStore(dir);
    expect(store).toMatchObject({ kind: 'real', dir: join(dir, 'stores/real') });
    expect(store.other).toMatchObject({ kind: 'demo', dir });
  });

  it.each([
    ['not JSON', '{'],
    ['a path outside the closed list', '{"version":1,"current":"demo","stores":{"demo":"/etc"}}'],
    ['the current store missing', '{"version":1,"current":"real","stores":{"demo":"."}}'],
    ['both in one directory', '{"version":1,"current":"demo","stores":{"demo":".","real":"."}}'],
    ['an unknown version', '{"version":2,"current":"demo","stores":{"demo":"."}}'],
  ])('refuses %s with a clear error and leaves the file as it was', (_, text) => {
    const dir = fresh();
    writeFileSync(join(dir, STORE_POINTER_FILE), text);
    expect(() => currentStore(dir)).toThrow(StorePointerError);
    expect(readFileSync(join(dir, STORE_POINTER_FILE), 'utf8')).toBe(text);
  });

  it('refuses to write an invalid pointer', () => {
    const dir = fresh();
    expect(() => writeStorePointer(dir, { version: 1, current: 'real', stores: { demo: '.' } })).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
