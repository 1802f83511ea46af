import { parseFlags } from '../common/cli/parse-flags';

/** Where the store server listens for registers (issue 17). */
export interface ListenAddress {
  host: string;
  port: number;
}

/** Joining a store server as a register (issue 17): `--join <url> --pairing-code <code>`. */
export interface JoinArgs {
  serverUrl: string;
  pairingCode: string;
  /** `--register-name`: how the office lists this register (default: the machine's host name). */
  name?: string | undefined;
}

/** Command-line options of the web shell. */
export interface WebShellArgs {
  port: number;
  dataDir?: string | undefined;
  /** `--kushki-url`: where dev/live reach Kushki (checked at boot). */
  kushkiUrl?: string | undefined;
  /** `--serve-registers <host:port>`: also listen for registers there, over TLS. Off by default. */
  serveRegisters?: ListenAddress | undefined;
  join?: JoinArgs | undefined;
}

const USAGE =
  'Usage: start:web [--port <n>] [--data-dir <dir>] [--kushki-url <url>] [--serve-registers <host:port>]' +
  ' | [--join <https://host:port> --pairing-code <code> [--register-name <name>]]';

const FLAGS = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'kushki-url': { type: 'string' },
  'serve-registers': { type: 'string' },
  join: { type: 'string' },
  'pairing-code': { type: 'string' },
  'register-name': { type: 'string' },
} as const;

function parsePort(raw: string, flag: string, min: number): number {
  const port = Number(raw);
  if (!/^\d{1,5}$/.test(raw) || port < min || port > 65535)
    throw new Error(`${flag} must be ${min}..65535, got ${raw}`);
  return port;
}

/** `host:port` with an IPv4 address, a host name or a bracketed IPv6 address. */
export function parseListenAddress(raw: string): ListenAddress {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(raw);
  if (!match?.[1] || !match[2])
    throw new Error(`--serve-registers needs <host:port>, e.g. 0.0.0.0:7443; got ${raw}`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port: parsePort(match[2], '--serve-registers port', 0) };
}

/**
 * Parses `--port <n>`, `--data-dir <dir>`, `--kushki-url <url>`, `--serve-registers <host:port>` and
 * `--join <url> --pairing-code <code> [--register-name <name>]` (also `--flag=value`). Throws with a
 * usage line on anything else.
 */
export function parseWebShellArgs(argv: readonly string[]): WebShellArgs {
  const parsed = parseFlags(argv, FLAGS);
  if (!parsed.ok) {
    if (parsed.problem === 'missing_value') throw new Error(`${parsed.flag} needs a value. ${USAGE}`);
    throw new Error(`Unknown option ${parsed.flag}. ${USAGE}`);
  }
  const { port: rawPort, 'data-dir': dataDir, 'kushki-url': kushkiUrl } = parsed.values;
  const {
    'serve-registers': serve,
    join,
    'pairing-code': pairingCode,
    'register-name': name,
  } = parsed.values;
  const args: WebShellArgs = { port: 0 };
  if (rawPort !== undefined) args.port = parsePort(rawPort, '--port', 0);
  if (dataDir !== undefined) args.dataDir = dataDir;
  if (kushkiUrl !== undefined) args.kushkiUrl = kushkiUrl;
  if (serve !== undefined) args.serveRegisters = parseListenAddress(serve);
  if ((join === undefined) !== (pairingCode === undefined)) {
    throw new Error(`--join and --pairing-code go together. ${USAGE}`);
  }
  if (name !== undefined && join === undefined) throw new Error(`--register-name needs --join. ${USAGE}`);
  if (join !== undefined && pairingCode !== undefined) {
    if (serve !== undefined)
      throw new Error(`A register that joins a store server cannot serve registers. ${USAGE}`);
    args.join = { serverUrl: join, pairingCode, name };
  }
  return args;
}
