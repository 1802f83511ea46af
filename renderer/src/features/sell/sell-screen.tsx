import { useCallback } from 'react';
import { useBarcodeWedge } from '../../hooks/use-barcode-wedge';
import { useAppStoreApi } from '../../store/store-context';
import { CartPanel } from './cart-panel';
import { CategoryBar } from './category-bar';
import { ProductGrid } from './product-grid';
import { SearchBar } from './search-bar';

/** The counter: find products on the left, the sale on the right. */
export function SellScreen() {
  const store = useAppStoreApi();
  const onScan = useCallback(
    async (code: string) => {
      const state = store.getState();
      const name = await state.scan(code);
      if (name) state.notify('info', 'notices.added', { name });
      else state.notify('error', 'notices.notFound', { code });
    },
    [store],
  );
  useBarcodeWedge(onScan);
  return (
    <main className="sell-screen">
      <div className="catalog-side">
        <SearchBar />
        <CategoryBar />
        <ProductGrid />
      </div>
      <CartPanel />
    </main>
  );
}
