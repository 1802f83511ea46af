import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretName, SecretStatus } from '../../../../../app/domain/office/settings';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall } from './use-settings-call';

const SECRET_SHAPE = /^[\x21-\x7e]{8,512}$/;

/**
 * A write-only secret: its status (set, last four, where it is kept) and a password input to set,
 * replace or clear it. The typed value lives only in the uncontrolled input (never in React state,
 * so never in a `value` attribute of the DOM) and is wiped once sent. When the trusted side answers
 * `needs_consent`, the manager is asked before a plaintext file is used.
 */
export function SecretField(props: { name: SecretName; label: string; status: SecretStatus }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState(props.status);
  const [line, setLine] = useState<Status>(null);
  const [consent, setConsent] = useState<'basic_text' | 'encryption_unavailable' | null>(null);

  const send = async (allowPlaintext: boolean) => {
    const value = input.current?.value ?? '';
    if (!SECRET_SHAPE.test(value)) {
      setLine({ tone: 'error', text: t('officeSettings.secret.tooShort') });
      return;
    }
    const outcome = await call('office.settings.secret.set', { name: props.name, value, allowPlaintext });
    if (!outcome.ok) {
      setLine({ tone: 'error', text: outcome.message });
      return;
    }
    if (outcome.value.outcome === 'needs_consent') {
      setConsent(outcome.value.reason);
      return;
    }
    if (input.current) input.current.value = '';
    setConsent(null);
    setStatus(outcome.value.status);
    setLine({
      tone: 'ok',
      text: t('officeSettings.secret.stored', { last4: outcome.value.status.last4 ?? '' }),
    });
  };

  const clear = async () => {
    if (!window.confirm(t('officeSettings.secret.confirmClear'))) return;
    const outcome = await call('office.settings.secret.clear', { name: props.name });
    if (outcome.ok) {
      setStatus(outcome.value);
      setLine({ tone: 'ok', text: t('officeSettings.secret.cleared') });
    } else setLine({ tone: 'error', text: outcome.message });
  };

  const warning =
    status.warning === 'web_unencrypted'
      ? t('officeSettings.secret.warnWeb')
      : status.warning === 'plaintext_fallback'
        ? t('officeSettings.secret.warnPlain')
        : null;

  return (
    <form
      className="settings-form secret-field"
      aria-label={props.label}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void send(false);
      }}
    >
      <p className="secret-status">
        <strong>{props.label}: </strong>
        <span data-testid={`secret-status-${props.name}`}>
          {status.set
            ? t('officeSettings.secret.isSet', { last4: status.last4 ?? '' })
            : t('officeSettings.secret.notSet')}
        </span>
      </p>
      {warning ? (
        <p className="settings-warning">{warning}</p>
      ) : status.storage === 'safeStorage' ? (
        <p className="hint">{t('officeSettings.secret.storageSafe')}</p>
      ) : null}
      <label className="field" htmlFor={id}>
        {t('officeSettings.secret.newValue')} ({props.label})
      </label>
      <input
        id={id}
        ref={input}
        className="secret-input"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('officeSettings.secret.writeOnly')}
      </p>
      {consent ? (
        <div className="settings-warning" role="alertdialog" aria-labelledby={`${id}-consent`}>
          <p id={`${id}-consent`}>
            <strong>{t('officeSettings.secret.consentTitle')}</strong>{' '}
            {consent === 'basic_text'
              ? t('officeSettings.secret.consentBasicText')
              : t('officeSettings.secret.consentUnavailable')}
          </p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void send(true)}>
              {t('officeSettings.secret.consentAccept')}
            </button>
            <button type="button" className="secondary" onClick={() => setConsent(null)}>
              {t('officeSettings.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary">
          {status.set ? t('officeSettings.secret.replace') : t('officeSettings.secret.set')}
        </button>
        <button type="button" className="secondary" disabled={!status.set} onClick={() => void clear()}>
          {t('officeSettings.secret.clear')}
        </button>
      </div>
      <StatusLine status={line} />
    </form>
  );
}
