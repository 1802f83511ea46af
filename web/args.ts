/** Command-line options of the web shell. */
export interface WebShellArgs {
  port: number;
  dataDir?: string | undefined;
  /** `--kushki-url`: where dev/live reach Kushki (checked at boot). */
  kushkiUrl?: string | undefined;
}

const USAGE = 'Usage: start:web [--port <n>] [--data-dir <dir>] [--kushki-url <url>]';

/**
 * Parses `--port <n>`, `--data-dir <dir>` and `--kushki-url <url>` (also `--flag=value`). Throws with
 * a usage line on anything else.
 */
export function parseWebShellArgs(argv: readonly string[]): WebShellArgs {
  const args: WebShellArgs = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const [flag, inline] = raw.includes('=')
      ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
      : [raw];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
    if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port must be 0..65535, got ${value}`);
      args.port = port;
    } else if (flag === '--data-dir') {
      args.dataDir = value;
    } else if (flag === '--kushki-url') {
      args.kushkiUrl = value;
    } else {
      throw new Error(`Unknown option ${flag}. ${USAGE}`);
    }
  }
  return args;
}
