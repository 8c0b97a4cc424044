/**
 * The products subgraph's events: one `product.*` per write of a product, by every write path
 * (create, update, status moves, bulk upserts), written to the outbox in the transaction of
 * the write or not at all. Types and payload are kit's catalogue (`ProductEvent`): sync's
 * outbound connectors consume them. The payload is the product's public catalogue fields
 * (a product has no cost price or internal note), bounded by the write inputs (description
 * ≤ 10 000 characters, the rest short); its attributes (up to 100 × 600 characters) are left
 * out: no consumer needs them, and streams keep ~100k events. A write that changes only the
 * attributes still has its event.
 *
 * | type                     | entity    | entityId    | version               | payload |
 * |--------------------------|-----------|-------------|-----------------------|---------|
 * | `product.created`        | `Product` | the product | the product's version | {@link ProductChangedPayload} |
 * | `product.updated`        | `Product` | …           | …                     | … |
 * | `product.status_changed` | `Product` | …           | …                     | … (`from` the status before) |
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventEntity, ProductEvent, recordEvent, toMoney, type NewEvent, type ProductChangedPayload, type Row } from '@tradegraph/kit';
import type { Product } from '../entities';

/** The fields a product's events carry, from an entity or a bulk upsert's plain row. */
type ProductFields = Pick<Product, 'id' | 'sku' | 'name' | 'description' | 'brand' | 'categoryId' | 'status' | 'basePriceMinor' | 'currency' | 'attributes' | 'publishedAt' | 'version'>;

/** The product after a write, and the status it had before (null: created). */
export function productPayload(product: ProductFields | Row<Product>, from: string | null): ProductChangedPayload {
  const p = product as ProductFields;
  return {
    productId: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description ?? null,
    brand: p.brand ?? null,
    categoryId: p.categoryId ?? null,
    status: p.status,
    from,
    basePrice: toMoney(p.basePriceMinor, p.currency),
    publishedAt: p.publishedAt ? new Date(p.publishedAt).toISOString() : null,
  };
}

/** What a write of the product may change (its payload and its attributes): equal before and after, the write changed nothing. */
export function productState(product: ProductFields): string {
  return JSON.stringify([productPayload(product, null), (product.attributes ?? []).map(({ name, value }) => [name, value])]);
}

/** The event of one write: created when there was no product before, status_changed when the status moved, else updated. */
export function productEvent(product: ProductFields | Row<Product>, from: string | null, created: boolean): NewEvent<ProductChangedPayload> {
  const p = product as ProductFields;
  const type = created ? ProductEvent.CREATED : from !== p.status ? ProductEvent.STATUS_CHANGED : ProductEvent.UPDATED;
  return { type, entity: EventEntity.PRODUCT, entityId: p.id, version: p.version, payload: productPayload(p, created ? null : from) };
}

/**
 * Counts a write on the product (its version) and adds its event to the outbox of `em`'s unit
 * of work, so the flush that writes the product writes the event too.
 * @param from the status before the write; null when the product is new (its version stays 1)
 */
export function recordProductWritten(em: EntityManager, product: Product, from: string | null): void {
  if (from !== null) product.version += 1;
  recordEvent(em, productEvent(product, from, from === null));
}
