import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Everything the shell's log files under `<data-dir>/logs/` hold, oldest file first. */
export function logText(dataDir: string): string {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

/** The parsed log line that mentions `text` (a correlation id), or undefined. */
export function logLineWith(dataDir: string, text: string): Record<string, unknown> | undefined {
  const line = logText(dataDir)
    .split('\n')
    .find((l) => l.includes(text));
  return line ? (JSON.parse(line) as Record<string, unknown>) : undefined;
}
