import type { CajaApi } from '../../../app/api/contract';
import type { Category, Product } from '../../../app/domain/catalog';
import type { GetState, SetState } from './store-types';

/** What the product panel shows: categories, the chosen one, the search text and its results. */
export interface CatalogSlice {
  categories: Category[];
  category: string | null;
  query: string;
  results: Product[];
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
    if (reply.ok) set({ results: reply.value });
    else get().showError(reply.error);
  };
  return {
    categories: [],
    category: null,
    query: '',
    results: [],
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
