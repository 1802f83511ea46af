import { useTranslation } from 'react-i18next';
import type {
  ProductSalesBreakdown,
  ProductSalesFigures,
} from '../../../../../app/domain/office/product-sales';
import { formatMXN } from '../../../format/money';
import { formatQuantity } from '../../../../../app/domain/products/amounts';

/** Pieces, kilograms sold by weight (issue 14), or both ("3 + 2.345 kg"). */
function quantityText(figures: ProductSalesFigures): string {
  if (figures.weighedMilli === 0) return String(figures.units);
  const kg = `${formatQuantity(figures.weighedMilli)} kg`;
  return figures.units === 0 ? kg : `${figures.units} + ${kg}`;
}

function Figures({ figures }: { figures: ProductSalesFigures }) {
  const { t } = useTranslation();
  const unknown = t('officeShifts.productSales.unknown');
  return (
    <>
      <td className="amount">{quantityText(figures)}</td>
      <td className="amount">{formatMXN(figures.amount)}</td>
      <td className="amount">{formatMXN(figures.iva)}</td>
      <td className="amount">{figures.cost === null ? unknown : formatMXN(figures.cost)}</td>
      <td className="amount">
        {figures.margin === null ? unknown : formatMXN(figures.margin)}
        {figures.marginBp === null ? '' : ` (${(figures.marginBp / 100).toFixed(1)} %)`}
      </td>
    </>
  );
}

function Head({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {(['units', 'amount', 'iva', 'cost', 'margin'] as const).map((key) => (
          <th key={key} scope="col" className="amount">
            {t(`officeShifts.productSales.${key}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Sales by product and by department (units, amount, IVA, cost and margin where cost is known). */
export function ProductSalesTables({ sales }: { sales: ProductSalesBreakdown }) {
  const { t } = useTranslation();
  if (sales.byProduct.length === 0) return <p className="empty">{t('officeShifts.productSales.none')}</p>;
  return (
    <>
      <table className="office-table report-table" data-testid="sales-by-product">
        <caption>{t('officeShifts.productSales.byProduct')}</caption>
        <Head first={t('officeShifts.productSales.product')} />
        <tbody>
          {sales.byProduct.map((row) => (
            <tr key={row.productId ?? 'open-price'}>
              <th scope="row">
                {row.openPrice ? t('officeShifts.productSales.openPrice') : row.name}{' '}
                <span className="small">{row.sku}</span>
              </th>
              <Figures figures={row} />
            </tr>
          ))}
        </tbody>
      </table>
      <table className="office-table report-table" data-testid="sales-by-department">
        <caption>{t('officeShifts.productSales.byDepartment')}</caption>
        <Head first={t('officeShifts.productSales.department')} />
        <tbody>
          {sales.byDepartment.map((row) => (
            <tr key={row.department ?? ''}>
              <th scope="row">{row.department ?? t('officeShifts.productSales.noDepartment')}</th>
              <Figures figures={row} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
