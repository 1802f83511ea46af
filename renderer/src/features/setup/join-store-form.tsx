import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fingerprintStart,
  normalizePairingCode,
  PAIRING_CODE_LENGTH,
  REGISTER_NAME_MAX,
} from '../../../../app/domain/registers';
import type { AppError } from '../../../../app/domain/result';
import { useAppStore } from '../../store/store-context';
import { errorKey } from '../../store/store-types';

type Field = 'serverUrl' | 'code' | 'name';

/** The form's problems, by field (i18n keys under setup.invalid). */
function problemsOf(form: Record<Field, string>): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (!form.serverUrl.trim()) problems.serverUrl = 'required';
  if (normalizePairingCode(form.code).length !== PAIRING_CODE_LENGTH) problems.code = 'pairingCode';
  if (!form.name.trim()) problems.name = 'required';
  return problems;
}

/** The refusal in the manager's words: the join reason's, else the sign-in hint, else the core's message. */
function refusalKey(error: AppError): { key: string } | { text: string } {
  if (error.reason) return { key: errorKey(error) };
  if (error.code === 'session_required' || error.code === 'forbidden') return { key: 'setup.needsManager' };
  return { text: error.message };
}

/**
 * «Unirse a una caja principal» (issue 17): the first-run screen's other way, for a PC that will be
 * one more register of a store server. The same pairing as `--join` runs on the trusted side
 * (`store.join`); once paired, Caja must restart to open as that store's register.
 */
export function JoinStoreForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const join = useAppStore((s) => s.joinStoreServer);
  const closeSetup = useAppStore((s) => s.closeSetup);
  const busy = useAppStore((s) => s.setupBusy);
  const error = useAppStore((s) => s.setupError);
  const joined = useAppStore((s) => s.joinedRegister);
  const [form, setForm] = useState<Record<Field, string>>({
    serverUrl: '',
    code: '',
    name: t('setup.join.defaultName'),
  });
  const [shown, setShown] = useState<Partial<Record<Field, string>>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [joined]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = problemsOf(form);
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    void join({
      serverUrl: form.serverUrl.trim(),
      pairingCode: form.code,
      registerName: form.name.trim(),
    });
  };

  if (joined) {
    return (
      <div data-testid="join-paired">
        <h2 id="setup-step-heading" tabIndex={-1} ref={heading}>
          {t('setup.join.title')}
        </h2>
        <p role="status">
          {t('setup.join.paired', { name: joined.name, id: joined.registerId, url: joined.serverUrl })}
        </p>
        <p>{t('setup.join.fingerprint', { fingerprint: fingerprintStart(joined.fingerprint) })}</p>
        <p className="setup-restart">{t('setup.join.restart')}</p>
        <div className="setup-actions">
          <button type="button" onClick={closeSetup}>
            {t('setup.join.close')}
          </button>
        </div>
      </div>
    );
  }

  const refusal = error ? refusalKey(error) : null;
  const field = (key: Field, label: string, extra: { maxLength?: number; placeholder?: string } = {}) => (
    <div className="setup-field">
      <label htmlFor={`join-${key}`}>{label}</label>
      <input
        id={`join-${key}`}
        value={form[key]}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={shown[key] ? true : undefined}
        aria-describedby={shown[key] ? `join-${key}-problem` : undefined}
        onChange={(event) => setForm((f) => ({ ...f, [key]: event.target.value }))}
        {...extra}
      />
      {shown[key] ? (
        <p className="setup-problem" id={`join-${key}-problem`} role="alert">
          {t(`setup.invalid.${shown[key]}`)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate>
      <h2 id="setup-step-heading" tabIndex={-1} ref={heading}>
        {t('setup.join.title')}
      </h2>
      <p>{t('setup.join.intro')}</p>
      {field('serverUrl', t('setup.join.serverUrl'), {
        placeholder: 'https://192.168.1.10:7443',
        maxLength: 300,
      })}
      {field('code', t('setup.join.code'), { placeholder: 'K7QMX-4R2P9', maxLength: 30 })}
      {field('name', t('setup.join.name'), { maxLength: REGISTER_NAME_MAX })}
      {refusal ? (
        <p className="setup-problem" role="alert" data-testid="join-error">
          {'key' in refusal ? t(refusal.key) : refusal.text}
        </p>
      ) : null}
      <div className="setup-actions">
        <button type="button" className="secondary" onClick={onBack} disabled={busy}>
          {t('setup.join.back')}
        </button>
        <button type="submit" disabled={busy}>
          {busy ? t('setup.join.joining') : t('setup.join.submit')}
        </button>
      </div>
    </form>
  );
}
