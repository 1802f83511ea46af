// Parses the CLI flags of issue 3 into SimulatorOptions. Kept apart from cli.ts so it can be unit-tested.
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

const VALUE_FLAGS = new Set([
  '--port',
  '--token',
  '--terminal',
  '--webhook-url',
  '--mode',
  '--approve-delay-ms',
  '--state-file',
  '--time-scale',
  '--retry-schedule-ms',
  '--seed',
]);

/** Parses argv (without node and script) plus the environment. */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ParsedArgs {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    if (VALUE_FLAGS.has(flag as string)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, error: `${flag} needs a value` };
      values.set(flag as string, value);
    } else if (['--sign-webhooks', '--no-magic-amounts', '--help', '-h'].includes(arg)) {
      switches.add(arg);
    } else {
      return { ok: false, error: `unknown argument ${arg}` };
    }
  }
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
  if (switches.has('--sign-webhooks')) webhooks.sign = true;
  if (Object.keys(webhooks).length > 0) options.webhooks = webhooks;
  if (switches.has('--no-magic-amounts')) options.magicAmounts = false;
  return { ok: true, options, help: switches.has('--help') || switches.has('-h') };
}
