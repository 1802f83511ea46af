import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LIVE_CONFIRMATION,
  type EnvironmentView,
  type KushkiEnvironmentName,
} from '../../../../../app/domain/office/settings';
import { useAppStore } from '../../../store/store-context';
import { StatusLine, type Status } from './status-line';
import { useSettingsCall } from './use-settings-call';

const ENVIRONMENTS: KushkiEnvironmentName[] = ['demo', 'dev', 'live'];
// A real store never offers the demo's simulator (the core refuses it too): training is in the demo store.
const REAL_STORE_ENVIRONMENTS: KushkiEnvironmentName[] = ['dev', 'live'];

/** The Kushki environment: chosen here, applied at the next start; live asks for a confirmation first. */
export function EnvironmentSection(props: { environment: EnvironmentView }) {
  const { t } = useTranslation();
  const call = useSettingsCall();
  const [view, setView] = useState(props.environment);
  const [choice, setChoice] = useState<KushkiEnvironmentName>(props.environment.configured);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const name = (env: KushkiEnvironmentName) => t(`officeSettings.environment.names.${env}`);
  const realStore = useAppStore((s) => s.info?.store.kind === 'real');
  const choices = realStore ? REAL_STORE_ENVIRONMENTS : ENVIRONMENTS;

  const apply = async (confirm?: string) => {
    const outcome = await call('office.settings.environment.set', {
      environment: choice,
      ...(confirm ? { confirm } : {}),
    });
    if (outcome.ok) {
      setView(outcome.value);
      setStatus({ tone: 'ok', text: t('officeSettings.saved') });
    } else setStatus({ tone: 'error', text: outcome.message });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-env-title">
      <h3 id="settings-env-title">{t('officeSettings.environment.title')}</h3>
      <p>{t('officeSettings.environment.running', { name: name(view.running) })}</p>
      {view.restartNeeded ? (
        <p className="settings-warning" role="status">
          {t('officeSettings.environment.restartNeeded', {
            name: name(view.configured),
            running: name(view.running),
          })}
        </p>
      ) : (
        <p className="hint">{t('officeSettings.environment.appliesAfterRestart')}</p>
      )}
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice === 'live') setConfirming(true);
          else void apply();
        }}
      >
        <fieldset className="choice-row">
          <legend>{t('officeSettings.environment.legend')}</legend>
          {choices.map((env) => (
            <label key={env} className="field inline">
              <input
                type="radio"
                name="kushki-environment"
                value={env}
                checked={choice === env}
                onChange={() => setChoice(env)}
              />
              {t(`officeSettings.environment.${env}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={choice === view.configured}>
          {t('officeSettings.environment.apply')}
        </button>
      </form>
      {confirming ? (
        <LiveConfirmation
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void apply(LIVE_CONFIRMATION);
          }}
        />
      ) : null}
      <StatusLine status={status} />
    </section>
  );
}

/** A modal question before live: a checkbox that must be ticked, then the switch. Esc cancels. */
function LiveConfirmation({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [understood, setUnderstood] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="settings-dialog"
      aria-labelledby="settings-live-title"
      aria-describedby="settings-live-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h4 id="settings-live-title">{t('officeSettings.environment.confirmTitle')}</h4>
      <p id="settings-live-body">{t('officeSettings.environment.confirmBody')}</p>
      <label className="field inline">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        {t('officeSettings.environment.confirmCheck')}
      </label>
      <div className="actions">
        <button type="button" className="danger" disabled={!understood} onClick={onConfirm}>
          {t('officeSettings.environment.confirmButton')}
        </button>
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          {t('officeSettings.cancel')}
        </button>
      </div>
    </dialog>
  );
}
