import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../../../app/domain/office/maintenance';
import { formatDateTime } from '../../../format/date-time';
import { useOfficeCommand, useOfficeRead } from '../../../store/office/use-office';
import { PinInput } from '../../common/pin-input';
import { downloadFile } from '../shifts/download-file';
import { StatusLine, type Status } from './status-line';
import { TextField } from './text-field';

/**
 * Configuración → Registros y respaldos (issue 16): where the logs and backups are, the logs of the
 * last days as a zip, a backup now, the backups with a restore (manager PIN, store reopened), and
 * the optional second folder.
 */
export function MaintenanceSection() {
  const { t, i18n } = useTranslation();
  const { value: overview, reload } = useOfficeRead('office.maintenance.get', {});
  const { busy, run } = useOfficeCommand();
  const [days, setDays] = useState(7);
  const [status, setStatus] = useState<Status>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  const [pin, setPin] = useState('');
  if (!overview) return null;

  const exportLogs = async () => {
    const file = await run('office.maintenance.logs.export', { days });
    if (file) downloadFile(file);
  };
  const backupNow = async () => {
    const taken = await run('office.maintenance.backups.create', {});
    if (!taken) return;
    setStatus(
      taken.secondFolderError
        ? {
            tone: 'error',
            text: t('ops.maintenance.secondFolderError', { message: taken.secondFolderError }),
          }
        : { tone: 'ok', text: t('ops.maintenance.backupDone', { name: taken.name }) },
    );
    reload();
  };
  const restore = async () => {
    if (!restoring) return;
    const typed = pin;
    setPin('');
    // On success the host reopens the store and the page reloads (app.store.switched).
    const done = await run('office.maintenance.backups.restore', { name: restoring.name, pin: typed });
    if (done) setRestoring(null);
  };
  const saveFolder = async () => {
    const saved = await run('office.maintenance.secondFolder.set', {
      folder: folder ?? overview.secondFolder,
    });
    if (saved) {
      setFolder(null);
      setStatus({ tone: 'ok', text: t('ops.maintenance.saved') });
      reload();
    }
  };

  return (
    <section className="settings-section maintenance-section" aria-labelledby="settings-maintenance-title">
      <h3 id="settings-maintenance-title">{t('ops.maintenance.title')}</h3>
      <p>
        {t('ops.maintenance.logsDir')} <code data-testid="logs-dir">{overview.logsDir}</code>
      </p>
      <div className="row">
        <label className="field inline">
          {t('ops.maintenance.exportDays')}
          <input
            type="number"
            min={1}
            max={30}
            value={days}
            onChange={(e) => setDays(Math.min(30, Math.max(1, Number(e.target.value) || 1)))}
          />
        </label>
        <button type="button" className="secondary" disabled={busy} onClick={() => void exportLogs()}>
          {t('ops.maintenance.exportLogs')}
        </button>
      </div>
      <p>
        {t('ops.maintenance.backupsDir')} <code>{overview.backupsDir}</code>
      </p>
      <button type="button" disabled={busy} onClick={() => void backupNow()}>
        {t('ops.maintenance.backupNow')}
      </button>
      <StatusLine status={status} />
      <h4>{t('ops.maintenance.backups')}</h4>
      {overview.backups.length === 0 ? <p>{t('ops.maintenance.none')}</p> : null}
      <ul className="backup-list">
        {overview.backups.map((backup) => (
          <li key={backup.name}>
            <span>
              {formatDateTime(backup.takenAt, i18n.language)} · {t(`ops.maintenance.kinds.${backup.kind}`)} ·{' '}
              {Math.ceil(backup.bytes / 1024)} KB
            </span>
            <button type="button" className="secondary" disabled={busy} onClick={() => setRestoring(backup)}>
              {t('ops.maintenance.restore')}
            </button>
          </li>
        ))}
      </ul>
      {restoring ? (
        <div
          role="group"
          aria-label={t('ops.maintenance.restoreTitle', { name: restoring.name })}
          className="restore-confirm"
        >
          <p>{t('ops.maintenance.restoreWarning')}</p>
          <PinInput label={t('ops.maintenance.pin')} value={pin} onChange={setPin} autoFocus inline />
          <button type="button" disabled={busy || pin.length < 4} onClick={() => void restore()}>
            {t('ops.maintenance.confirmRestore')}
          </button>
          <button type="button" className="secondary" onClick={() => setRestoring(null)}>
            {t('ops.maintenance.cancel')}
          </button>
        </div>
      ) : null}
      <TextField
        label={t('ops.maintenance.secondFolder')}
        value={folder ?? overview.secondFolder}
        onChange={setFolder}
        maxLength={500}
        hint={{ id: 'second-folder-hint', text: t('ops.maintenance.secondFolderHint') }}
      />
      <button
        type="button"
        className="secondary"
        disabled={busy || folder === null}
        onClick={() => void saveFolder()}
      >
        {t('ops.maintenance.saveSecondFolder')}
      </button>
    </section>
  );
}
