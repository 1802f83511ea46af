import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidRfc, normalizeRfc } from '../../../../app/domain/rfc';
import { PIN_SHAPE } from '../../../../app/domain/office/settings';
import type { StoreSetupInput } from '../../../../app/domain/store-setup';
import { STORE_TIME_ZONES, type StoreTimeZone } from '../../../../app/domain/store-time-zone';
import { useAppStore } from '../../store/store-context';
import { JoinStoreForm } from './join-store-form';

const STEPS = ['store', 'manager', 'kushki', 'relay', 'catalog'] as const;
type Step = (typeof STEPS)[number];

interface Form {
  name: string;
  rfc: string;
  address: string;
  timeZone: StoreTimeZone;
  managerName: string;
  pin: string;
  pinAgain: string;
  useKushki: boolean;
  environment: 'dev' | 'live';
  confirm: string;
  apiKey: string;
  serials: string;
  useRelay: boolean;
  relayUrl: string;
  relayStoreId: string;
  relayToken: string;
  relaySigningKey: string;
}

const EMPTY: Form = {
  name: '',
  rfc: '',
  address: '',
  timeZone: 'America/Mexico_City',
  managerName: '',
  pin: '',
  pinAgain: '',
  useKushki: false,
  environment: 'dev',
  confirm: '',
  apiKey: '',
  serials: '',
  useRelay: false,
  relayUrl: '',
  relayStoreId: '',
  relayToken: '',
  relaySigningKey: '',
};

/** The problems of one step, by field (i18n keys under setup.invalid). */
function problemsOf(step: Step, f: Form): Partial<Record<keyof Form, string>> {
  const p: Partial<Record<keyof Form, string>> = {};
  if (step === 'store') {
    if (!f.name.trim()) p.name = 'required';
    if (!isValidRfc(normalizeRfc(f.rfc))) p.rfc = 'rfc';
  }
  if (step === 'manager') {
    if (!f.managerName.trim()) p.managerName = 'required';
    if (!PIN_SHAPE.test(f.pin)) p.pin = 'pin';
    else if (f.pin !== f.pinAgain) p.pinAgain = 'pinMismatch';
  }
  return p;
}

/** What the form becomes as the channel's argument; skipped steps are left out. */
function inputOf(f: Form): StoreSetupInput {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    store: { name: f.name.trim(), rfc: normalizeRfc(f.rfc), address: f.address.trim(), timeZone: f.timeZone },
    manager: { name: f.managerName.trim(), pin: f.pin },
    kushki: f.useKushki
      ? {
          environment: f.environment,
          confirm: f.environment === 'live' ? f.confirm : undefined,
          apiKey: optional(f.apiKey),
          terminalSerials: f.serials
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : undefined,
    relay: f.useRelay
      ? {
          url: f.relayUrl.trim(),
          storeId: f.relayStoreId.trim(),
          streamToken: optional(f.relayToken),
          signingKey: optional(f.relaySigningKey),
        }
      : undefined,
  };
}

/**
 * «Configurar mi tienda»: tienda → primer gerente → Kushki → relay → catálogo, then the real store
 * is created and opened (the page reloads on `app.store.switched`). Focus moves to each step's
 * heading so a screen reader announces where the manager is.
 */
