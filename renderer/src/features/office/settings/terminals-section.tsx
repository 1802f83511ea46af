import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalView } from '../../../../../app/api/contract';
import { SERIAL_SHAPE } from '../../../../../app/domain/office/settings';
import { RowAction } from './row-action';
import { TextField } from './text-field';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall, useSettingsRead, type CallOutcome } from './use-settings-call';

type ListChannel =
  | 'office.terminals.add'
  | 'office.terminals.rename'
  | 'office.terminals.setDefault'
  | 'office.terminals.remove';

/** The store's terminals: a table with rename, default, remove and a zero-risk connection test; an add form. */
export function TerminalsSection() {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const read = useSettingsRead();
  const [terminals, setTerminals] = useState<TerminalView[]>([]);
  const [serial, setSerial] = useState('');
  const [label, setLabel] = useState('');
  const [renaming, setRenaming] = useState<{ serial: string; label: string } | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    void read('office.terminals.list', {}).then((outcome) => {
      if (outcome.ok) setTerminals(outcome.value);
    });
  }, [read]);

  const applied = (outcome: CallOutcome<ListChannel>) => {
    if (outcome.ok) {
      setTerminals(outcome.value);
      setStatus({ tone: 'ok', text: t('officeSettings.saved') });
    } else setStatus({ tone: 'error', text: outcome.message });
    return outcome.ok;
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const done = applied(
      await call(
        'office.terminals.add',
        { serial, label },
        { conflict: t('officeSettings.errors.serialTaken') },
      ),
    );
    if (done) {
      setSerial('');
      setLabel('');
    }
  };

  const test = async (target: string) => {
    setTesting(target);
    setStatus({ tone: 'ok', text: t('officeSettings.terminals.testing', { serial: target }) });
    const outcome = await call('office.terminals.test', { serial: target });
    setTesting(null);
    if (!outcome.ok) return setStatus({ tone: 'error', text: outcome.message });
    const { outcome: kind, responseCode } = outcome.value;
    setStatus({
      tone: kind === 'ok' ? 'ok' : 'error',
      text: t(`officeSettings.terminals.outcome.${kind}`, { serial: target, code: responseCode ?? '' }),
    });
  };

  const serialValid = SERIAL_SHAPE.test(serial);
  return (
    <section className="settings-section wide" aria-labelledby="settings-terminals-title">
      <h3 id="settings-terminals-title">{t('officeSettings.terminals.title')}</h3>
      <p className="hint">{t('officeSettings.terminals.testHint')}</p>
      {terminals.length === 0 ? <p>{t('officeSettings.terminals.none')}</p> : null}
      <table className="settings-table">
        <caption className="visually-hidden">{t('officeSettings.terminals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeSettings.terminals.serial')}</th>
            <th scope="col">{t('officeSettings.terminals.label')}</th>
            <th scope="col">{t('officeSettings.terminals.isDefault')}</th>
            <th scope="col">{t('officeSettings.terminals.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {terminals.map((terminal) => (
            <tr key={terminal.serial}>
              <th scope="row">{terminal.serial}</th>
              <td>
                {renaming?.serial === terminal.serial ? (
                  <form
                    className="inline-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void call('office.terminals.rename', renaming).then(
                        (o) => applied(o) && setRenaming(null),
                      );
                    }}
                  >
                    <input
                      aria-label={t('officeSettings.terminals.newLabel', { serial: terminal.serial })}
                      value={renaming.label}
                      maxLength={60}
                      autoFocus
                      onChange={(e) => setRenaming({ serial: terminal.serial, label: e.target.value })}
                    />
                    <button type="submit">{t('officeSettings.terminals.saveLabel')}</button>
                  </form>
                ) : (
                  terminal.label
                )}
              </td>
              <td>
                {terminal.isDefault ? t('officeSettings.terminals.yes') : t('officeSettings.terminals.no')}
              </td>
              <td className="row-actions">
                <RowAction
                  label={t('officeSettings.terminals.rename', { serial: terminal.serial })}
                  text={t('officeSettings.terminals.renameShort')}
                  onClick={() => setRenaming({ serial: terminal.serial, label: terminal.label })}
                />
                <RowAction
                  label={t('officeSettings.terminals.setDefault', { serial: terminal.serial })}
                  text={t('officeSettings.terminals.setDefaultShort')}
                  disabled={terminal.isDefault}
                  onClick={() =>
                    void call('office.terminals.setDefault', { serial: terminal.serial }).then(applied)
                  }
                />
                <RowAction
                  label={t('officeSettings.terminals.test', { serial: terminal.serial })}
                  text={t('officeSettings.terminals.testShort')}
                  disabled={testing !== null}
                  onClick={() => void test(terminal.serial)}
                />
                <RowAction
                  label={t('officeSettings.terminals.remove', { serial: terminal.serial })}
                  text={t('officeSettings.terminals.removeShort')}
                  danger
                  onClick={() => {
                    if (
                      window.confirm(t('officeSettings.terminals.confirmRemove', { serial: terminal.serial }))
                    ) {
                      void call('office.terminals.remove', { serial: terminal.serial }).then(applied);
                    }
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="settings-form" aria-label={t('officeSettings.terminals.add')} onSubmit={add}>
        <TextField
          label={t('officeSettings.terminals.serial')}
          value={serial}
          maxLength={40}
          invalid={serial !== '' && !serialValid}
          hint={{ id: 'settings-serial-hint', text: t('officeSettings.terminals.serialHint') }}
          onChange={(value) => setSerial(value.trim())}
        />
        <TextField
          label={t('officeSettings.terminals.label')}
          value={label}
          maxLength={60}
          onChange={setLabel}
        />
        <button type="submit" className="primary" disabled={!serialValid || label.trim() === ''}>
          {t('officeSettings.terminals.add')}
        </button>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
