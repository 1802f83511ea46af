// One command-line parser for the simulator, the relay, the web shell, Electron's main and the users CLI
// (issue 12), on node:util's parseArgs. parseArgs's own strict mode throws TypeErrors whose messages name
// the flag inside prose; reading its tokens instead lets each CLI word its own usage error from a problem
// and a flag, and lets Electron's main skip the Chromium switches it does not own.
import { parseArgs } from 'node:util';

/**
 * The options a CLI declares: `--name <value>` (string), `--name` (boolean switch); `multiple` collects
 * every occurrence of a string option.
 */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parsed values by option name; absent when not given. The last occurrence wins unless `multiple`. */
export type FlagValues<S extends FlagSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'string'
    ? S[K]['multiple'] extends true
      ? string[]
      : string
    : boolean;
};

/** What went wrong, with the flag as typed (e.g. `--port`), for the CLI to word. */
export interface FlagProblem {
  problem: 'unknown_option' | 'missing_value' | 'unexpected_value' | 'unexpected_argument';
  flag: string;
}

/** The parse, or the first problem in argv order. */
export type ParsedFlags<S extends FlagSpec> =
  { ok: true; values: FlagValues<S>; positionals: string[] } | ({ ok: false } & FlagProblem);

/** How strict to be about what the spec does not declare. */
export interface ParseFlagsOptions {
  /** Accept bare arguments (sub-commands); refused otherwise. */
  positionals?: boolean;
  /** Skip undeclared options and bare arguments silently (Electron's argv carries Chromium's switches). */
  ignoreUnknown?: boolean;
}

/** Parses `--flag value`, `--flag=value`, switches and (if allowed) positionals. Never throws. */
export function parseFlags<S extends FlagSpec>(
  argv: readonly string[],
  spec: S,
  options: ParseFlagsOptions = {},
): ParsedFlags<S> {
  const { tokens } = parseArgs({
    args: [...argv],
    options: spec,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | string[] | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (options.positionals) positionals.push(token.value);
      else if (!options.ignoreUnknown)
        return { ok: false, problem: 'unexpected_argument', flag: token.value };
      continue;
    }
    const declared = spec[token.name];
    if (!declared) {
      if (options.ignoreUnknown) continue;
      return { ok: false, problem: 'unknown_option', flag: token.rawName };
    }
    if (declared.type === 'boolean') {
      if (token.value !== undefined) return { ok: false, problem: 'unexpected_value', flag: token.rawName };
      values[token.name] = true;
    } else {
      if (token.value === undefined) return { ok: false, problem: 'missing_value', flag: token.rawName };
      const earlier = values[token.name];
      values[token.name] = declared.multiple
        ? [...(Array.isArray(earlier) ? earlier : []), token.value]
        : token.value;
    }
  }
  return { ok: true, values: values as FlagValues<S>, positionals };
}

/** A plain-English line for a problem, for CLIs that have no wording of their own. */
export function describeFlagProblem({ problem, flag }: FlagProblem): string {
  switch (problem) {
    case 'unknown_option':
      return `unknown option ${flag}`;
    case 'missing_value':
      return `${flag} needs a value`;
    case 'unexpected_value':
      return `${flag} takes no value`;
    case 'unexpected_argument':
      return `unexpected argument ${flag}`;
  }
}
