import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSettingsView } from '../../../../../app/api/office/printer.contract';
import type { PrinterKind, PrinterSettings } from '../../../../../app/domain/printer';
import type { RegisterView } from '../../../../../app/domain/registers';
import { jobStatus } from './print-job-status';
import { DrawerForm } from './drawer-form';
import { LogoField } from './logo-field';
import { PrinterRegister } from './printer-register';
import { StatusLine, type Status } from './status-line';
import { TextField } from './text-field';
import { useSettingsCall, useSettingsRead } from './use-settings-call';

const KINDS: PrinterKind[] = ['none', 'network', 'os'];

/**
 * The receipt printer (issue 15): where tickets print, paper, automatic or on demand, the drawer, a
 * test page; this register's, or on the store server another register's (issue 17).
 */
export function PrinterSection() {
  const { t } = useTranslation();
  const read = useSettingsRead();
  // Whose printer: undefined is this register's own (the trusted side knows which one that is).
  const [target, setTarget] = useState<number | undefined>(undefined);
  const [loaded, setLoaded] = useState<PrinterSettingsView | null>(null);
  const [registers, setRegisters] = useState<RegisterView[]>([]);
  useEffect(() => {
    void read('office.printer.get', target === undefined ? {} : { registerId: target }).then(
      (outcome) => outcome.ok && setLoaded(outcome.value),
    );
  }, [read, target]);
  useEffect(() => {
    void read('office.registers.list', {}).then(
      (outcome) => outcome.ok && setRegisters(outcome.value.registers),
    );
  }, [read]);
  const pick = (registerId: number) => {
    setLoaded(null);
    setTarget(registerId);
  };
  return (
    <section
      className="settings-section"
      aria-labelledby="settings-printer-title"
      data-testid="printer-settings"
    >
      <h3 id="settings-printer-title">{t('printer.settings.title')}</h3>
      {loaded ? (
        <>
          <PrinterRegister loaded={loaded} registers={registers} onPick={pick} />
          <PrinterForm key={loaded.registerId} loaded={loaded} />
          <LogoField hasLogo={loaded.hasLogo} />
          <DrawerForm key={`drawer-${loaded.registerId}`} registerId={loaded.registerId} />
        </>
      ) : (
        <p role="status">{t('officeSettings.loading')}</p>
      )}
    </section>
  );
}

function PrinterForm({ loaded }: { loaded: PrinterSettingsView }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const { osPrintAvailable, hasLogo: _hasLogo, registerId, callerRegisterId: _caller, ...initial } = loaded;
  // A register on the LAN can only be reached through a network printer (the server refuses `os`).
  const kinds = registerId === 0 ? KINDS : KINDS.filter((kind) => kind !== 'os');
  const [settings, setSettings] = useState<PrinterSettings>(initial);
  const [port, setPort] = useState(String(initial.port));
  const [status, setStatus] = useState<Status>(null);
  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65_535;
  const change = (patch: Partial<PrinterSettings>) => setSettings({ ...settings, ...patch });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (settings.kind === 'network' && settings.host.trim() === '') {
      setStatus({ tone: 'error', text: t('printer.settings.hostRequired') });
      return;
    }
    if (settings.kind === 'os' && settings.osName.trim() === '') {
      setStatus({ tone: 'error', text: t('printer.settings.osNameRequired') });
      return;
    }
    const outcome = await call('office.printer.save', { ...settings, port: portNumber, registerId });
    setStatus(
      outcome.ok ? { tone: 'ok', text: t('officeSettings.saved') } : { tone: 'error', text: outcome.message },
    );
  };
  const test = async () => {
    const outcome = await call('office.printer.test', { registerId });
    setStatus(
      outcome.ok
        ? jobStatus(outcome.value, t('printer.settings.testPrinted'), t)
        : { tone: 'error', text: outcome.message },
    );
  };

  return (
    <form className="settings-form" onSubmit={save}>
      <fieldset>
        <legend>{t('printer.settings.kind')}</legend>
        {kinds.map((kind) => (
          <label key={kind} className="field inline">
            <input
              type="radio"
              name="printer-kind"
              value={kind}
              checked={settings.kind === kind}
              disabled={kind === 'os' && !osPrintAvailable && settings.kind !== 'os'}
              onChange={() => change({ kind })}
            />
            {t(`printer.settings.kinds.${kind}`)}
          </label>
        ))}
        {!osPrintAvailable && registerId === 0 ? (
          <p className="hint">{t('printer.settings.osUnavailable')}</p>
        ) : null}
      </fieldset>
      {settings.kind === 'network' ? (
        <>
          <TextField
            label={t('printer.settings.host')}
            value={settings.host}
            maxLength={253}
            onChange={(host) => change({ host })}
          />
          <TextField
            label={t('printer.settings.port')}
            value={port}
            maxLength={5}
            inputMode="numeric"
            invalid={!portValid}
            onChange={setPort}
          />
        </>
      ) : null}
      {settings.kind === 'os' ? (
        <TextField
          label={t('printer.settings.osName')}
          value={settings.osName}
          maxLength={200}
          onChange={(osName) => change({ osName })}
        />
      ) : null}
      <label className="field">
        {t('printer.settings.paperWidth')}
        <select
          value={settings.paperWidth}
          onChange={(e) => change({ paperWidth: e.target.value === '58' ? 58 : 80 })}
        >
          <option value="58">{t('printer.settings.widths.58')}</option>
          <option value="80">{t('printer.settings.widths.80')}</option>
        </select>
      </label>
      <label className="field inline">
        <input
          type="checkbox"
          checked={settings.autoPrint}
          onChange={(e) => change({ autoPrint: e.target.checked })}
        />
        {t('printer.settings.autoPrint')}
      </label>
      <label className="field inline">
        <input
          type="checkbox"
          checked={settings.drawer}
          onChange={(e) => change({ drawer: e.target.checked })}
        />
        {t('printer.settings.drawer')}
      </label>
      <button type="submit" className="primary" disabled={!portValid}>
        {t('printer.settings.save')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={settings.kind === 'none'}
        onClick={() => void test()}
      >
        {t('printer.settings.test')}
      </button>
      <StatusLine status={status} />
    </form>
  );
}
