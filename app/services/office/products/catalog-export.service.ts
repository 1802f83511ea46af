/**
 * The catalog back out as a spreadsheet (issue 13, item 3): the same columns the import reads, so an
 * export re-imported changes nothing; and the template, those headers with one example row.
 */
import { storeDayOf } from '../../../domain/office/store-day';
import { formatPrice, formatQuantity } from '../../../domain/products/amounts';
import { CAJA_HEADERS } from '../../../domain/products/catalog-columns';
import { formatIva } from '../../../domain/products/iva';
import type { ProductRecord } from '../../../domain/products/product-record';
import type { CatalogFormat, ImportField } from '../../../domain/products/products-admin';
import type { AuditLog } from '../../../ports/audit.port';
import type { CatalogFiles, SheetCell } from '../../../ports/catalog-files.port';
import type { Clock } from '../../../ports/clock.port';
import type { ProductsAdminRepo } from '../../../ports/products-admin.port';
import type { StoreTimeZone } from '../../../domain/store-time-zone';

export interface CatalogExportDeps {
  repo: ProductsAdminRepo;
  files: CatalogFiles;
  audit: AuditLog;
  clock: Clock;
  actor: () => number | null;
  /** The store's time zone, for the day in the file's name. */
  timeZone: () => StoreTimeZone;
}

/** A built file, for the download or the command line. */
export interface CatalogFileOut {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

const MIME: Record<CatalogFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A product as one row, in CAJA_HEADERS order. Stock only for tracked products (blank keeps it untracked). */
function rowOf(product: ProductRecord): SheetCell[] {
  const cell: Record<ImportField, SheetCell> = {
    sku: product.sku,
    barcode: product.barcodes.join(', ') || null,
    name: product.name,
    price: formatPrice(product.price),
    cost: product.cost === null ? null : formatPrice(product.cost),
    iva: formatIva(product.iva),
    department: product.department,
    unit: product.unit,
    soldByWeight: product.soldByWeight ? 'sí' : 'no',
    stock: product.trackStock ? formatQuantity(product.stock) : null,
    minStock: product.minStock === null ? null : formatQuantity(product.minStock),
  };
  return CAJA_HEADERS.map(({ field }) => cell[field]);
}

const EXAMPLE: ProductRecord = {
  id: 0,
  sku: 'REF-600',
  barcodes: ['7501055300075'],
  name: 'Refresco de cola 600 ml',
  price: 1850,
  iva: { kind: 'rate', rateBp: 1600 },
  department: 'Bebidas',
  unit: 'pieza',
  soldByWeight: false,
  cost: 1200,
  trackStock: true,
  minStock: 12_000,
  stock: 48_000,
  active: true,
};

export class CatalogExportService {
  constructor(private readonly deps: CatalogExportDeps) {}

  /** Every product (inactive too: an export is a backup as much as a list). */
  async export(format: CatalogFormat, now = this.deps.clock.now()): Promise<CatalogFileOut> {
    const products = this.deps.repo.all();
    const bytes = await this.write(format, products.map(rowOf));
    this.deps.audit.append(
      {
        action: 'catalog.exported',
        actorUserId: this.deps.actor(),
        subject: 'catalog',
        details: { format, products: products.length },
      },
      now,
    );
    const day = storeDayOf(now, this.deps.timeZone());
    return { fileName: `productos-${day}.${format}`, mimeType: MIME[format], bytes };
  }

  /** The headers and one example row. */
  async template(format: CatalogFormat): Promise<CatalogFileOut> {
    const bytes = await this.write(format, [rowOf(EXAMPLE)]);
    return { fileName: `plantilla-productos.${format}`, mimeType: MIME[format], bytes };
  }

  private write(format: CatalogFormat, rows: SheetCell[][]): Promise<Uint8Array> {
    return this.deps.files.write(
      format,
      CAJA_HEADERS.map((h) => h.header),
      rows,
    );
  }
}
