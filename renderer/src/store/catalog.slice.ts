import type { CajaApi } from '../../../app/api/contract';
import type { Category, Product } from '../../../app/domain/catalog';
import type { GetState, SetState } from './store-types';

/** What the product panel shows: categories, the chosen one, the search text and its results. */
export interface CatalogSlice {
  categories: Category[];
  category: string | null;
  query: string;
  results: Product[];
  /** The last search was refused (no answer, e.g. a register without its server): "not found" would lie. */
  searchFailed: boolean;
  /** The result the arrow keys point at (index into results); null until an arrow is pressed. */
  highlighted: number | null;
  /** Moves the highlight by `delta` results, stopping at either end (ArrowDown from none → first). */
  moveHighlight(delta: number): void;
  loadCategories(): Promise<void>;
  setQuery(text: string): Promise<void>;
  selectCategory(name: string | null): Promise<void>;
}

/** Catalog actions. Each search remembers its own sequence so a slow old answer never replaces a newer one. */
export function createCatalogSlice(api: CajaApi, set: SetState, get: GetState): CatalogSlice {
  let latest = 0;
  const refresh = async () => {
    const ticket = ++latest;
    const { query, category } = get();
    const reply = await api.invoke('catalog.products.search', {
      text: query,
      ...(category ? { category } : {}),
    });
    if (ticket !== latest) return;
    // New results, new list: the highlight starts over so Enter never adds what the cashier can't see.
    if (reply.ok) set({ results: reply.value, highlighted: null, searchFailed: false });
    else {
      set({ searchFailed: true });
      get().showError(reply.error);
    }
  };
  return {
    categories: [],
    category: null,
    query: '',
    results: [],
    searchFailed: false,
    highlighted: null,
    moveHighlight(delta) {
      const { results, highlighted } = get();
      if (results.length === 0) return;
      const from = highlighted ?? (delta > 0 ? -1 : results.length);
      set({ highlighted: Math.min(results.length - 1, Math.max(0, from + delta)) });
    },
    async loadCategories() {
      const reply = await api.invoke('catalog.categories.list', {});
      if (reply.ok) set({ categories: reply.value });
      else get().showError(reply.error);
      await refresh();
    },
    async setQuery(text) {
      set({ query: text.slice(0, 100) });
      await refresh();
    },
    async selectCategory(name) {
      set({ category: name });
      await refresh();
    },
  };
}
