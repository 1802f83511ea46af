import { useCallback, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBarcodeWedge } from '../../hooks/use-barcode-wedge';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { CheckoutPanel } from '../checkout/checkout-panel';
import { PaymentNotices } from '../checkout/payment-notices';
import { visiblePaymentNotices } from '../../store/notices.slice';
import { CartPanel } from './cart-panel';
import { CategoryBar } from './category-bar';
import { ParkedPanel } from './parked-panel';
import { ReceiptsPanel } from '../receipt/receipts-panel';
import { ProductGrid } from './product-grid';
import { SearchBar } from './search-bar';
import { CounterItemsBar, CounterItemsDialogs } from './counter-items/index';

/** The counter: find products (or check out) on the left, the sale on the right. */
export function SellScreen() {
  const store = useAppStoreApi();
  const checkoutOpen = useAppStore((s) => s.checkoutOpen);
  const parkedOpen = useAppStore((s) => s.parkedOpen);
  const receiptsOpen = useAppStore((s) => s.receiptsOpen);
  const notices = useAppStore(useShallow(visiblePaymentNotices));
  const loadNotices = useAppStore((s) => s.loadPaymentNotices);
  const userId = useAppStore((s) => s.session?.user.id);
  // Shown on the counter after sign-in (and unlock, and a change of cashier): this screen mounts then.
  useEffect(() => {
    void loadNotices();
  }, [loadNotices, userId]);
  const onScan = useCallback(
    async (code: string) => {
      const state = store.getState();
      // On "Venta completada" a scan is the next customer's first item: start the next sale with it.
      if (state.checkoutOpen && state.completed) state.closeCheckout();
      else if (state.checkoutOpen) return;
      const name = await state.scanWithQuantity(code);
      if (name) state.notifyAdded(name);
      else state.notify('error', 'notices.notFound', { code });
    },
    [store],
  );
  useBarcodeWedge(onScan);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F8') return;
      event.preventDefault();
      const state = store.getState();
      if (!state.checkoutOpen && (state.cart?.lines.length ?? 0) > 0) void state.openCheckout();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <main className="sell-screen">
      {checkoutOpen ? (
        <CheckoutPanel />
      ) : notices.length > 0 ? (
        <PaymentNotices notices={notices} />
      ) : parkedOpen ? (
        <ParkedPanel />
      ) : receiptsOpen ? (
        <ReceiptsPanel />
      ) : (
        <div className="catalog-side">
          <SearchBar />
          <CounterItemsBar />
          <CategoryBar />
          <ProductGrid />
        </div>
      )}
      <CartPanel />
      <CounterItemsDialogs />
    </main>
  );
}
