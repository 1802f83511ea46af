import type { Handlers } from '../../dispatch';
import type { ProductsContract } from '../../office/products.contract';
import { fail, ok, type Result } from '../../../domain/result';
import type { ExportedBinary } from '../../../domain/office/reports';
import { fieldIssue } from '../../../domain/products/product-problems';
import type { ImportSummary } from '../../../domain/products/products-admin';
import type {
  CatalogExportService,
  CatalogFileOut,
} from '../../../services/office/products/catalog-export.service';
import type {
  CatalogImportService,
  ImportRun,
} from '../../../services/office/products/catalog-import.service';
import type { ProductsAdminService } from '../../../services/office/products/products-admin.service';

/** What the products channels call (built by app/host/build-office.ts). */
export interface ProductsHandlersDeps {
  products: ProductsAdminService;
  imports: CatalogImportService;
  exports: CatalogExportService;
}

function binary(file: CatalogFileOut): ExportedBinary {
  return {
    fileName: file.fileName,
    mimeType: file.mimeType,
    base64: Buffer.from(file.bytes).toString('base64'),
  };
}

/** The summary, or the unusable file's problem as the one `file` issue (the office words its code). */
function summaryOf(run: ImportRun): Result<ImportSummary> {
  if (run.ok) return ok(run.summary);
  return fail('validation_failed', `Unusable file: ${run.unusable}`, {
    issues: [fieldIssue('file', run.problem)],
  });
}

function bytesOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** Handlers of the office's products channels. */
export function productsHandlers({
  products,
  imports,
  exports,
}: ProductsHandlersDeps): Pick<Handlers, keyof ProductsContract> {
  return {
    'office.products.list': (query) => products.list(query),
    'office.products.get': ({ id }) => products.get(id),
    'office.products.save': (draft) => products.save(draft),
    'office.products.setActive': ({ id, active }) => products.setActive(id, active),
    'office.products.departments': () => products.departments(),
    'office.products.importPreview': async ({ fileName, base64 }) =>
      summaryOf(await imports.preview({ fileName, bytes: bytesOf(base64) })),
    'office.products.importCommit': async ({ fileName, base64 }) =>
      summaryOf(await imports.commit({ fileName, bytes: bytesOf(base64) })),
    'office.products.export': async ({ format }) => binary(await exports.export(format)),
    'office.products.template': async ({ format }) => binary(await exports.template(format)),
  };
}
