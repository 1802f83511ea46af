import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** PIN sign-in (also the lock screen): pick who you are, type the PIN by keyboard or on the pad. */
export function LoginScreen() {
  const { t } = useTranslation();
  const users = useAppStore(useShallow((s) => s.users));
  const session = useAppStore((s) => s.session);
  const signIn = useAppStore((s) => s.signIn);
  const [chosen, setChosen] = useState<number | null>(session?.user.id ?? null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const store = useAppStoreApi();
  // In the demo, until the real store exists, say how to reach «Configurar mi tienda».
  const storeInfo = useAppStore((s) => s.info?.store);
  const userId = chosen ?? users[0]?.id ?? null;

  const submit = async () => {
    if (userId === null || pin.length < 4) return;
    const outcome = await signIn(userId, pin);
    setPin('');
    if (outcome === 'wrong') setMessage(t('login.wrong'));
    else if (outcome === 'locked') setMessage(t('login.userLocked'));
    else if (outcome === 'wait') {
      const seconds = Math.max(1, Math.ceil((store.getState().pinBlockedUntil - Date.now()) / 1000));
      setMessage(t('login.wait', { seconds }));
    } else setMessage(null);
  };

  return (
    <main className="login-screen">
      <form
        className="login-card"
        aria-labelledby="login-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="login-heading">{session?.locked ? t('login.lockedTitle') : t('login.title')}</h2>
        {session?.locked ? <p>{t('login.lockedBy', { name: session.user.name })}</p> : null}
        <fieldset className="choice-row">
          <legend>{t('login.who')}</legend>
          {users.map((user) => (
            <button
              key={user.id}
              type="button"
              className="chip big"
              aria-pressed={userId === user.id}
              onClick={() => {
                setChosen(user.id);
                setMessage(null);
              }}
            >
              {t('login.signedInAs', { name: user.name, role: t(`login.roles.${user.role}`) })}
            </button>
          ))}
        </fieldset>
        <label className="field">
          {t('login.pin')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            maxLength={8}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          />
        </label>
        <div className="keypad" role="group" aria-label={t('login.keypad')}>
          {KEYS.map((key) => (
            <button key={key} type="button" onClick={() => setPin((p) => (p + key).slice(0, 8))}>
              {key}
            </button>
          ))}
          <button type="button" onClick={() => setPin((p) => p.slice(0, -1))}>
            {t('login.backspace')}
          </button>
        </div>
        <p className="login-message" role="alert" data-testid="login-message">
          {message}
        </p>
        <button type="submit" className="primary big" disabled={userId === null || pin.length < 4}>
          {t('login.submit')}
        </button>
      </form>
      {storeInfo?.kind === 'demo' && !storeInfo.realExists ? (
        <aside className="setup-entry" aria-label={t('setup.open')}>
          <p>{t('setup.needsManager')}</p>
        </aside>
      ) : null}
    </main>
  );
}
