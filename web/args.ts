import { parseFlags } from '../common/cli/parse-flags';

/** Command-line options of the web shell. */
export interface WebShellArgs {
  port: number;
  dataDir?: string | undefined;
  /** `--kushki-url`: where dev/live reach Kushki (checked at boot). */
  kushkiUrl?: string | undefined;
}

const USAGE = 'Usage: start:web [--port <n>] [--data-dir <dir>] [--kushki-url <url>]';

const FLAGS = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'kushki-url': { type: 'string' },
} as const;

/**
 * Parses `--port <n>`, `--data-dir <dir>` and `--kushki-url <url>` (also `--flag=value`). Throws with
 * a usage line on anything else.
 */
export function parseWebShellArgs(argv: readonly string[]): WebShellArgs {
  const parsed = parseFlags(argv, FLAGS);
  if (!parsed.ok) {
    if (parsed.problem === 'missing_value') throw new Error(`${parsed.flag} needs a value. ${USAGE}`);
    throw new Error(`Unknown option ${parsed.flag}. ${USAGE}`);
  }
  const { port: rawPort, 'data-dir': dataDir, 'kushki-url': kushkiUrl } = parsed.values;
  const args: WebShellArgs = { port: 0 };
  if (rawPort !== undefined) {
    const port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be 0..65535, got ${rawPort}`);
    args.port = port;
  }
  if (dataDir !== undefined) args.dataDir = dataDir;
  if (kushkiUrl !== undefined) args.kushkiUrl = kushkiUrl;
  return args;
}
