/**
 * Issue 17: a register's own default terminal over the store's list, with the store's default as
 * the fallback. The settings are an in-memory map (the SettingsRepo port is two methods).
 */
import { describe, expect, it } from 'vitest';
import type { SettingsRepo } from '../../../app/ports/settings.port';
import { RegisterTerminals, registerTerminalKey } from '../../../app/services/register-terminals';
import { TerminalsService } from '../../../app/services/terminals.service';

function setUp() {
  const values = new Map<string, string>();
  const settings: SettingsRepo = {
    getPublic: (key) => values.get(key),
    setPublic: (key, value) => void values.set(key, value),
  };
  const clock = { now: () => 1_000 };
  const store = new TerminalsService(settings, clock);
  store.save([
    { serial: 'CAJA01', label: 'Mostrador', isDefault: true },
    { serial: 'CAJA02', label: 'Salida', isDefault: false },
  ]);
  const at = (registerId: number) => new RegisterTerminals({ terminals: store, settings, clock, registerId });
  return { store, values, at };
}

const defaultOf = (list: { serial: string; isDefault: boolean }[]) =>
  list.filter((t) => t.isDefault).map((t) => t.serial);

describe("a register's default terminal", () => {
  it("falls back to the store's default until the register chooses its own", () => {
    const { at, values } = setUp();
    const two = at(2);
    expect(two.resolve()?.serial).toBe('CAJA01');
    expect(two.setDefault('CAJA02').ok).toBe(true);
    expect(values.get(registerTerminalKey(2))).toBe('CAJA02');
    expect(two.resolve()?.serial).toBe('CAJA02');
    expect(defaultOf(two.list())).toEqual(['CAJA02']);
    // Another register, and the store's own list, are untouched.
    expect(at(3).resolve()?.serial).toBe('CAJA01');
    expect(defaultOf(at(3).list())).toEqual(['CAJA01']);
    // A serial asked for by name wins over any default.
    expect(two.resolve('CAJA01')?.serial).toBe('CAJA01');
  });

  it("goes back to the store's default when its own terminal is removed, and refuses an unknown one", () => {
    const { at, store } = setUp();
    const two = at(2);
    two.setDefault('CAJA02');
    const removed = two.admin().remove('CAJA02');
    expect(removed.ok && defaultOf(removed.value)).toEqual(['CAJA01']);
    expect(two.resolve()?.serial).toBe('CAJA01');
    expect(store.list().map((t) => t.serial)).toEqual(['CAJA01']);
    const unknown = two.setDefault('NOPE');
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
  });

  it("changes only the register's own default through the office's admin view", () => {
    const { at, store } = setUp();
    const chosen = at(2).admin().setDefault('CAJA02');
    expect(chosen.ok && defaultOf(chosen.value)).toEqual(['CAJA02']);
    expect(defaultOf(store.list())).toEqual(['CAJA01']);
  });
});
