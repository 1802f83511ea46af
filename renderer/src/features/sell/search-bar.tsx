import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

/**
 * The search field, which is also where a scanner types. Enter means "add this item": the result
 * the arrow keys highlighted, else an exact barcode or SKU, else the only product the search shows.
 */
export function SearchBar() {
  const { t } = useTranslation();
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const moveHighlight = useAppStore((s) => s.moveHighlight);
  const highlightedId = useAppStore((s) => (s.highlighted === null ? null : s.results[s.highlighted]?.id));
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F2') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const addHighlighted = async () => {
    const state = store.getState();
    const product = state.highlighted === null ? undefined : state.results[state.highlighted];
    if (!product) return false;
    if (await state.addOrWeigh(product)) {
      state.notifyAdded(product.name);
      await setQuery('');
    }
    return true;
  };

  const onEnter = async (code: string) => {
    if (await addHighlighted()) return;
    if (!code) return;
    // Clear at once: a scanner may send the next code before this one's reply comes back.
    await setQuery('');
    const state = store.getState();
    const scanned = await state.scanWithQuantity(code);
    if (scanned) {
      state.notifyAdded(scanned);
      return;
    }
    await setQuery(code);
    const { results, searchFailed } = store.getState();
    // The search itself was refused (its reason is on the notice line): not a "not found".
    if (searchFailed) return;
    const only = results.length === 1 ? results[0] : undefined;
    if (only && (await state.addOrWeigh(only))) {
      state.notifyAdded(only.name);
      await setQuery('');
    } else if (!only) {
      state.notify('error', 'notices.notFound', { code });
      // Nothing matched: an empty field, so the next scan is not glued onto this one. (Several
      // matches keep the text: that was a search, and the cashier picks from it.)
      if (results.length === 0) await setQuery('');
    }
  };

  return (
    <div className="search-bar">
      <label htmlFor="product-search" className="visually-hidden">
        {t('sell.searchLabel')}
      </label>
      <input
        id="product-search"
        ref={input}
        type="search"
        autoComplete="off"
        autoFocus
        placeholder={t('sell.searchPlaceholder')}
        value={query}
        aria-controls="product-results"
        aria-activedescendant={highlightedId ? `product-tile-${highlightedId}` : undefined}
        onChange={(event) => void setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            moveHighlight(event.key === 'ArrowDown' ? 1 : -1);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            void onEnter(event.currentTarget.value.trim());
          } else if (event.key === 'Escape') {
            void setQuery('');
          }
        }}
      />
      <p className="shortcuts">{t('sell.shortcuts')}</p>
    </div>
  );
}
