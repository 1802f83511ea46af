import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../app/api/contract';
import type { ReceiptOptions, StoreDetails } from '../../../../../app/domain/office/settings';
import { useAppStore } from '../../../store/store-context';
import type { StoreTimeZone } from '../../../../../app/domain/store-time-zone';
import { TextField } from './text-field';
import { TimeZoneForm } from './time-zone-form';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall } from './use-settings-call';

/** Store details for the receipt header, receipt options, the cashier's discount limit and the language. */
export function StoreSection(props: {
  store: StoreDetails;
  receipt: ReceiptOptions;
  discountLimitBp: number;
  timeZone: StoreTimeZone;
}) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const [store, setStore] = useState(props.store);
  const [receipt, setReceipt] = useState(props.receipt);
  const [percent, setPercent] = useState(String(props.discountLimitBp / 100));
  const [status, setStatus] = useState<Status>(null);
  const bp = Math.round(Number(percent) * 100);
  const percentValid = percent.trim() !== '' && Number.isFinite(bp) && bp >= 0 && bp <= 10_000;

  const saved = (outcome: { ok: true } | { ok: false; message: string }) =>
    setStatus(
      outcome.ok ? { tone: 'ok', text: t('officeSettings.saved') } : { tone: 'error', text: outcome.message },
    );

  const saveStore = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await call('office.settings.store.save', store);
    if (outcome.ok) setStore(outcome.value);
    saved(outcome);
  };
  const saveReceipt = async (event: FormEvent) => {
    event.preventDefault();
    saved(await call('office.settings.receipt.save', receipt));
  };
  const saveDiscount = async (event: FormEvent) => {
    event.preventDefault();
    if (percentValid) saved(await call('office.settings.discountLimit.set', { discountLimitBp: bp }));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-store-title">
      <h3 id="settings-store-title">{t('officeSettings.store.title')}</h3>
      <form className="settings-form" onSubmit={saveStore}>
        <TextField
          label={t('officeSettings.store.name')}
          value={store.name}
          maxLength={80}
          onChange={(name) => setStore({ ...store, name })}
        />
        <TextField
          label={t('officeSettings.store.rfc')}
          value={store.rfc}
          maxLength={13}
          hint={{ id: 'settings-rfc-hint', text: t('officeSettings.store.rfcHint') }}
          onChange={(rfc) => setStore({ ...store, rfc: rfc.toUpperCase() })}
        />
        <TextField
          label={t('officeSettings.store.address')}
          value={store.address}
          maxLength={200}
          onChange={(address) => setStore({ ...store, address })}
        />
        <button type="submit" className="primary">
          {t('officeSettings.store.saveStore')}
        </button>
      </form>
      <form className="settings-form" onSubmit={saveReceipt}>
        <TextField
          label={t('officeSettings.store.footer')}
          value={receipt.footer}
          maxLength={200}
          onChange={(footer) => setReceipt({ ...receipt, footer })}
        />
        <label className="field inline">
          <input
            type="checkbox"
            checked={receipt.printOnTerminal}
            onChange={(e) => setReceipt({ ...receipt, printOnTerminal: e.target.checked })}
          />
          {t('officeSettings.store.printOnTerminal')}
        </label>
        <button type="submit" className="primary">
          {t('officeSettings.store.saveReceipt')}
        </button>
      </form>
      <form className="settings-form" onSubmit={saveDiscount}>
        <TextField
          label={t('officeSettings.store.discountLimit')}
          value={percent}
          maxLength={6}
          inputMode="decimal"
          invalid={!percentValid}
          hint={{
            id: 'settings-discount-hint',
            text: percentValid
              ? t('officeSettings.store.discountHint')
              : t('officeSettings.store.discountInvalid'),
          }}
          onChange={setPercent}
        />
        <button type="submit" className="primary" disabled={!percentValid}>
          {t('officeSettings.store.saveDiscount')}
        </button>
      </form>
      <TimeZoneForm timeZone={props.timeZone} onStatus={setStatus} />
      <label className="field">
        {t('officeSettings.store.language')}
        <select value={language} onChange={(e) => void setLanguage(e.target.value as Language)}>
          <option value="es-MX">{t('app.languages.es-MX')}</option>
          <option value="en">{t('app.languages.en')}</option>
        </select>
      </label>
      <StatusLine status={status} />
    </section>
  );
}
