/**
 * Issue 16, items 1–3, on the real web shell (`dist/web/host.cjs`, built by `npm run build`): its log
 * file under `<data-dir>/logs/` holds the correlation id of an `internal` error, and a second shell
 * on the same data directory refuses, naming the first one's pid, with a failure page at its URL.
 */
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { logLineWith } from '../../support/log-files';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebShell, type RunningShell } from '../../support/web-shell';

const HOST_ENTRY = fileURLToPath(new URL('../../../dist/web/host.cjs', import.meta.url));
const running: RunningShell[] = [];
afterEach(async () => {
  for (const shell of running.splice(0)) await shell.stop();
});

/** One contract call over the shell's WebSocket, as the page makes it. */
async function call(shell: RunningShell, channel: string, args: unknown = {}) {
  const socket = new WebSocket(`${shell.origin.replace('http', 'ws')}/api?token=${shell.token}`, {
    headers: { Origin: shell.origin },
  });
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'invoke', id: 1, channel, args }));
  for (;;) {
    const [data] = (await once(socket, 'message')) as [WebSocket.RawData];
    const message = JSON.parse(data.toString()) as { type: string; id?: number; reply?: unknown };
    if (message.type === 'reply' && message.id === 1) {
      socket.close();
      return message.reply as { ok: boolean; error?: { code: string; correlationId?: string } };
    }
  }
}

describe('the web shell on its data directory', () => {
  it('writes a log file under logs/ that holds the correlation id of an internal error', async () => {
    const shell = await startWebShell();
    running.push(shell);
    expect(
      readdirSync(join(shell.dataDir, 'logs')).some((n) => /^caja\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(n)),
    ).toBe(true);
    // An honest fault, no test hook: another connection takes away a table the catalog reads.
    const db = new BetterSqlite3(join(shell.dataDir, 'caja.sqlite'));
    db.exec('ALTER TABLE products RENAME TO products_gone');
    db.close();
    const reply = await call(shell, 'catalog.categories.list');
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('internal');
    const correlationId = reply.error?.correlationId ?? 'missing';
    // Written synchronously before the reply was sent.
    expect(logLineWith(shell.dataDir, correlationId)).toMatchObject({
      level: 'error',
      channel: 'catalog.categories.list',
    });
  });

  it('a second shell on the same data directory refuses and names the pid that holds it', async () => {
    const first = await startWebShell();
    running.push(first);
    const second = spawn(process.execPath, [HOST_ENTRY, '--port', '0', '--data-dir', first.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [chunk] = (await once(second.stdout, 'data')) as [Buffer];
    const line = chunk.toString();
    expect(line).toMatch(/^Caja could not start: Caja ya está abierta \(see http:\/\/127\.0\.0\.1:\d+\/\)/);
    const pageUrl = /see (http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1] ?? '';
    const page = await fetch(pageUrl);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain(`proceso ${first.process.pid}`);
    expect(html).toContain('Qué hacer');
    expect(stderr).toContain(`proceso ${first.process.pid}`);
    second.kill('SIGTERM');
    const [code] = (await once(second, 'exit')) as [number];
    expect(code).toBe(1);
    // The refused start left the first one's lock alone: the first still serves.
    expect((await call(first, 'app.info.get')).ok).toBe(true);
    expect(JSON.parse(readFileSync(join(first.dataDir, 'caja.lock'), 'utf8'))).toMatchObject({
      pid: first.process.pid,
      shell: 'web',
    });
  });
});