export function SetupWizard() {
  const { t } = useTranslation();
  const closeSetup = useAppStore((s) => s.closeSetup);
  const createStore = useAppStore((s) => s.createStore);
  const busy = useAppStore((s) => s.setupBusy);
  const error = useAppStore((s) => s.setupError);
  const [index, setIndex] = useState(0);
  const [form, setForm] = useState<Form>(EMPTY);
  const [shown, setShown] = useState<Partial<Record<keyof Form, string>>>({});
  // «Unirse a una caja principal»: this PC becomes a register of a store server instead (issue 17).
  const [joining, setJoining] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const step = STEPS[index] ?? 'store';

  useEffect(() => heading.current?.focus(), [index, joining]);

  const update = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const next = () => {
    const problems = problemsOf(step, form);
    setShown(problems);
    if (Object.keys(problems).length === 0) setIndex((i) => Math.min(i + 1, STEPS.length - 1));
  };
  const skip = () => {
    if (step === 'kushki') update('useKushki', false);
    if (step === 'relay') update('useRelay', false);
    setIndex((i) => Math.min(i + 1, STEPS.length - 1));
  };

  const field = (key: keyof Form, label: string, control: ReactNode) => (
    <div className="setup-field">
      <label htmlFor={`setup-${key}`}>{label}</label>
      {control}
      {shown[key] ? (
        <p className="setup-problem" id={`setup-${key}-problem`} role="alert">
          {t(`setup.invalid.${shown[key]}`)}
        </p>
      ) : null}
    </div>
  );
  const text = (
    key: keyof Form,
    type: 'text' | 'password' = 'text',
    extra: { inputMode?: 'numeric' } = {},
  ) => (
    <input
      id={`setup-${key}`}
      type={type}
      value={String(form[key])}
      aria-invalid={shown[key] ? true : undefined}
      aria-describedby={shown[key] ? `setup-${key}-problem` : undefined}
      onChange={(event) => update(key, event.target.value as never)}
      autoComplete="off"
      {...extra}
    />
  );

  if (joining) {
    return (
      <main className="setup-screen">
        <section className="setup-card" aria-labelledby="setup-step-heading">
          <JoinStoreForm onBack={() => setJoining(false)} />
        </section>
      </main>
    );
  }

  return (
    <main className="setup-screen">
      <section className="setup-card" aria-labelledby="setup-step-heading">
        <p className="setup-title">{t('setup.title')}</p>
        <p className="setup-progress">{t('setup.stepOf', { step: index + 1, total: STEPS.length })}</p>
        <h2 id="setup-step-heading" tabIndex={-1} ref={heading}>
          {t(`setup.steps.${step}`)}
        </h2>
        {step === 'store' ? (
          <>
            <p className="setup-join-offer">
              {t('setup.join.offer')}{' '}
              <button type="button" className="secondary" onClick={() => setJoining(true)} disabled={busy}>
                {t('setup.join.open')}
              </button>
            </p>
            <p>{t('setup.intro')}</p>
            {field('name', t('setup.fields.name'), text('name'))}
            {field('rfc', t('setup.fields.rfc'), text('rfc'))}
            {field('address', t('setup.fields.address'), text('address'))}
            {field(
              'timeZone',
              t('setup.fields.timeZone'),
              <select
                id="setup-timeZone"
                value={form.timeZone}
                onChange={(event) => update('timeZone', event.target.value as StoreTimeZone)}
              >
                {STORE_TIME_ZONES.map((zone) => (
                  <option key={zone} value={zone}>
                    {t(`setup.zones.${zone}`)}
                  </option>
                ))}
              </select>,
            )}
          </>
        ) : null}
        {step === 'manager' ? (
          <>
            {field('managerName', t('setup.fields.managerName'), text('managerName'))}
            {field('pin', t('setup.fields.pin'), text('pin', 'password', { inputMode: 'numeric' }))}
            {field(
              'pinAgain',
              t('setup.fields.pinAgain'),
              text('pinAgain', 'password', { inputMode: 'numeric' }),
            )}
          </>
        ) : null}
        {step === 'kushki' ? (
          <>
            {field(
              'environment',
              t('setup.fields.environment'),
              <select
                id="setup-environment"
                value={form.environment}
                onChange={(event) => {
                  update('environment', event.target.value as 'dev' | 'live');
                  update('useKushki', true);
                }}
              >
                <option value="dev">{t('setup.environments.dev')}</option>
                <option value="live">{t('setup.environments.live')}</option>
              </select>,
            )}
            {form.environment === 'live'
              ? field('confirm', t('setup.fields.confirm'), text('confirm'))
              : null}
            {field('apiKey', t('setup.fields.apiKey'), text('apiKey', 'password'))}
            {field('serials', t('setup.fields.serials'), text('serials'))}
          </>
        ) : null}
        {step === 'relay' ? (
          <>
            {field('relayUrl', t('setup.fields.relayUrl'), text('relayUrl'))}
            {field('relayStoreId', t('setup.fields.relayStoreId'), text('relayStoreId'))}
            {field('relayToken', t('setup.fields.relayToken'), text('relayToken', 'password'))}
            {field('relaySigningKey', t('setup.fields.relaySigningKey'), text('relaySigningKey', 'password'))}
          </>
        ) : null}
        {step === 'catalog' ? <p>{t('setup.catalogLater')}</p> : null}
        {error ? (
          <p className="setup-problem" role="alert" data-testid="setup-error">
            {error.code === 'session_required' || error.code === 'forbidden'
              ? t('setup.needsManager')
              : error.message}
          </p>
        ) : null}
        <div className="setup-actions">
          <button type="button" className="secondary" onClick={closeSetup} disabled={busy}>
            {t('setup.cancel')}
          </button>
          {index > 0 ? (
            <button type="button" className="secondary" onClick={() => setIndex(index - 1)} disabled={busy}>
              {t('setup.back')}
            </button>
          ) : null}
          {step === 'kushki' || step === 'relay' ? (
            <button type="button" className="secondary" onClick={skip} disabled={busy}>
              {t('setup.skip')}
            </button>
          ) : null}
          {step === 'catalog' ? (
            <button type="button" onClick={() => void createStore(inputOf(form))} disabled={busy}>
              {busy ? t('setup.creating') : t('setup.create')}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => {
                if (step === 'kushki') update('useKushki', true);
                if (step === 'relay') update('useRelay', true);
                next();
              }}
            >
              {t('setup.next')}
            </button>
          )}
        </div>
      </section>
    </main>
  );
}
