/**
 * Issue 16, item 4: kill −9 in the middle of a backup leaves every earlier backup usable, lists no
 * half-written file as a backup, and the next backup cleans up and succeeds.
 * See [Note: backups are renamed into place].
 */
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listBackups, takeBackup } from '../../../app/host/backups';
import { verifyIntegrity } from '../../../app/infra/db/backup/sqlite-backup';
import { openDatabase } from '../../../app/infra/db/open-database';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

const CHILD = fileURLToPath(new URL('../../support/backup-child.ts', import.meta.url));

describe('a backup killed mid-way', () => {
  it('leaves the previous backups usable and the next backup works', async () => {
    const dataDir = freshDataDir('caja-backup-kill-');
    const databaseFile = join(dataDir, 'caja.sqlite');
    const db = openDatabase(databaseFile);
    // A known sale, and enough pages that the copy is still going when it is killed.
    db.prepare(
      `INSERT INTO sales (id, status, opened_at, updated_at, completed_at, total_centavos, iva_centavos)
       VALUES (41, 'completed', 1, 1, 1, 4200, 579)`,
    ).run();
    db.exec('CREATE TABLE ballast (b BLOB) STRICT');
    const ballast = db.prepare('INSERT INTO ballast (b) VALUES (randomblob(4000))');
    db.transaction(() => {
      for (let i = 0; i < 300; i++) ballast.run();
    })();
    const dir = join(dataDir, 'backups', 'root');
    const logger = recordingLogger().logger;
    const earlier = await takeBackup({
      databaseFile,
      dir,
      kind: 'manual',
      now: Date.UTC(2026, 11, 1),
      logger,
    });

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, databaseFile, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [first] = (await Promise.race([
      once(child.stdout, 'data'),
      once(child, 'exit').then(() => {
        throw new Error(`backup child exited early: ${stderr}`);
      }),
    ])) as [Buffer];
    expect(first.toString()).toBe('copying\n');
    expect(readdirSync(dir).some((name) => name.endsWith('.partial'))).toBe(true);
    child.kill('SIGKILL');
    await once(child, 'exit');

    // What is listed is exactly the earlier backup, and it is whole, with the sale in it.
    expect(listBackups(dir).map((b) => b.name)).toEqual([earlier.name]);
    verifyIntegrity(join(dir, earlier.name));
    const copy = new BetterSqlite3(join(dir, earlier.name), { readonly: true });
    expect(copy.prepare('SELECT total_centavos FROM sales WHERE id = 41').get()).toEqual({
      total_centavos: 4200,
    });
    copy.close();

    // The next backup removes the half-written file and succeeds.
    const next = await takeBackup({ databaseFile, dir, kind: 'manual', now: Date.UTC(2026, 11, 2), logger });
    expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([]);
    expect(listBackups(dir).map((b) => b.name)).toEqual([next.name, earlier.name]);
    expect(existsSync(join(dir, next.name))).toBe(true);
    db.close();
  });
});
