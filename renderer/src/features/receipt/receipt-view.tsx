import { Fragment, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../app/domain/language';
import { columnsOf } from '../../../../app/domain/printer';
import type { Receipt } from '../../../../app/domain/receipt';
import { receiptLabels } from '../../../../app/domain/receipt-labels';
import { layoutReceipt, type ReceiptDocument, type TextRow } from '../../../../app/domain/receipt-layout';
import { formatDateTime } from '../../format/date-time';

// Test ids kept from the earlier table layout, so a row can be found whatever the paper width.
const ROLE_TEST_IDS: Partial<Record<NonNullable<TextRow['role']>, string>> = {
  rfc: 'receipt-rfc',
  date: 'receipt-date',
  change: 'receipt-change',
  legal: 'receipt-legal',
  'payment-number': 'receipt-payment-number',
};
const AMOUNT_TEST_IDS: Partial<Record<NonNullable<TextRow['role']>, string>> = {
  total: 'receipt-total',
  charged: 'receipt-charged',
};

/** One laid-out row; a name + amount row keeps its amount in its own span (right edge). */
function Row({ row }: { row: TextRow }) {
  const last = row.lines.at(-1) ?? '';
  const amountId = row.role ? AMOUNT_TEST_IDS[row.role] : undefined;
  const head = row.lines
    .slice(0, -1)
    .map((line) => `${line}\n`)
    .join('');
  return (
    <div
      className={`receipt-row ${row.style} ${row.align}`}
      data-testid={row.role ? ROLE_TEST_IDS[row.role] : undefined}
    >
      {head}
      {row.amount ? (
        <>
          {last.slice(0, last.length - row.amount.length)}
          <span data-testid={amountId}>{row.amount}</span>
        </>
      ) : (
        last
      )}
    </div>
  );
}

/** Rows of one tender grouped, so a test (or a reader) finds a payment as one block. */
function groupRows(doc: ReceiptDocument) {
  const groups: { payment: number | null; rows: ReceiptDocument['rows'] }[] = [];
  for (const row of doc.rows) {
    const payment = row.kind === 'text' && row.payment !== undefined ? row.payment : null;
    const current = groups.at(-1);
    if (current && current.payment === payment) current.rows.push(row);
    else groups.push({ payment, rows: [row] });
  }
  return groups;
}

/**
 * The ticket as it prints: the same rows the receipt printer gets (See [Note: one receipt layout]),
 * at the store's paper width, in a monospace block. Print CSS hides everything else.
 */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const { t, i18n } = useTranslation();
  const doc = layoutReceipt(receipt, {
    columns: columnsOf(receipt.paperWidth),
    labels: receiptLabels(i18n.language as Language),
    formatDate: (at) => formatDateTime(at, i18n.language),
  });
  const style = { '--receipt-columns': doc.columns } as CSSProperties;
  return (
    <article
      className="receipt"
      style={style}
      data-paper={receipt.paperWidth}
      // 48 columns can be wider than a narrow panel: then it scrolls, so it must take focus (axe).
      tabIndex={0}
      aria-label={t('receipt.title', { id: receipt.saleId })}
      data-testid="receipt"
    >
      {groupRows(doc).map((group, g) => {
        const rows = group.rows.map((row, i) =>
          row.kind === 'rule' ? (
            <hr key={i} />
          ) : row.kind === 'barcode' ? (
            <div key={i} className="receipt-row center small" data-testid="receipt-code">
              {row.caption}: {row.value}
            </div>
          ) : (
            <Row key={i} row={row} />
          ),
        );
        return group.payment === null ? (
          <Fragment key={g}>{rows}</Fragment>
        ) : (
          <div key={g} className="receipt-payment" data-testid="receipt-payment">
            {rows}
          </div>
        );
      })}
    </article>
  );
}
