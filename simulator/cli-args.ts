// Parses the CLI flags of issue 3 into SimulatorOptions. Kept apart from cli.ts so it can be unit-tested.
import { parseFlags } from '../common/cli/parse-flags';
import type { SimulatorOptions } from './options';
import { BEHAVIOURS, type Behaviour } from './types';

/** Parsed command line, or a usage error. */
export type ParsedArgs =
  { ok: true; options: SimulatorOptions; help: boolean } | { ok: false; error: string };

/** Usage text printed by `--help` and on errors. */
export const USAGE = `Usage: npm run simulator -- [options]
  --port <p>               TCP port on 127.0.0.1 (default 0: chosen by the OS)
  --token <t>              expected X-BP-AUTH value (default: env KUSHKI_SIM_TOKEN or kushki-simulator-token)
  --terminal <s>[,<s>...]  terminal serial numbers (default TERM123)
  --webhook-url <url>      webhook target, http://127.0.0.1 only
  --mode <m>               ${BEHAVIOURS.join('|')} (default auto-approve)
  --approve-delay-ms <n>   simulated ms before an auto behaviour acts (default 2000)
  --state-file <path>      keep terminals and requests across restarts
  --time-scale <x>         simulated time runs 1/x times faster (default 1)
  --sign-webhooks          sign webhooks with RSA-SHA256 (X-BP-Signature)
  --retry-schedule-ms <a,b,c>  webhook retry delays (default 10000,60000,300000)
  --no-magic-amounts       ignore the magic-amount table
  --seed <n>               seed for generated ids
  --help                   this text`;

const FLAGS = {
  port: { type: 'string' },
  token: { type: 'string' },
  terminal: { type: 'string' },
  'webhook-url': { type: 'string' },
  mode: { type: 'string' },
  'approve-delay-ms': { type: 'string' },
  'state-file': { type: 'string' },
  'time-scale': { type: 'string' },
  'retry-schedule-ms': { type: 'string' },
  seed: { type: 'string' },
  'sign-webhooks': { type: 'boolean' },
  'no-magic-amounts': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses argv (without node and script) plus the environment. */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ParsedArgs {
  const parsed = parseFlags(argv, FLAGS);
  if (!parsed.ok)
    return {
      ok: false,
      error:
        parsed.problem === 'missing_value'
          ? `${parsed.flag} needs a value`
          : `unknown argument ${parsed.flag}`,
    };
  const flags = parsed.values;
  // The checks below read flags by their command-line spelling, as the usage text shows them.
  const values = new Map<string, string>(
    Object.entries(flags)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([name, value]) => [`--${name}`, value]),
  );
  const options: SimulatorOptions = { port: 0 };
  const number = (flag: string, min: number, max: number): number | string | undefined => {
    const raw = values.get(flag);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    return Number.isFinite(n) && n >= min && n <= max
      ? n
      : `${flag} must be a number between ${min} and ${max}`;
  };
  const port = number('--port', 0, 65535);
  if (typeof port === 'string') return { ok: false, error: port };
  if (port !== undefined) options.port = port;
  const delay = number('--approve-delay-ms', 0, 3_600_000);
  if (typeof delay === 'string') return { ok: false, error: delay };
  if (delay !== undefined) options.approveDelayMs = delay;
  const scale = number('--time-scale', 0.000001, 1000);
  if (typeof scale === 'string') return { ok: false, error: scale };
  if (scale !== undefined) options.timeScale = scale;
  const seed = number('--seed', 0, 2_147_483_647);
  if (typeof seed === 'string') return { ok: false, error: seed };
  if (seed !== undefined) options.seed = seed;
  const token = values.get('--token') ?? env.KUSHKI_SIM_TOKEN;
  if (token !== undefined) {
    if (token === '') return { ok: false, error: '--token must not be empty' };
    options.token = token;
  }
  const terminals = values.get('--terminal');
  if (terminals !== undefined)
    options.terminals = terminals
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const mode = values.get('--mode');
  if (mode !== undefined) {
    if (!BEHAVIOURS.includes(mode as Behaviour))
      return { ok: false, error: `--mode must be one of ${BEHAVIOURS.join(', ')}` };
    options.behaviour = mode as Behaviour;
  }
  const webhookUrl = values.get('--webhook-url');
  if (webhookUrl !== undefined) options.webhookUrl = webhookUrl;
  const stateFile = values.get('--state-file');
  if (stateFile !== undefined) options.stateFile = stateFile;
  const schedule = values.get('--retry-schedule-ms');
  const webhooks: NonNullable<SimulatorOptions['webhooks']> = {};
  if (schedule !== undefined) {
    const list = schedule === '' ? [] : schedule.split(',').map(Number);
    if (list.some((n) => !Number.isFinite(n) || n < 0))
      return { ok: false, error: '--retry-schedule-ms must be numbers' };
    webhooks.retryScheduleMs = list;
  }
  if (flags['sign-webhooks']) webhooks.sign = true;
  if (Object.keys(webhooks).length > 0) options.webhooks = webhooks;
  if (flags['no-magic-amounts']) options.magicAmounts = false;
  return { ok: true, options, help: flags.help === true };
}
