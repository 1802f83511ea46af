import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_SHAPE, type OfficeUser } from '../../../../../app/domain/office/settings';
import { useAppStore } from '../../../store/store-context';
import { RowAction } from './row-action';
import { TextField } from './text-field';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall, useSettingsRead } from './use-settings-call';
import { PinInput } from '../../common/pin-input';

type Role = OfficeUser['role'];

/** Users and PINs: a table (role, PIN change, deactivate) and an add form. PINs are never shown. */
export function UsersSection() {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const read = useSettingsRead();
  const [users, setUsers] = useState<OfficeUser[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [pinFor, setPinFor] = useState<OfficeUser | null>(null);
  const lastManager = { conflict: t('officeSettings.errors.lastManager') };
  // The sign-in picker's list lives in the app store, loaded at start: refresh it after a change.
  const refreshPicker = useAppStore((s) => s.loadSession);

  const reload = useCallback(async () => {
    const outcome = await read('office.users.list', {});
    if (outcome.ok) setUsers(outcome.value);
  }, [read]);
  useEffect(() => {
    void read('office.users.list', {}).then((outcome) => {
      if (outcome.ok) setUsers(outcome.value);
    });
  }, [read]);

  const done = async (outcome: { ok: true } | { ok: false; message: string }, text: string) => {
    setStatus(outcome.ok ? { tone: 'ok', text } : { tone: 'error', text: outcome.message });
    await reload();
    if (outcome.ok) await refreshPicker();
    return outcome.ok;
  };

  const setRole = async (user: OfficeUser, role: Role) =>
    done(
      await call('office.users.setRole', { userId: user.id, role }, lastManager),
      t('officeSettings.users.roleChanged', { name: user.name }),
    );

  const unlock = async (user: OfficeUser) =>
    done(
      await call('office.users.unlock', { userId: user.id }),
      t('officeSettings.users.unlocked', { name: user.name }),
    );

  const deactivate = async (user: OfficeUser) => {
    if (!window.confirm(t('officeSettings.users.confirmDeactivate', { name: user.name }))) return;
    await done(
      await call('office.users.deactivate', { userId: user.id }, lastManager),
      t('officeSettings.users.deactivated', { name: user.name }),
    );
  };

  return (
    <section className="settings-section wide" aria-labelledby="settings-users-title">
      <h3 id="settings-users-title">{t('officeSettings.users.title')}</h3>
      <table className="settings-table">
        <caption className="visually-hidden">{t('officeSettings.users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeSettings.users.name')}</th>
            <th scope="col">{t('officeSettings.users.role')}</th>
            <th scope="col">{t('officeSettings.users.status')}</th>
            <th scope="col">{t('officeSettings.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td>
                {user.active ? (
                  <select
                    aria-label={t('officeSettings.users.roleOf', { name: user.name })}
                    value={user.role}
                    onChange={(e) => void setRole(user, e.target.value as Role)}
                  >
                    <option value="cashier">{t('officeSettings.users.roles.cashier')}</option>
                    <option value="manager">{t('officeSettings.users.roles.manager')}</option>
                  </select>
                ) : (
                  t(`officeSettings.users.roles.${user.role}`)
                )}
              </td>
              <td>
                {!user.active
                  ? t('officeSettings.users.inactive')
                  : user.locked
                    ? t('officeSettings.users.locked')
                    : t('officeSettings.users.active')}
              </td>
              <td className="row-actions">
                {user.active ? (
                  <>
                    {user.locked ? (
                      <RowAction
                        label={t('officeSettings.users.unlock', { name: user.name })}
                        text={t('officeSettings.users.unlockShort')}
                        onClick={() => void unlock(user)}
                      />
                    ) : null}
                    <RowAction
                      label={t('officeSettings.users.changePin', { name: user.name })}
                      text={t('officeSettings.users.changePinShort')}
                      onClick={() => setPinFor(user)}
                    />
                    <RowAction
                      label={t('officeSettings.users.deactivate', { name: user.name })}
                      text={t('officeSettings.users.deactivateShort')}
                      danger
                      onClick={() => void deactivate(user)}
                    />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pinFor ? (
        <PinForm
          user={pinFor}
          onCancel={() => setPinFor(null)}
          onSave={async (pin) => {
            const ok = await done(
              await call('office.users.setPin', { userId: pinFor.id, pin }),
              t('officeSettings.users.pinChanged', { name: pinFor.name }),
            );
            if (ok) setPinFor(null);
          }}
        />
      ) : null}
      <AddUserForm
        onAdd={async (user) =>
          done(
            await call('office.users.add', user, { conflict: t('officeSettings.errors.nameTaken') }),
            t('officeSettings.users.added', { name: user.name }),
          )
        }
      />
      <StatusLine status={status} />
    </section>
  );
}

function PinForm(props: { user: OfficeUser; onSave: (pin: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (PIN_SHAPE.test(pin)) void props.onSave(pin).then(() => setPin(''));
  };
  return (
    <form
      className="settings-form"
      aria-label={t('officeSettings.users.changePin', { name: props.user.name })}
      onSubmit={submit}
    >
      <PinInput
        label={t('officeSettings.users.newPin', { name: props.user.name })}
        value={pin}
        onChange={setPin}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={!PIN_SHAPE.test(pin)}>
          {t('officeSettings.users.savePin')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('officeSettings.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddUserForm(props: {
  onAdd: (user: { name: string; role: Role; pin: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [pin, setPin] = useState('');
  const valid = name.trim() !== '' && PIN_SHAPE.test(pin);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const added = await props.onAdd({ name: name.trim(), role, pin });
    setPin('');
    if (added) setName('');
  };
  return (
    <form
      className="settings-form"
      aria-label={t('officeSettings.users.add')}
      onSubmit={(e) => void submit(e)}
    >
      <TextField label={t('officeSettings.users.name')} value={name} maxLength={60} onChange={setName} />
      <label className="field">
        {t('officeSettings.users.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="cashier">{t('officeSettings.users.roles.cashier')}</option>
          <option value="manager">{t('officeSettings.users.roles.manager')}</option>
        </select>
      </label>
      <PinInput label={t('officeSettings.users.pin')} value={pin} onChange={setPin} />
      {pin !== '' && !PIN_SHAPE.test(pin) ? (
        <p className="hint">{t('officeSettings.users.pinInvalid')}</p>
      ) : null}
      <button type="submit" className="primary" disabled={!valid}>
        {t('officeSettings.users.add')}
      </button>
    </form>
  );
}
