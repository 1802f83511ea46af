/**
 * Issue 17, deliverable 5: the web shell binds 127.0.0.1 only unless serving registers is on, and
 * `--join` pairs a data directory, keeping the credential in the vault and out of the link file.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../app/host/create-core';
import type { PairingCodeView } from '../../../app/domain/registers';
import { FileVault } from '../../../app/infra/security/file-vault';
import { joinStoreServer } from '../../../app/infra/registers/join-store-server';
import { loadRegisterLink } from '../../../app/infra/registers/register-link-file';
import { startShellListeners } from '../../../web/shell';
import { recordingLogger } from '../../support/recording-logger';
import { signInDemoManager } from '../../support/sign-in';
import { freshDataDir } from '../../support/web-shell';

let core: Core;
let dataDir: string;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = join(freshDataDir('caja-renderer-'), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  dataDir = freshDataDir('caja-server-');
  core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
  await signInDemoManager(core);
});

afterAll(() => core.close());

describe('the web shell’s listeners', () => {
  it('bind only 127.0.0.1 and no register server by default', async () => {
    const shell = await startShellListeners({
      core,
      port: 0,
      rendererDir,
      dataDir,
      registers: () => core.registers,
      logger: recordingLogger().logger,
    });
    try {
      expect(new URL(shell.web.url).hostname).toBe('127.0.0.1');
      expect(shell.registers).toBeNull();
    } finally {
      await shell.close();
    }
  });

  it('with serving on, a register joins from its own data directory and keeps its credential in its vault', async () => {
    const log = recordingLogger();
    const shell = await startShellListeners({
      core,
      port: 0,
      rendererDir,
      dataDir,
      serveRegisters: { host: '127.0.0.1', port: 0 },
      registers: () => core.registers,
      logger: log.logger,
    });
    try {
      const server = shell.registers!;
      expect(server.host).toBe('127.0.0.1');
      const reply = await core.dispatch('office.registers.pairingCode.create', {});
      const { code } = (reply.ok ? reply.value : undefined) as PairingCodeView;

      const registerDir = freshDataDir('caja-register-');
      const registerLog = recordingLogger();
      const line = await joinStoreServer(
        registerDir,
        { serverUrl: `https://127.0.0.1:${server.port}`, pairingCode: code, name: 'Caja 2' },
        registerLog.logger,
      );
      expect(line).toMatch(/^Caja register \d+ \(Caja 2\) paired with https:\/\/127\.0\.0\.1:\d+$/);

      const stored = loadRegisterLink(registerDir, new FileVault(registerDir))!;
      expect(stored.link.fingerprint).toBe(server.fingerprint);
      const linkFile = readFileSync(join(registerDir, 'register-link.json'), 'utf8');
      expect(linkFile).not.toContain(stored.credential);
      for (const entries of [log.entries, registerLog.entries]) {
        expect(JSON.stringify(entries)).not.toContain(stored.credential);
        expect(JSON.stringify(entries)).not.toContain(code);
      }
    } finally {
      await shell.close();
    }
  });
});
