import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsOverview } from '../../../../app/domain/office/settings';
import type { UpdateSettings } from '../../../../app/domain/updates';
import { databaseFileIn } from '../../../../app/host/create-core';
import { pendingUpdateFile } from '../../../../app/infra/updates/pending-update-file';
import { readUpdateSettings } from '../../../../app/services/office/settings/update-settings.service';
import { freshDataDir } from '../../../support/web-shell';
import { managerCore } from './settings-core';

describe('update settings (issue 16, item 7; real SQLite)', () => {
  const cores: { close(): void }[] = [];
  afterEach(() => cores.splice(0).forEach((core) => core.close()));

  it('start off, save the toggle and URL, audit the change and are what the updater reads', async () => {
    const { core, dataDir, reply, call } = await managerCore();
    cores.push(core);
    expect((await call<SettingsOverview>('office.settings.get', {})).updates).toEqual({
      enabled: false,
      feedUrl: '',
    });
    const saved = await call<UpdateSettings>('office.settings.updates.save', {
      enabled: true,
      feedUrl: ' https://updates.example.mx/caja/ ',
    });
    expect(saved).toEqual({ enabled: true, feedUrl: 'https://updates.example.mx/caja/' });
    expect(readUpdateSettings(core.settings)).toEqual(saved);
    expect((await call<SettingsOverview>('office.settings.get', {})).updates).toEqual(saved);

    // Refused, with the field named, and nothing stored changes.
    for (const bad of [
      { enabled: true, feedUrl: '' },
      { enabled: false, feedUrl: 'http://updates.example.mx/' },
      { enabled: true, feedUrl: 'https://user:secret@updates.example.mx/' },
    ]) {
      const answer = await reply('office.settings.updates.save', bad);
      expect(answer.ok ? null : answer.error.issues?.[0]).toEqual({ path: 'feedUrl', message: 'update_url' });
    }
    expect(readUpdateSettings(core.settings)).toEqual(saved);
    const extra = await reply('office.settings.updates.save', { enabled: true, feedUrl: '', channel: 'x' });
    expect(extra.ok ? null : extra.error.code).toBe('validation_failed');

    const audit = new Database(databaseFileIn(dataDir), { readonly: true });
    const rows = audit
      .prepare(`SELECT details FROM audit_log WHERE action = 'settings.updates.saved'`)
      .all() as { details: string }[];
    audit.close();
    expect(rows.map((r) => JSON.parse(r.details))).toEqual([
      { before: { enabled: false, feedUrl: '' }, after: saved },
    ]);
  });

  it('keeps the pending-update marker across runs and reads a damaged one as nothing pending', () => {
    const dir = freshDataDir('caja-update-marker-');
    const marker = pendingUpdateFile(dir);
    expect(marker.read()).toBeNull();
    marker.write({ version: '0.2.0', downloadedAt: 1_700_000_000_000 });
    expect(pendingUpdateFile(dir).read()).toEqual({ version: '0.2.0', downloadedAt: 1_700_000_000_000 });
    writeFileSync(join(dir, 'update-pending.json'), '{"version":"../../x","downloadedAt":1}');
    expect(marker.read()).toBeNull();
    writeFileSync(join(dir, 'update-pending.json'), 'not json');
    expect(marker.read()).toBeNull();
    marker.clear();
    marker.clear();
    expect(marker.read()).toBeNull();
  });
});
