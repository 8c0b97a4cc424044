/**
 * What the products subgraph writes to the audit log (kit/src/audit.ts): every change made
 * through its API, as one `audit.recorded` outbox row in the transaction of the change; an
 * update to the same values writes none. Nothing here is personal or secret: every field is kept
 * with its values.
 *
 * | entity      | action                                          | fields |
 * |-------------|-------------------------------------------------|--------|
 * | `Product`   | `created`, `updated`, `status_changed`          | sku, name, description, brand, categoryId, basePrice ({amount, currency}), status, attributes ([{name, value}]) |
 * | `Category`  | `created`, `updated`                            | name, slug, parentId |
 * | `PriceList` | `created`                                       | name, currency |
 * | `PriceList` | `prices_set`, `prices_removed`                  | `price:<productId>` ({amount, currency}; null: no price on the list), one per product whose price changed |
 * | `Customer`  | `price_list_assigned`, `price_list_unassigned`  | priceListId |
 *
 * A product's action follows its `product.*` event: `status_changed` when the status moved
 * (a bulk upsert may change other fields with it), else `updated`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  auditChanges,
  auditEvent,
  recordAudit,
  toMoney,
  type AuditFields,
  type AuditRecord,
  type AuditRecordedPayload,
  type AuditSource,
  type Money,
  type NewEvent,
  type Row, auditWrite, type AuditSnapshot,
} from '@tradegraph/kit';
import type { Category, PriceList, Product } from '../entities';

const SUBGRAPH = 'products';

type Snapshot = AuditSnapshot;

const PRODUCT_FIELDS: AuditFields = { sku: 'plain', name: 'plain', description: 'plain', brand: 'plain', categoryId: 'plain', basePrice: 'plain', status: 'plain', attributes: 'plain' };
const CATEGORY_FIELDS: AuditFields = { name: 'plain', slug: 'plain', parentId: 'plain' };
const PRICE_LIST_FIELDS: AuditFields = { name: 'plain', currency: 'plain' };
const ASSIGNMENT_FIELDS: AuditFields = { priceListId: 'plain' };

/** Adds the entry to the outbox of `em`'s unit of work (nothing when nothing audited changed). */
export function audit(em: EntityManager, source: AuditSource | null, record: AuditRecord): void {
  recordAudit(em, SUBGRAPH, source, record);
}

/** The audited fields of a product, from an entity or a bulk upsert's plain row. */
export function productSnapshot(product: Product | Row<Product>): Snapshot {
  const p = product as Product;
  return {
    sku: p.sku,
    name: p.name,
    description: p.description ?? null,
    brand: p.brand ?? null,
    categoryId: p.categoryId ?? null,
    basePrice: toMoney(p.basePriceMinor, p.currency),
    status: p.status,
    attributes: (p.attributes ?? []).map(({ name, value }) => ({ name, value })),
  };
}

/** The entry of one write of a product; `before` is its snapshot before the write, null when it is new. */
export function productAudit(before: Snapshot | null, product: Product | Row<Product>): AuditRecord {
  const after = productSnapshot(product);
  const action = before === null ? 'created' : before.status !== after.status ? 'status_changed' : 'updated';
  return { entity: 'Product', entityId: (product as Product).id, action, changes: auditChanges(before, after, PRODUCT_FIELDS) };
}

/** {@link productAudit} as an outbox event, for the bulk upsert's `events` hook (null: nothing audited changed). */
export function productAuditEvent(source: AuditSource | null, row: Row<Product>, before: Row<Product> | null): NewEvent<AuditRecordedPayload> | null {
  return auditEvent(SUBGRAPH, source, productAudit(before && productSnapshot(before), row));
}

export function categorySnapshot(category: Category): Snapshot {
  return { name: category.name, slug: category.slug, parentId: category.parentId };
}

export function categoryAudit(before: Snapshot | null, category: Category): AuditRecord {
  return auditWrite('Category', category.id, before, categorySnapshot(category), CATEGORY_FIELDS);
}

export function priceListCreatedAudit(list: PriceList): AuditRecord {
  return { entity: 'PriceList', entityId: list.id, action: 'created', changes: auditChanges(null, { name: list.name, currency: list.currency }, PRICE_LIST_FIELDS) };
}

/**
 * One entry for a call that set or removed prices on a list, one change per product whose price
 * it changed (products are keyed by id: `before`/`after` map a product id to its price, absent
 * when the list has none).
 */
export function priceListPricesAudit(listId: string, action: 'prices_set' | 'prices_removed', productIds: readonly string[], before: ReadonlyMap<string, Money>, after: ReadonlyMap<string, Money>): AuditRecord {
  const field = (productId: string) => `price:${productId}`;
  const snapshot = (prices: ReadonlyMap<string, Money>) => Object.fromEntries(productIds.map((id) => [field(id), prices.get(id) ?? null]));
  const fields: AuditFields = Object.fromEntries(productIds.map((id) => [field(id), 'plain']));
  return { entity: 'PriceList', entityId: listId, action, changes: auditChanges(snapshot(before), snapshot(after), fields) };
}

/** The entry of a change of the customer's price list (null: base prices). */
export function priceListAssignmentAudit(customerId: string, before: string | null, after: string | null): AuditRecord {
  return {
    entity: 'Customer',
    entityId: customerId,
    action: after ? 'price_list_assigned' : 'price_list_unassigned',
    changes: auditChanges({ priceListId: before }, { priceListId: after }, ASSIGNMENT_FIELDS),
  };
}
