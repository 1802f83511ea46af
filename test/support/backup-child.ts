/**
 * A process that takes one backup and stops in the middle of it, for the kill −9 test
 * (test/integration/ops/backup-kill.test.ts): after SQLite's backup has copied its first page into
 * the `.partial`, it prints `copying` and blocks (a synchronous wait inside the progress callback),
 * so the test's SIGKILL lands mid-backup every time, not by luck of timing.
 * Usage: node --import tsx backup-child.ts <databaseFile> <backupsDir>
 */
import { takeBackup } from '../../app/host/backups';

const [databaseFile = '', dir = ''] = process.argv.slice(2);
let announced = false;
await takeBackup({
  databaseFile,
  dir,
  kind: 'manual',
  now: Date.now(),
  logger: { info() {}, warn() {}, error() {} },
  pagesPerStep: 1,
  onProgress: () => {
    if (announced) return;
    announced = true;
    process.stdout.write('copying\n');
    // Waits for the kill; a minute is far longer than any loaded machine needs to deliver it.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
process.stdout.write('finished\n');
