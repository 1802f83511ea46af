import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  LOCK_FILE,
  type LockEnvironment,
} from '../../../app/host/data-dir-lock';

const dir = () => mkdtempSync(join(tmpdir(), 'caja-lock-'));
const env = (
  pid: number,
  alive: number[] = [],
  host = 'caja-pc',
  now = Date.UTC(2026, 11, 3),
): LockEnvironment => ({
  pid,
  hostname: host,
  now: () => now,
  isAlive: (p) => alive.includes(p),
});

describe('the data directory lock', () => {
  it('is taken with pid, shell, start time and host, and refuses a second process naming the holder', () => {
    const dataDir = dir();
    const lock = acquireDataDirLock(dataDir, 'web', env(100));
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toEqual({
      pid: 100,
      shell: 'web',
      startedAt: '2026-12-03T00:00:00.000Z',
      hostname: 'caja-pc',
    });
    let refused: unknown;
    try {
      acquireDataDirLock(dataDir, 'electron', env(200, [100]));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).holder.pid).toBe(100);
    expect((refused as Error).message).toContain('proceso 100');
    lock.release();
    expect(acquireDataDirLock(dataDir, 'electron', env(200)).holder.pid).toBe(200);
  });

  it('takes over the lock of a dead process (a crash, kill -9)', () => {
    const dataDir = dir();
    acquireDataDirLock(dataDir, 'electron', env(100));
    const lock = acquireDataDirLock(dataDir, 'web', env(200, []));
    expect(lock.holder.pid).toBe(200);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: 200 });
  });

  it("never takes over another host's lock (a data directory on a network share)", () => {
    const dataDir = dir();
    acquireDataDirLock(dataDir, 'web', env(100, [], 'other-pc'));
    expect(() => acquireDataDirLock(dataDir, 'web', env(200, []))).toThrow(DataDirLockedError);
  });

  it('treats an old unreadable lock as stale but not a fresh one (another process mid-create)', () => {
    const dataDir = dir();
    writeFileSync(join(dataDir, LOCK_FILE), '{"pid":');
    expect(() => acquireDataDirLock(dataDir, 'web', env(200, [], 'caja-pc', Date.now()))).toThrow(
      /en este momento/,
    );
    expect(acquireDataDirLock(dataDir, 'web', env(200, [], 'caja-pc', Date.now() + 60_000)).holder.pid).toBe(
      200,
    );
  });

  it('release leaves a lock that is no longer ours alone', () => {
    const dataDir = dir();
    const first = acquireDataDirLock(dataDir, 'web', env(100));
    const second = acquireDataDirLock(dataDir, 'web', env(200, []));
    first.release();
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: second.holder.pid,
    });
  });
});
