/**
 * The recovery command for users locked by wrong PINs (issue 11): `users list` and `users unlock`,
 * run on the store's PC against its data directory. It exists for the last manager, whom no other
 * manager can unlock from the office. It needs no PIN on purpose: whoever can run it can already
 * read and write the data directory (0700, the OS account's), so it grants nothing new, and it
 * leaves `users.unlocked` in the audit log like an unlock from the office does.
 * Caja may stay open meanwhile: the sign-in reads the counts from the database at every PIN.
 */
import { existsSync } from 'node:fs';
import { describeFlagProblem, parseFlags } from '../../common/cli/parse-flags';
import { SqliteAuditLog } from '../infra/db/audit.repo';
import { openDatabase } from '../infra/db/open-database';
import { SqlitePinFailuresRepo } from '../infra/db/pin-failures.repo';
import { SqliteUsersRepo } from '../infra/db/users.repo';
import { UsersAdminService } from '../services/office/settings/users-admin.service';
import { currentStore, StorePointerError } from './store-location';
import { platformUserDataDir, resolveDataDir } from './data-dir';

const USAGE = `usage:
  users list   [--data-dir <dir>]
  users unlock --user <id> [--data-dir <dir>]
The data directory defaults to CAJA_DATA_DIR, then the app's own folder.`;

const OPTIONS = { 'data-dir': { type: 'string' }, user: { type: 'string' } } as const;

/** Where the command writes: stdout for its answer, stderr for problems. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Runs one command; resolves with the process exit code (0 ok, 1 refused, 2 usage). */
export function runUsersCli(
  argv: readonly string[],
  io: CliOutput,
  env: NodeJS.ProcessEnv = process.env,
  now: () => number = Date.now,
): number {
  const parsed = parseFlags(argv, OPTIONS, { positionals: true });
  if (!parsed.ok) {
    io.err(`${describeFlagProblem(parsed)}\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if ((command !== 'list' && command !== 'unlock') || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const dataDir = resolveDataDir({
    flag: parsed.values['data-dir'],
    env: env.CAJA_DATA_DIR,
    platformDefault: platformUserDataDir(),
  });
  // The current store's database (the demo, or the real store once the wizard made it).
  let file: string;
  try {
    file = currentStore(dataDir).databaseFile;
  } catch (error) {
    if (!(error instanceof StorePointerError)) throw error;
    io.err(error.message);
    return 1;
  }
  // Never create an empty store by pointing at the wrong folder.
  if (!existsSync(file)) {
    io.err(`No Caja database in ${dataDir}.`);
    return 1;
  }
  const db = openDatabase(file, { nativeBinding: env.CAJA_SQLITE_BINDING });
  try {
    const users = new SqliteUsersRepo(db);
    if (command === 'list') {
      for (const user of users.all()) {
        const state = [user.active ? 'active' : 'inactive', ...(user.locked ? ['LOCKED'] : [])].join(', ');
        io.out(`${user.id}\t${user.name}\t${user.role}\t${state}`);
      }
      return 0;
    }
    const userId = Number(parsed.values.user);
    if (!Number.isSafeInteger(userId) || userId <= 0) {
      io.err(`--user needs a user id (see \`users list\`).\n${USAGE}`);
      return 2;
    }
    const admin = new UsersAdminService({
      users,
      failures: new SqlitePinFailuresRepo(db),
      audit: new SqliteAuditLog(db),
      clock: { now },
      endSessionOf: () => undefined,
    });
    const unlocked = admin.unlock(userId, null, 'recovery_command');
    if (!unlocked.ok) {
      io.err(`No active user ${userId}.`);
      return 1;
    }
    io.out(`${unlocked.value.name} can sign in again.`);
    return 0;
  } finally {
    db.close();
  }
}
