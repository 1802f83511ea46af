/**
 * The office's products (issue 13, item 2): list with filters, get, create and update, deactivate and
 * reactivate. There is no delete: a product that was ever sold stays, its sale lines point at it.
 * Every price change and every (de)activation is audited with before and after, in the save's transaction.
 */
import {
  validateProductDraft,
  type ProductDraft,
  type ProductFields,
} from '../../../domain/products/product-draft';
import { fieldIssue } from '../../../domain/products/product-problems';
import type { ProductRecord } from '../../../domain/products/product-record';
import type { DepartmentCount, ProductListQuery, ProductPage } from '../../../domain/products/products-admin';
import { fail, ok, type Result } from '../../../domain/result';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { ProductsAdminRepo } from '../../../ports/products-admin.port';
import { auditPriceChange } from './catalog-import.service';

export interface ProductsAdminDeps {
  repo: ProductsAdminRepo;
  audit: AuditLog;
  clock: Clock;
  /** The manager doing it (the `manager` channel policy guarantees one). */
  manager: () => number;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

export class ProductsAdminService {
  constructor(private readonly deps: ProductsAdminDeps) {}

  list(query: ProductListQuery): ProductPage {
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.min(MAX_PAGE, Math.max(1, query.limit ?? DEFAULT_PAGE));
    const page = this.deps.repo.list({
      text: query.text ?? '',
      department: query.department ?? null,
      active: query.active ?? 'active',
      lowStock: query.lowStock ?? false,
      offset,
      limit,
    });
    return { ...page, offset, limit };
  }

  get(id: number): Result<ProductRecord> {
    const product = this.deps.repo.get(id);
    return product ? ok(product) : fail('not_found', `No product ${id}.`);
  }

  departments(): DepartmentCount[] {
    return this.deps.repo.departments();
  }

  /** Creates (no id) or updates a product; `validation_failed` lists each field's problem. */
  save(draft: ProductDraft & { id?: number | undefined }): Result<ProductRecord> {
    const checked = validateProductDraft(draft);
    if (!checked.ok)
      return fail('validation_failed', 'The product has invalid fields.', { issues: checked.issues });
    const fields = checked.value;
    const { repo, audit } = this.deps;
    const now = this.deps.clock.now();
    const actor = this.deps.manager();
    return repo.transaction(() => {
      const before = draft.id !== undefined ? repo.get(draft.id) : undefined;
      if (draft.id !== undefined && !before)
        return fail<ProductRecord>('not_found', `No product ${draft.id}.`);
      const conflict = this.conflict(fields, before?.id);
      if (conflict) return conflict;
      if (!before) {
        const id = repo.insert(fields, true, now);
        audit.append(
          {
            action: 'product.created',
            actorUserId: actor,
            subject: `product:${id}`,
            details: { sku: fields.sku, name: fields.name, price: fields.price },
          },
          now,
        );
        return ok(repo.get(id)!);
      }
      repo.update(before.id, fields, now);
      if (before.price !== fields.price) auditPriceChange(audit, before, fields.price, actor, now, 'office');
      return ok(repo.get(before.id)!);
    });
  }

  /** Deactivates (off the counter, kept everywhere else) or reactivates a product. */
  setActive(id: number, active: boolean): Result<ProductRecord> {
    const { repo, audit } = this.deps;
    const now = this.deps.clock.now();
    const actor = this.deps.manager();
    return repo.transaction(() => {
      const before = repo.get(id);
      if (!before) return fail<ProductRecord>('not_found', `No product ${id}.`);
      if (before.active === active) return ok(before);
      repo.setActive(id, active, now);
      audit.append(
        {
          action: active ? 'product.reactivated' : 'product.deactivated',
          actorUserId: actor,
          subject: `product:${id}`,
          details: { sku: before.sku, before: { active: before.active }, after: { active } },
        },
        now,
      );
      return ok(repo.get(id)!);
    });
  }

  /** A SKU or barcode held by another product, named in a `conflict`. */
  private conflict(fields: ProductFields, selfId: number | undefined): Result<ProductRecord> | null {
    const { repo } = this.deps;
    const skuHolder = repo.findBySku(fields.sku);
    if (skuHolder && skuHolder.id !== selfId) {
      return fail('conflict', `SKU ${fields.sku} already belongs to «${skuHolder.name}».`, {
        issues: [fieldIssue('sku', { code: 'sku_taken', params: { name: skuHolder.name } })],
      });
    }
    for (const [index, code] of fields.barcodes.entries()) {
      const holder = repo.barcodeHolder(code);
      if (holder && holder.productId !== selfId) {
        return fail('conflict', `Barcode ${code} already belongs to «${holder.name}» (${holder.sku}).`, {
          issues: [
            fieldIssue(`barcodes.${index}`, {
              code: 'barcode_taken_by',
              params: { name: holder.name, sku: holder.sku },
            }),
          ],
        });
      }
    }
    return null;
  }
}
