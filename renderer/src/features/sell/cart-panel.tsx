import { memo, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../../app/domain/sale';
import { formatMXN, formatRate } from '../../format/money';
import { LineDiscount } from './line-discount';
import { useAppStore } from '../../store/store-context';
import { TotalsPanel } from './totals-panel';

function CartLineRowView({ line }: { line: CartLine }) {
  const { t } = useTranslation();
  const setQuantity = useAppStore((s) => s.setQuantity);
  const removeLine = useAppStore((s) => s.removeLine);
  const [discounting, setDiscounting] = useState(false);
  return (
    <li className="cart-line" data-testid="cart-line" data-sku={line.sku}>
      <div className="line-info">
        <span className="line-name">{line.name}</span>
        <span className="line-unit">
          {formatMXN(line.unitPrice)} {t('cart.each')}
        </span>
        {line.discount > 0 ? (
          <span className="line-unit" data-testid="line-discount">
            {t('discount.lineDiscount', {
              amount: formatMXN(line.discount),
              rate: formatRate(line.discountBp),
            })}
          </span>
        ) : null}
      </div>
      <div className="line-qty" role="group" aria-label={`${t('cart.quantity')}: ${line.name}`}>
        <button
          type="button"
          aria-label={t('cart.decrease', { name: line.name })}
          onClick={() => void setQuantity(line.id, line.quantity - 1)}
        >
          −
        </button>
        <output data-testid="line-quantity" aria-live="polite">
          {line.quantity}
        </output>
        <button
          type="button"
          aria-label={t('cart.increase', { name: line.name })}
          disabled={line.quantity >= 999}
          onClick={() => void setQuantity(line.id, line.quantity + 1)}
        >
          +
        </button>
      </div>
      <span className="line-total" data-testid="line-total">
        {formatMXN(line.gross)}
      </span>
      <button
        type="button"
        className="line-remove"
        aria-label={t('cart.remove', { name: line.name })}
        onClick={() => void removeLine(line.id)}
      >
        ×
      </button>
      <button
        type="button"
        className="line-discount-toggle"
        aria-label={t('discount.button', { name: line.name })}
        aria-expanded={discounting}
        onClick={() => setDiscounting((open) => !open)}
      >
        %
      </button>
      {discounting ? <LineDiscount line={line} onDone={() => setDiscounting(false)} /> : null}
    </li>
  );
}

/**
 * Every cart copy from the core is freshly parsed, so rows compare their line field by field (all
 * primitives): adding to a 100-line cart then re-renders one row, not a hundred.
 */
const CartLineRow = memo(CartLineRowView, (before, after) => shallow(before.line, after.line));

/** The open sale: its lines with quantity controls, and its totals. */
export function CartPanel() {
  const { t } = useTranslation();
  const cart = useAppStore((s) => s.cart);
  const clearCart = useAppStore((s) => s.clearCart);
  const checkoutOpen = useAppStore((s) => s.checkoutOpen);
  const openCheckout = useAppStore((s) => s.openCheckout);
  const parkSale = useAppStore((s) => s.parkSale);
  const showParked = useAppStore((s) => s.showParked);
  const showReceipts = useAppStore((s) => s.showReceipts);
  if (!cart) return <aside className="cart-panel">{t('app.loading')}</aside>;
  return (
    <aside className="cart-panel" aria-label={t('cart.title')}>
      <header>
        <h2>{t('cart.title')}</h2>
        <span data-testid="item-count">{t('cart.items', { count: cart.totals.itemCount })}</span>
      </header>
      {cart.lines.length === 0 ? (
        <p className="empty">{t('cart.empty')}</p>
      ) : (
        <ul className="cart-lines">
          {cart.lines.map((line) => (
            <CartLineRow key={line.id} line={line} />
          ))}
        </ul>
      )}
      <TotalsPanel totals={cart.totals} />
      {checkoutOpen ? null : (
        <button
          type="button"
          className="primary big"
          disabled={cart.lines.length === 0}
          onClick={() => void openCheckout()}
        >
          {t('checkout.open')}
        </button>
      )}
      <div className="cart-actions">
        <button
          type="button"
          className="secondary"
          disabled={cart.lines.length === 0 || checkoutOpen}
          onClick={() => void parkSale()}
        >
          {t('parked.park')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={checkoutOpen}
          onClick={() => void showParked(true)}
        >
          {t('parked.list')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={checkoutOpen}
          onClick={() => void showReceipts(true)}
        >
          {t('receipt.open')}
        </button>
      </div>
      <button
        type="button"
        className="secondary"
        disabled={cart.lines.length === 0 || checkoutOpen}
        onClick={() => {
          if (window.confirm(t('cart.confirmClear'))) void clearCart();
        }}
      >
        {t('cart.clear')}
      </button>
    </aside>
  );
}
