import type { ArgsOf } from '../../../app/api/contract';
import type { Handlers } from '../../../app/api/dispatch';
import type { ProductsContract } from '../../../app/api/office/products.contract';

type AreaChannel = keyof ProductsContract;

const CSV = Buffer.from('Código,Descripción,Precio venta\r\nMUESTRA-1,Muestra,10.00\r\n', 'utf8').toString(
  'base64',
);

/** One valid argument per channel of this area (for the security and dispatch specs). */
export const productsSampleArgs: { [C in AreaChannel]: ArgsOf<C> } = {
  'office.products.list': { text: 'refresco' },
  'office.products.get': { id: 1 },
  'office.products.save': {
    sku: 'MUESTRA-1',
    name: 'Muestra',
    price: 1000,
    iva: { kind: 'rate', rateBp: 1600 },
  },
  'office.products.setActive': { id: 1, active: false },
  'office.products.departments': {},
  'office.products.importPreview': { fileName: 'muestra.csv', base64: CSV },
  'office.products.importCommit': { fileName: 'muestra.csv', base64: CSV },
  'office.products.export': { format: 'csv' },
  'office.products.template': { format: 'xlsx' },
};

const notFound = () => ({ ok: false as const, error: { code: 'not_found' as const, message: 'sample' } });

/** Trivial answers for this area's channels (dispatch tests). */
export const productsTrivialHandlers: Pick<Handlers, AreaChannel> = {
  'office.products.list': () => ({ items: [], total: 0, offset: 0, limit: 50 }),
  'office.products.get': notFound,
  'office.products.save': notFound,
  'office.products.setActive': notFound,
  'office.products.departments': () => [],
  'office.products.importPreview': notFound,
  'office.products.importCommit': notFound,
  'office.products.export': () => ({ fileName: 'p.csv', mimeType: 'text/csv', base64: '' }),
  'office.products.template': () => ({ fileName: 'p.csv', mimeType: 'text/csv', base64: '' }),
};
