import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductListQuery } from '../../../../../app/domain/products/products-admin';
import type { ProductRecord } from '../../../../../app/domain/products/product-record';
import { formatMXN } from '../../../format/money';
import { formatMilli } from '../../../format/quantity';
import { useOfficeRead } from '../../../store/office/use-office';
import { CatalogImport } from './catalog-import';
import { InventoryPanel } from './inventory-panel';
import { ProductDialog } from './product-dialog';
import './products.css';

const PAGE = 50;

/** Low when tracked and below its minimum (negative stock always). */
function isLow(product: ProductRecord): boolean {
  return (
    product.trackStock &&
    (product.stock < 0 || (product.minStock !== null && product.stock < product.minStock))
  );
}

/**
 * The office's products tab: search and filters over the catalog, add and edit (stock included),
 * import and export, and the inventory's low-stock list and value at cost.
 */
export function ProductsTab() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [department, setDepartment] = useState('');
  const [active, setActive] = useState<NonNullable<ProductListQuery['active']>>('active');
  const [lowStock, setLowStock] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const query: ProductListQuery = {
    text: text.trim() || undefined,
    department: department || undefined,
    active,
    lowStock: lowStock || undefined,
    limit,
  };
  // Every change (a save, an import, a stock movement) invalidates this read: the list follows.
  const { value: page } = useOfficeRead('office.products.list', query);
  const departments = useOfficeRead('office.products.departments', {}).value ?? [];
  const resetPaging = () => setLimit(PAGE);

  return (
    <section className="office-tab products-tab" aria-labelledby="products-heading">
      <div className="products-head">
        <h2 id="products-heading">{t('officeProducts.heading')}</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('officeProducts.add')}
        </button>
      </div>
      <div className="products-filters">
        <label className="field">
          {t('officeProducts.search')}
          <input
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              resetPaging();
            }}
          />
        </label>
        <label className="field">
          {t('officeProducts.department')}
          <select
            value={department}
            onChange={(e) => {
              setDepartment(e.target.value);
              resetPaging();
            }}
          >
            <option value="">{t('officeProducts.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name} ({d.productCount})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('officeProducts.status')}
          <select
            value={active}
            onChange={(e) => {
              setActive(e.target.value as typeof active);
              resetPaging();
            }}
          >
            {(['active', 'inactive', 'all'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`officeProducts.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <input
            type="checkbox"
            checked={lowStock}
            onChange={(e) => {
              setLowStock(e.target.checked);
              resetPaging();
            }}
          />
          {t('officeProducts.lowStock')}
        </label>
      </div>
      {page === null ? (
        <p>{t('officeProducts.loading')}</p>
      ) : page.items.length === 0 ? (
        <p className="empty">{t('officeProducts.empty')}</p>
      ) : (
        <ProductsTable items={page.items} onEdit={setEditing} />
      )}
      {page ? (
        <div className="products-paging">
          <p aria-live="polite" data-testid="products-shown">
            {t('officeProducts.shown', { shown: page.items.length, count: page.total })}
          </p>
          {page.items.length < page.total ? (
            <button
              type="button"
              className="secondary"
              onClick={() => setLimit((n) => Math.min(200, n + PAGE))}
            >
              {t('officeProducts.more')}
            </button>
          ) : null}
        </div>
      ) : null}
      <CatalogImport />
      <InventoryPanel />
      {editing !== null ? (
        <ProductDialog productId={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </section>
  );
}

function ProductsTable({ items, onEdit }: { items: ProductRecord[]; onEdit: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <table className="products-table">
      <caption className="visually-hidden">{t('officeProducts.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officeProducts.table.sku')}</th>
          <th scope="col">{t('officeProducts.table.name')}</th>
          <th scope="col">{t('officeProducts.table.barcode')}</th>
          <th scope="col">{t('officeProducts.table.department')}</th>
          <th scope="col" className="money">
            {t('officeProducts.table.price')}
          </th>
          <th scope="col" className="money">
            {t('officeProducts.table.stock')}
          </th>
          <th scope="col">{t('officeProducts.table.status')}</th>
          <th scope="col">{t('officeProducts.table.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((product) => (
          <tr key={product.id} data-testid="product-row" data-sku={product.sku}>
            <td>{product.sku}</td>
            <td>{product.name}</td>
            <td>{product.barcodes[0] ?? ''}</td>
            <td>{product.department}</td>
            <td className="money">{formatMXN(product.price)}</td>
            <td className={isLow(product) ? 'money low' : 'money'}>
              {product.trackStock
                ? formatMilli(product.stock, product.unit)
                : t('officeProducts.table.notTracked')}
              {isLow(product) ? ` (${t('officeProducts.table.low')})` : ''}
            </td>
            <td>{product.active ? t('officeProducts.table.active') : t('officeProducts.table.inactive')}</td>
            <td>
              <button
                type="button"
                className="secondary"
                aria-label={t('officeProducts.table.edit', { name: product.name })}
                onClick={() => onEdit(product.id)}
              >
                {t('officeProducts.table.editShort')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
