import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { jobStatus } from './print-job-status';
import { StatusLine, type Status } from './status-line';
import { TextField } from './text-field';
import { useSettingsCall } from './use-settings-call';

/** "Abrir cajón" without a sale at `registerId`: a manager only (the office is), with an audited reason. */
export function DrawerForm({ registerId }: { registerId: number }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setStatus({ tone: 'error', text: t('printer.settings.reasonRequired') });
      return;
    }
    const outcome = await call(
      'office.drawer.open',
      { reason: reason.trim(), registerId },
      {
        unavailable: t('printer.settings.drawerUnavailable'),
      },
    );
    if (outcome.ok && outcome.value.status === 'printed') setReason('');
    setStatus(
      outcome.ok
        ? jobStatus(outcome.value, t('printer.settings.drawerOpened'), t)
        : { tone: 'error', text: outcome.message },
    );
  };
  return (
    <form className="settings-form" onSubmit={open} aria-labelledby="settings-drawer-title">
      <h4 id="settings-drawer-title">{t('printer.settings.drawerTitle')}</h4>
      <TextField
        label={t('printer.settings.drawerReason')}
        value={reason}
        maxLength={200}
        onChange={setReason}
      />
      <button type="submit" className="secondary">
        {t('printer.settings.drawerOpen')}
      </button>
      <StatusLine status={status} />
    </form>
  );
}
