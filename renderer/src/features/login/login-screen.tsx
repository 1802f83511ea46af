import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { DEMO_USERS } from '../../../../app/domain/demo-users';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** A tapped keypad key leaves focus in the PIN field, so a keyboard's Enter then signs in. */
const keepPinFocus = (event: { preventDefault(): void }) => event.preventDefault();

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
  const pinField = useRef<HTMLInputElement>(null);
  // Only the demo store holds the demo users; their PINs are public there (training).
  const demo = useAppStore((s) => s.info?.store.kind === 'demo');
  const userId = chosen ?? users[0]?.id ?? null;
  const addDigit = (digit: string) => setPin((p) => (p + digit).slice(0, 8));

  // The PIN is typed wherever focus is on the card (a name just clicked, a keypad key just
  // tapped): digits and Backspace go to the PIN, and Enter signs in instead of pressing the
  // focused button again (which would add a digit or re-pick the name).
  const onCardKey = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.target === pinField.current || event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^\d$/.test(event.key)) addDigit(event.key);
    else if (event.key === 'Backspace') setPin((p) => p.slice(0, -1));
    else if (event.key === 'Enter') void submit();
    else return;
    event.preventDefault();
    pinField.current?.focus();
  };

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
        onKeyDown={onCardKey}
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
                pinField.current?.focus();
              }}
            >
              {t('login.signedInAs', { name: user.name, role: t(`login.roles.${user.role}`) })}
            </button>
          ))}
        </fieldset>
        <label className="field">
          {t('login.pin')}
          <input
            ref={pinField}
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
            <button key={key} type="button" onPointerDown={keepPinFocus} onClick={() => addDigit(key)}>
              {key}
            </button>
          ))}
          <button type="button" onPointerDown={keepPinFocus} onClick={() => setPin((p) => p.slice(0, -1))}>
            {t('login.backspace')}
          </button>
        </div>
        {demo ? (
          <p className="hint" data-testid="demo-pins">
            {t('login.demoPins', {
              pins: DEMO_USERS.map((user) => `${user.name}: ${user.pin}`).join(' · '),
            })}
          </p>
        ) : null}
        <p className="login-message" role="alert" data-testid="login-message">
          {message}
        </p>
        <button type="submit" className="primary big" disabled={userId === null || pin.length < 4}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
