/**
 * The catalog command (issue 13, item 3): `catalog import <file> [--dry-run]` and `catalog export <file>`
 * against a data directory's store, for bulk loads and scripts. Per-row errors go to stdout, then one
 * last line `imported <n>, updated <n>, rejected <n>`. Exit 0 when nothing was rejected, 1 when some
 * rows were, 2 on unusable input (not a spreadsheet, no recognisable header) or a usage error.
 * Like the users command it needs no PIN: whoever can run it can already write the data directory.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describeFlagProblem, parseFlags } from '../../common/cli/parse-flags';
import { SpreadsheetFiles } from '../infra/catalog-files/spreadsheet-files';
import { SqliteAuditLog } from '../infra/db/audit.repo';
import { SqliteProductsAdminRepo } from '../infra/db/office/products/products-admin.repo';
import { openDatabase } from '../infra/db/open-database';
import { CatalogExportService } from '../services/office/products/catalog-export.service';
import { CatalogImportService } from '../services/office/products/catalog-import.service';
import { SqliteSettingsRepo } from '../infra/db/settings.repo';
import { STORE_TIME_ZONE_KEY, storeTimeZoneOf } from '../domain/store-time-zone';
import { currentStore, StorePointerError } from './store-location';
import { platformUserDataDir, resolveDataDir } from './data-dir';
import type { CliOutput } from './users-cli';

const USAGE = `usage:
  catalog import <file.xlsx|file.csv> [--data-dir <dir>] [--dry-run]
  catalog export <file.xlsx|file.csv> [--data-dir <dir>]
The data directory defaults to CAJA_DATA_DIR, then the app's own folder.`;

const OPTIONS = { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

/**
 * The database the command works on: the data directory's current store (the demo until a real
 * store exists), as [Note: demo and real store] decides it for every caller.
 */
export function catalogDatabaseFile(dataDir: string): string {
  return currentStore(dataDir).databaseFile;
}

/** Runs one command; resolves with the exit code. */
export async function runCatalogCli(
  argv: readonly string[],
  io: CliOutput,
  env: NodeJS.ProcessEnv = process.env,
  now: () => number = Date.now,
): Promise<number> {
  const parsed = parseFlags(argv, OPTIONS, { positionals: true });
  if (!parsed.ok) {
    io.err(`${describeFlagProblem(parsed)}\n${USAGE}`);
    return 2;
  }
  const [command, file, ...rest] = parsed.positionals;
  if ((command !== 'import' && command !== 'export') || !file || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  if (command === 'export' && parsed.values['dry-run']) {
    io.err(`--dry-run is for import only.\n${USAGE}`);
    return 2;
  }
  const dataDir = resolveDataDir({
    flag: parsed.values['data-dir'],
    env: env.CAJA_DATA_DIR,
    platformDefault: platformUserDataDir(),
  });
  let databaseFile: string;
  try {
    databaseFile = catalogDatabaseFile(dataDir);
  } catch (error) {
    if (!(error instanceof StorePointerError)) throw error;
    io.err(error.message);
    return 2;
  }
  // Never create an empty store by pointing at the wrong folder.
  if (!existsSync(databaseFile)) {
    io.err(`No Caja database in ${dataDir}.`);
    return 2;
  }
  const files = new SpreadsheetFiles();
  const format = files.formatOf(file);
  if (!format) {
    io.err(`${file}: use an .xlsx or .csv file`);
    return 2;
  }
  const db = openDatabase(databaseFile, { nativeBinding: env.CAJA_SQLITE_BINDING });
  try {
    const deps = {
      repo: new SqliteProductsAdminRepo(db),
      files,
      audit: new SqliteAuditLog(db),
      clock: { now },
      actor: () => null,
      timeZone: () => storeTimeZoneOf(new SqliteSettingsRepo(db).getPublic(STORE_TIME_ZONE_KEY)),
    };
    if (command === 'export') {
      const exported = await new CatalogExportService(deps).export(format);
      writeFileSync(file, exported.bytes);
      io.out(`exported to ${file}`);
      return 0;
    }
    if (!existsSync(file)) {
      io.err(`${file}: no such file`);
      return 2;
    }
    const service = new CatalogImportService(deps);
    const input = { fileName: file, bytes: new Uint8Array(readFileSync(file)) };
    const options = {
      maxIssues: Number.POSITIVE_INFINITY,
      onProgress: (done: number, total: number) => {
        if (total >= 5000 && done % 5000 === 0) io.err(`… ${done} of ${total} rows`);
      },
    };
    const run = parsed.values['dry-run']
      ? await service.preview(input, options)
      : await service.commit(input, options);
    if (!run.ok) {
      io.err(`unusable input: ${run.unusable}`);
      return 2;
    }
    const { summary } = run;
    for (const issue of summary.issues) {
      io.out(`line ${issue.line}${issue.column ? `, ${issue.column}` : ''}: ${issue.reason}`);
    }
    if (parsed.values['dry-run']) io.out('dry run: nothing written');
    io.out(`imported ${summary.imported}, updated ${summary.updated}, rejected ${summary.rejected}`);
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}
