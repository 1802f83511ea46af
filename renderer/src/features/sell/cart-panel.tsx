import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../../app/domain/sale';
import { formatMXN, formatRate } from '../../format/money';
import { LineDiscount } from './line-discount';
import { useAppStore } from '../../store/store-context';
import { TotalsPanel } from './totals-panel';
import { QuantityPad } from './quantity-pad';
import { ConfirmDialog } from '../common/modal-dialog';

interface CartLineRowProps {
  line: CartLine;
  /** The line F4 and the number pad act on: the one tapped, else the last one added or changed. */
  justChanged: boolean;
  onSelect: (lineId: number) => void;
  onEditQuantity: (lineId: number) => void;
}

function CartLineRowView({ line, justChanged, onSelect, onEditQuantity }: CartLineRowProps) {
  const { t } = useTranslation();
  const setQuantity = useAppStore((s) => s.setQuantity);
  const removeLine = useAppStore((s) => s.removeLine);
  const [discounting, setDiscounting] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  // The line a scan just added (or changed) comes into view, however long the sale is.
  useEffect(() => {
    if (justChanged) row.current?.scrollIntoView({ block: 'nearest' });
  }, [justChanged, line.quantity]);
  return (
    <li
      ref={row}
      className={justChanged ? 'cart-line just-changed' : 'cart-line'}
      data-testid="cart-line"
      data-sku={line.sku}
      data-just-changed={justChanged || undefined}
      aria-current={justChanged || undefined}
    >
      <div className="line-info" onClick={() => onSelect(line.id)}>
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
        {/* Tap the quantity for the number pad (or F4 on the marked line): type 12, not + eleven times. */}
        <button
          type="button"
          className="line-quantity"
          data-testid="line-quantity"
          aria-live="polite"
          aria-label={t('quantityPad.open', { name: line.name, quantity: line.quantity })}
          aria-keyshortcuts={justChanged ? 'F4' : undefined}
          onClick={() => onEditQuantity(line.id)}
        >
          {line.quantity}
        </button>
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
const CartLineRow = memo(
  CartLineRowView,
  (before, after) =>
    before.justChanged === after.justChanged &&
    before.onSelect === after.onSelect &&
    before.onEditQuantity === after.onEditQuantity &&
    shallow(before.line, after.line),
);

/** The line a new copy of the cart added or changed the quantity of (the newest such), if any. */
function changedLine(before: readonly CartLine[] | undefined, after: readonly CartLine[]): number | null {
  const quantities = new Map((before ?? []).map((line) => [line.id, line.quantity]));
  for (let i = after.length - 1; i >= 0; i--) {
    const line = after[i];
    if (line && quantities.get(line.id) !== line.quantity) return line.id;
  }
  return null;
}

/** Which line to mark: the last one added or changed, kept until another one changes. */
function useJustChanged(lines: readonly CartLine[] | undefined): number | null {
  const [seen, setSeen] = useState<{ lines: readonly CartLine[] | undefined; id: number | null }>({
    lines,
    id: null,
  });
  if (seen.lines !== lines) {
    // Derived while rendering (React's way for state that follows a prop): no effect, no flash.
    const id = lines ? (changedLine(seen.lines, lines) ?? seen.id) : null;
    setSeen({ lines, id });
  }
  return seen.id;
}

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
  const setQuantity = useAppStore((s) => s.setQuantity);
  const justChanged = useJustChanged(cart?.lines);
  // A tap marks a line until the cart changes; then the line just added or changed is marked again
  // (derived while rendering, as useJustChanged does, so the callbacks stay stable for the memo).
  const [tapped, setTapped] = useState<{ lines: unknown; id: number | null }>({
    lines: cart?.lines,
    id: null,
  });
  if (tapped.lines !== cart?.lines) setTapped({ lines: cart?.lines, id: null });
  const marked = tapped.id ?? justChanged;
  const [editing, setEditing] = useState<number | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const onSelect = useCallback((id: number) => setTapped((before) => ({ ...before, id })), []);
  const onEditQuantity = useCallback((id: number) => setEditing(id), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F4' || checkoutOpen || marked === null) return;
      event.preventDefault();
      setEditing(marked);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [checkoutOpen, marked]);
  const editingLine = cart?.lines.find((line) => line.id === editing);
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
            <CartLineRow
              key={line.id}
              line={line}
              justChanged={line.id === marked}
              onSelect={onSelect}
              onEditQuantity={onEditQuantity}
            />
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
        <button
          type="button"
          className="secondary"
          disabled={cart.lines.length === 0 || checkoutOpen}
          onClick={() => setConfirmingClear(true)}
        >
          {t('cart.clear')}
        </button>
      </div>
      {editingLine ? (
        <QuantityPad
          line={editingLine}
          onClose={() => setEditing(null)}
          onSet={(quantity) => {
            setEditing(null);
            void setQuantity(editingLine.id, quantity);
          }}
        />
      ) : null}
      {confirmingClear ? (
        <ConfirmDialog
          title={t('cart.confirmClear')}
          body={t('cart.confirmClearBody', { count: cart.totals.itemCount })}
          confirmLabel={t('cart.clear')}
          cancelLabel={t('cart.keepSale')}
          danger
          onCancel={() => setConfirmingClear(false)}
          onConfirm={() => {
            setConfirmingClear(false);
            void clearCart();
          }}
        />
      ) : null}
    </aside>
  );
}
