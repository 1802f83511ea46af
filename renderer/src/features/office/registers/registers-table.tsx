import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVER_REGISTER_ID, type RegisterView } from '../../../../../app/domain/registers';
import { formatDateTime } from '../../../format/date-time';
import { useOfficeCommand } from '../../../store/office/use-office';
import { ConfirmDialog } from '../../common/modal-dialog';
import { RowAction } from '../settings/row-action';
import { StatusLine, type Status } from '../settings/status-line';

/**
 * The store's registers: name, when paired, last seen, revoked; register 0 is this PC, the store
 * server's own counter, which can be renamed but never revoked. Rename is inline; revoke asks in
 * the app's own dialog first. Failures show on the notice line (useOfficeCommand).
 */
export function RegistersTable({ registers }: { registers: RegisterView[] }) {
  const { t, i18n } = useTranslation();
  const { busy, run } = useOfficeCommand();
  const [renaming, setRenaming] = useState<RegisterView | null>(null);
  const [revoking, setRevoking] = useState<RegisterView | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const when = (at: number) => formatDateTime(at, i18n.language);

  const rename = async (register: RegisterView, name: string) => {
    const renamed = await run('office.registers.rename', { registerId: register.id, name });
    if (!renamed) return;
    setRenaming(null);
    setStatus({ tone: 'ok', text: t('officeRegisters.list.renamed', { name: renamed.name }) });
  };
  const revoke = async (register: RegisterView) => {
    setRevoking(null);
    const revoked = await run('office.registers.revoke', { registerId: register.id });
    if (revoked)
      setStatus({ tone: 'ok', text: t('officeRegisters.list.revokedNow', { name: revoked.name }) });
  };

  return (
    <section className="settings-section wide" aria-labelledby="registers-list-title">
      <h3 id="registers-list-title">{t('officeRegisters.list.title')}</h3>
      <table className="settings-table registers-table" data-testid="registers-table">
        <caption className="visually-hidden">{t('officeRegisters.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeRegisters.list.name')}</th>
            <th scope="col">{t('officeRegisters.list.paired')}</th>
            <th scope="col">{t('officeRegisters.list.lastSeen')}</th>
            <th scope="col">{t('officeRegisters.list.status')}</th>
            <th scope="col">{t('officeRegisters.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {registers.map((register) => {
            const thisPc = register.id === SERVER_REGISTER_ID;
            return (
              <tr key={register.id} data-register-id={register.id}>
                <th scope="row">
                  {renaming?.id === register.id ? (
                    <RenameForm
                      register={register}
                      busy={busy}
                      onSave={(name) => void rename(register, name)}
                      onCancel={() => setRenaming(null)}
                    />
                  ) : (
                    <>
                      {register.name}
                      {thisPc ? (
                        <span className="register-badge">{t('officeRegisters.list.thisPc')}</span>
                      ) : null}
                    </>
                  )}
                </th>
                <td>{thisPc ? '—' : when(register.pairedAt)}</td>
                <td>
                  {thisPc
                    ? '—'
                    : register.lastSeen === null
                      ? t('officeRegisters.list.never')
                      : when(register.lastSeen)}
                </td>
                <td>
                  {register.revokedAt === null
                    ? t('officeRegisters.list.active')
                    : t('officeRegisters.list.revoked', { at: when(register.revokedAt) })}
                </td>
                <td className="row-actions">
                  {register.revokedAt === null && renaming?.id !== register.id ? (
                    <RowAction
                      label={t('officeRegisters.list.rename', { name: register.name })}
                      text={t('officeRegisters.list.renameShort')}
                      disabled={busy}
                      onClick={() => setRenaming(register)}
                    />
                  ) : null}
                  {register.revokedAt === null && !thisPc ? (
                    <RowAction
                      label={t('officeRegisters.list.revoke', { name: register.name })}
                      text={t('officeRegisters.list.revokeShort')}
                      danger
                      disabled={busy}
                      onClick={() => setRevoking(register)}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {registers.every((register) => register.id === SERVER_REGISTER_ID) ? (
        <p className="hint">{t('officeRegisters.list.empty')}</p>
      ) : null}
      <StatusLine status={status} />
      {revoking ? (
        <ConfirmDialog
          title={t('officeRegisters.list.revokeTitle', { name: revoking.name })}
          body={t('officeRegisters.list.revokeBody')}
          confirmLabel={t('officeRegisters.list.revokeConfirm')}
          cancelLabel={t('officeRegisters.list.revokeCancel')}
          danger
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}

function RenameForm(props: {
  register: RegisterView;
  busy: boolean;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.register.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) props.onSave(name.trim());
  };
  return (
    <form className="register-rename" onSubmit={submit}>
      <input
        aria-label={t('officeRegisters.list.newName', { name: props.register.name })}
        value={name}
        maxLength={40}
        required
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onCancel();
        }}
      />
      <button type="submit" disabled={props.busy || !name.trim()}>
        {t('officeRegisters.list.save')}
      </button>
      <button type="button" className="secondary" onClick={props.onCancel}>
        {t('officeRegisters.list.cancel')}
      </button>
    </form>
  );
}
