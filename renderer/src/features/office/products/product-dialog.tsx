import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../../app/domain/result';
import {
  PRODUCT_UNITS,
  type IvaTreatment,
  type ProductRecord,
  type ProductUnit,
} from '../../../../../app/domain/products/product-record';
import { parsePesos, pesosText } from '../../../format/parse-pesos';
import { formatMilli, parseMilli } from '../../../format/quantity';
import { useOfficeAttempt, useOfficeRead } from '../../../store/office/use-office';
import { useAppStore } from '../../../store/store-context';
import { problemText } from './problem-text';
import { ProductStock } from './product-stock';
import { MAX_DEPARTMENT_LENGTH, MAX_NAME_LENGTH } from '../../../../../app/domain/products/product-draft';

// What the form lets one type, as the core's limits (so the core's Spanish-worded checks, not the
// API's shape check, are what a long entry meets: the shape check only guards the wire).
const FIELD_MAX_LENGTH = {
  sku: 32,
  name: MAX_NAME_LENGTH,
  price: 16,
  department: MAX_DEPARTMENT_LENGTH,
  cost: 16,
  minStock: 16,
} as const;

/** The form's fields as typed (text), turned into a draft on save. */
interface FormState {
  sku: string;
  name: string;
  barcodes: string;
  price: string;
  iva: string;
  department: string;
  unit: ProductUnit;
  soldByWeight: boolean;
  cost: string;
  trackStock: boolean;
  minStock: string;
}

const IVA_CHOICES = ['1600', '800', '0', 'exempt'] as const;

function formOf(product: ProductRecord | null): FormState {
  if (!product) {
    return {
      ...{ sku: '', name: '', barcodes: '', price: '', iva: '1600', department: '', unit: 'pieza' },
      ...{ soldByWeight: false, cost: '', trackStock: false, minStock: '' },
    };
  }
  return {
    sku: product.sku,
    name: product.name,
    barcodes: product.barcodes.join('\n'),
    price: pesosText(product.price),
    iva: product.iva.kind === 'exempt' ? 'exempt' : String(product.iva.rateBp),
    department: product.department,
    unit: product.unit,
    soldByWeight: product.soldByWeight,
    cost: product.cost === null ? '' : pesosText(product.cost),
    trackStock: product.trackStock,
    minStock: product.minStock === null ? '' : formatMilli(product.minStock, 'pieza'),
  };
}

function ivaOf(choice: string): IvaTreatment {
  return choice === 'exempt' ? { kind: 'exempt' } : { kind: 'rate', rateBp: Number(choice) };
}

