/**
 * Caja in `dev` pointed at a stand-alone simulator (its CLI, in its own process, as `npm run
 * simulator` starts it) with `kushkiBaseUrl` (`--kushki-url` / `CAJA_KUSHKI_BASE_URL` in the shells)
 * charges a card over HTTP on 127.0.0.1. Without relay settings the approval is learned by get-status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../app/domain/payment-view';
import { bootCaja, type BootedCaja } from '../../../app/host/boot';
import { createCore } from '../../../app/host/create-core';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoCashier } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

const KEY = 'caja-standalone-key-0123456789';
const SERIAL = 'CAJA01';

let simulator: { child: ChildProcess; url: string };

/** Starts the bundled simulator CLI and resolves with the URL of its one stdout line. */
async function startSimulatorCli(cli: string, args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^Simulator listening at (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
  });
  return { child, url };
}

beforeAll(async () => {
  // Bundled the way scripts/build-node.mjs bundles it for `npm run simulator`.
  const cli = join(freshDataDir('caja-sim-cli-'), 'cli.cjs');
  await build({
    entryPoints: ['simulator/cli.ts'],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
  });
  // 100× simulated time: the terminal's 1 s "customer taps the card" takes 10 ms.
  simulator = await startSimulatorCli(cli, [
    '--port',
    '0',
    '--token',
    KEY,
    '--terminal',
    SERIAL,
    '--mode',
    'auto-approve',
    '--approve-delay-ms',
    '1000',
    '--time-scale',
    '0.01',
  ]);
});
afterAll(async () => {
  simulator.child.removeAllListeners('exit');
  const exited = new Promise((resolve) => simulator.child.once('exit', resolve));
  simulator.child.kill('SIGTERM');
  await exited;
});

let booted: BootedCaja | undefined;
afterEach(async () => {
  await booted?.close();
  booted = undefined;
});

/** A data directory set up as a manager would: environment dev, the key, one terminal. */
function devStore(): string {
  const dataDir = freshDataDir('caja-dev-');
  const core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
  core.settings.setPublic('kushki.environment', 'dev', Date.now());
  core.vault.set('kushki.apiKey', KEY);
  core.terminals.save([{ serial: SERIAL, label: 'Caja 1', isDefault: true }]);
  core.close();
  return dataDir;
}

describe('dev against a stand-alone simulator', () => {
  it('charges a card through the configured base URL', async () => {
    const { logger, entries } = recordingLogger();
    booted = await bootCaja({
      dataDir: devStore(),
      shell: 'web',
      logger,
      kushkiBaseUrl: `${simulator.url}/`,
      timings: { delaysMs: [20, 40, 80], graceMs: 300, slowIntervalMs: 100 },
      ttlSeconds: 10,
    });
    expect(booted.environment).toBe('dev');
    expect(booted.demo).toBeNull();
    const core = booted.core;
    await signInDemoCashier(core);
    await core.dispatch('sales.cart.scan', { code: 'BEB-001' });
    const started = await core.dispatch('payments.card.start', {});
    if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
    const paymentId = (started.value as PaymentView).id;
    await expect
      .poll(
        async () => {
          const reply = await core.dispatch('payments.get', { paymentId });
          return reply.ok ? (reply.value as { payment: PaymentView }).payment.status : undefined;
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBe('approved');
    // The simulator, asked over its own HTTP API, holds the same request approved.
    const reference = (started.value as PaymentView).uniqueReference ?? '';
    const status = await fetch(`${simulator.url}/get-status/?uniqueReference=${reference}`, {
      headers: { 'X-BP-AUTH': KEY },
    });
    expect(await status.json()).toMatchObject({ status: 'APPROVED' });
    expect(entries.some((e) => e.message === 'Kushki base URL overridden')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(KEY);
  });

  it.each([
    ['http://192.168.1.20:4010', /https:\/\/, or http:\/\/ on 127\.0\.0\.1 or localhost/],
    ['https://user:secret-pw@kushki.example', /no credentials/],
    ['not a url', /is not a URL/],
  ])('refuses to start with %s, without repeating it', async (url, why) => {
    const attempt = bootCaja({
      dataDir: devStore(),
      shell: 'web',
      logger: recordingLogger().logger,
      kushkiBaseUrl: url,
    });
    await expect(attempt).rejects.toThrow(why);
    await expect(attempt).rejects.not.toThrow(/secret-pw/);
  });
});
