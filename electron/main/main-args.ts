import { parseFlags } from '../../common/cli/parse-flags';

/** What Caja reads from Electron's command line. */
export interface MainArgs {
  dataDir?: string | undefined;
  kushkiUrl?: string | undefined;
}

const FLAGS = { 'data-dir': { type: 'string' }, 'kushki-url': { type: 'string' } } as const;

/**
 * `--data-dir` and `--kushki-url` (`--flag value` or `--flag=value`) from Electron's argv, which also
 * carries the binary, the app path and Chromium's own switches: those are skipped, never refused. A flag
 * given without a value counts as not given (the default applies), as before the shared parser.
 */
export function parseMainArgs(argv: readonly string[]): MainArgs {
  const parsed = parseFlags(argv, FLAGS, { ignoreUnknown: true });
  if (!parsed.ok) return {};
  return { dataDir: parsed.values['data-dir'], kushkiUrl: parsed.values['kushki-url'] };
}