/** Add or edit one product in a modal dialog; an existing one also shows its stock and ledger. */
export function ProductDialog({ productId, onClose }: { productId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const { value: loaded } = useOfficeRead(
    'office.products.get',
    productId === null ? null : { id: productId },
  );
  const attempt = useOfficeAttempt();
  const notify = useAppStore((s) => s.notify);
  const showError = useAppStore((s) => s.showError);
  const [form, setForm] = useState<FormState>(() => formOf(null));
  const [formFor, setFormFor] = useState<number | null>(null);
  const [savedId, setSavedId] = useState<number | null>(productId);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  if (loaded && formFor !== loaded.id) {
    // Filled once per product when its record arrives (derived while rendering, no effect).
    setForm(formOf(loaded));
    setFormFor(loaded.id);
  }
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const issueFor = (path: string) =>
    issues
      .filter((i) => i.path === path || i.path.startsWith(`${path}.`))
      .map((i) => problemText(t, i, i.message))
      .join('; ');

  const save = async () => {
    const price = parsePesos(form.price);
    const cost = form.cost.trim() === '' ? null : parsePesos(form.cost);
    const minStock = form.minStock.trim() === '' ? null : parseMilli(form.minStock);
    const local: FieldIssue[] = [];
    if (price === null) local.push({ path: 'price', message: t('officeProducts.form.invalidPrice') });
    if (form.cost.trim() !== '' && cost === null)
      local.push({ path: 'cost', message: t('officeProducts.form.invalidPrice') });
    if (form.minStock.trim() !== '' && minStock === null)
      local.push({ path: 'minStock', message: t('officeProducts.stock.invalid') });
    if (local.length > 0 || price === null) return setIssues(local);
    setBusy(true);
    const reply = await attempt('office.products.save', {
      ...(savedId === null ? {} : { id: savedId }),
      sku: form.sku,
      name: form.name,
      barcodes: form.barcodes
        .split(/[\n,]/)
        .map((code) => code.trim())
        .filter(Boolean),
      price,
      iva: ivaOf(form.iva),
      department: form.department.trim() || undefined,
      unit: form.unit,
      soldByWeight: form.soldByWeight,
      cost,
      trackStock: form.trackStock,
      minStock,
    });
    setBusy(false);
    if (reply.ok) {
      setIssues([]);
      setSavedId(reply.value.id);
      notify('info', 'officeProducts.form.saved', { name: reply.value.name });
    } else if (reply.error.issues?.length) setIssues(reply.error.issues);
    else showError(reply.error);
  };

  const toggleActive = async () => {
    if (!loaded) return;
    const reply = await attempt('office.products.setActive', { id: loaded.id, active: !loaded.active });
    if (reply.ok)
      notify(
        'info',
        reply.value.active ? 'officeProducts.form.reactivated' : 'officeProducts.form.deactivated',
      );
    else showError(reply.error);
  };

  const title =
    productId === null
      ? t('officeProducts.form.newTitle')
      : t('officeProducts.form.editTitle', { name: form.name });
  const field = (
    key: 'sku' | 'name' | 'price' | 'department' | 'cost' | 'minStock',
    label: string,
    mode?: 'decimal',
  ) => (
    <label className="field">
      {label}
      <input
        value={form[key]}
        inputMode={mode}
        maxLength={FIELD_MAX_LENGTH[key]}
        autoComplete="off"
        aria-invalid={issueFor(key) ? true : undefined}
        aria-describedby={issueFor(key) ? `${ids}-${key}` : undefined}
        onChange={(e) => set(key, e.target.value)}
      />
      {issueFor(key) ? (
        <span className="field-issue" id={`${ids}-${key}`}>
          {issueFor(key)}
        </span>
      ) : null}
    </label>
  );

  return (
    <dialog ref={dialog} className="product-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <header>
        <h2 id={`${ids}-title`}>{title}</h2>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          {t('officeProducts.form.cancel')}
        </button>
      </header>
      <form
        className="product-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {field('sku', t('officeProducts.form.sku'))}
        {field('name', t('officeProducts.form.name'))}
        <label className="field">
          {t('officeProducts.form.barcodes')}
          <textarea
            rows={2}
            value={form.barcodes}
            aria-invalid={issueFor('barcodes') ? true : undefined}
            onChange={(e) => set('barcodes', e.target.value)}
          />
          {issueFor('barcodes') ? <span className="field-issue">{issueFor('barcodes')}</span> : null}
        </label>
        {field('price', t('officeProducts.form.price'), 'decimal')}
        <label className="field">
          {t('officeProducts.form.iva')}
          <select value={form.iva} onChange={(e) => set('iva', e.target.value)}>
            {IVA_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`officeProducts.form.ivaRates.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        {field('department', t('officeProducts.form.department'))}
        <label className="field">
          {t('officeProducts.form.unit')}
          <select value={form.unit} onChange={(e) => set('unit', e.target.value as ProductUnit)}>
            {PRODUCT_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`officeProducts.form.units.${unit}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <input
            type="checkbox"
            checked={form.soldByWeight}
            onChange={(e) => set('soldByWeight', e.target.checked)}
          />
          {t('officeProducts.form.soldByWeight')}
        </label>
        {issueFor('soldByWeight') ? <span className="field-issue">{issueFor('soldByWeight')}</span> : null}
        {field('cost', t('officeProducts.form.cost'), 'decimal')}
        <label className="field inline">
          <input
            type="checkbox"
            checked={form.trackStock}
            onChange={(e) => set('trackStock', e.target.checked)}
          />
          {t('officeProducts.form.trackStock')}
        </label>
        {field('minStock', t('officeProducts.form.minStock'), 'decimal')}
        {issues.length > 0 ? (
          <p className="field-issue" role="alert">
            {t('officeProducts.form.problems')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('officeProducts.form.save')}
          </button>
          {loaded ? (
            <button type="button" className="secondary" onClick={() => void toggleActive()}>
              {loaded.active ? t('officeProducts.form.deactivate') : t('officeProducts.form.reactivate')}
            </button>
          ) : null}
        </div>
      </form>
      {savedId !== null && loaded?.trackStock ? <ProductStock productId={savedId} /> : null}
    </dialog>
  );
}
