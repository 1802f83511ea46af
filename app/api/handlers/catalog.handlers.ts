import type { Handlers } from '../dispatch';
import type { CatalogService } from '../../services/catalog.service';

/** Handlers of the `catalog.*` channels. */
export function catalogHandlers(
  catalog: CatalogService,
): Pick<Handlers, 'catalog.categories.list' | 'catalog.products.search'> {
  return {
    'catalog.categories.list': () => catalog.categories(),
    'catalog.products.search': (query) => catalog.search(query),
  };
}
