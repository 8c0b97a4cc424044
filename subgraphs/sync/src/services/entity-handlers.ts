import { isCode, throughGateway } from '@tradegraph/kit';
import { SyncEntity } from '../entities';
import type { SourceCustomer, SourceProduct } from '../adapters';
import { checksumOf, inChunks, normalAmount, type Applied, type EntityHandler, type LocalCopy } from './inbound';

const UPSERT_PRODUCTS = /* GraphQL */ `
  mutation SyncUpsertProducts($items: [UpsertProductInput!]!) {
    upsertProducts(items: $items) { items { index outcome error product { id } } }
  }
`;
const SET_STOCK_LEVELS = /* GraphQL */ `
  mutation SyncSetStockLevels($items: [SetStockLevelInput!]!) {
    setStockLevels(items: $items) { failed items { index outcome error } }
  }
`;
const PRODUCTS_BY_ID = /* GraphQL */ `
  query SyncProductsById($ids: [ID!]!, $first: Int!) {
    products(first: $first, filter: { ids: $ids }) { edges { node { id sku name description brand basePrice { amount currency } updatedAt } } }
  }
`;
const UPSERT_CUSTOMERS = /* GraphQL */ `
  mutation SyncUpsertCustomers($items: [UpsertCustomerInput!]!) {
    upsertCustomers(items: $items) { items { index outcome error customer { id } } }
  }
`;
const CUSTOMERS_BY_ID = /* GraphQL */ `
  query SyncCustomersById($ids: [String!]!, $first: Int!) {
    customers(first: $first, filter: { ids: $ids }) { edges { node { id code name email phone creditLimit { amount currency } updatedAt } } }
  }
`;

// The owning subgraphs' input rules, checked here so one bad record cannot sink its batch.
const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Outcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';
type UpsertItem = { index: number; outcome: Outcome; error: string | null };

/** The checksum of a product's stock in one system: its quantity per warehouse code, in code order. */
export function stockChecksumOf(levels: { warehouseCode: string; quantity: number }[]): string {
  return checksumOf([...levels].sort((a, b) => a.warehouseCode.localeCompare(b.warehouseCode)).map((l) => [l.warehouseCode, l.quantity]));
}

/** Why the products subgraph would refuse the product, or null. */
export function productProblem(item: SourceProduct['item']): string | null {
  if (!item.sku || item.sku.length > 64 || !isCode(item.sku, { slash: true })) return `sku "${item.sku}" is not valid: letters, digits and . _ - / (1–64), starting with a letter or digit`;
  if (!item.name.trim() || item.name.length > 200) return 'name must have 1 to 200 characters';
  if (!DECIMAL.test(item.basePrice.amount)) return `price "${item.basePrice.amount}" is not a decimal amount`;
  if (item.description && item.description.length > 10000) return 'description is longer than 10,000 characters';
  return null;
}

type ProductItem = SourceProduct['item'];

/** A product's field groups: the price's amount and currency are one. */
const productGroups = (item: ProductItem) => ({ name: item.name, description: item.description ?? null, brand: item.brand ?? null, basePrice: { amount: normalAmount(item.basePrice.amount), currency: item.basePrice.currency } });

/**
 * Products (and, when the record carries it, their stock): upsertProducts then setStockLevels.
 * Stock is the source's alone: never a conflict group, applied whenever the source's changed.
 */
export const productHandler: EntityHandler<SourceProduct> = {
  entityType: SyncEntity.PRODUCT,
  problemWith: (record) => productProblem(record.item),
  sourceValue: (record) => ({ item: record.item, stock: record.stock }),
  groupsOf: productGroups,
  localValue: (item) => ({ sku: item.sku, name: item.name, description: item.description ?? null, brand: item.brand ?? null, amount: normalAmount(item.basePrice.amount), currency: item.basePrice.currency }),
  sourceOwnedChecksum: (record) => (record.stock.length ? stockChecksumOf(record.stock.map((s) => ({ warehouseCode: s.warehouseCode, quantity: s.onHand }))) : null),

  readLocal: (gateway, ids, requestId) =>
    inChunks(ids, 100, async (chunk) => {
      type Node = { id: string; sku: string; name: string; description: string | null; brand: string | null; basePrice: { amount: string; currency: string }; updatedAt: string };
      const data = await throughGateway(gateway, 'Products could not be read', (g) => g.request<{ products: { edges: { node: Node }[] } }>(PRODUCTS_BY_ID, { ids: chunk, first: chunk.length }, requestId));
      return new Map<string, LocalCopy<ProductItem>>(data.products.edges.map(({ node: p }) => [p.id, { updatedAt: p.updatedAt, item: { sku: p.sku, name: p.name, description: p.description ?? null, brand: p.brand ?? null, basePrice: { amount: p.basePrice.amount, currency: p.basePrice.currency } } }]));
    }),

  async apply(gateway, writes, requestId) {
    type Upserted = { upsertProducts: { items: (UpsertItem & { product: { id: string } | null })[] } };
    const upserts = writes.filter((w) => w.item);
    const failed: { record: SourceProduct; message: string }[] = [];
    // A write with no item only sets stock, on the product it already has.
    const applied: Applied<SourceProduct>[] = writes.filter((w) => !w.item).map((write) => ({ write, entityId: write.entityId!, outcome: 'UNCHANGED' as const }));
    if (upserts.length) {
      const upserted = await throughGateway(gateway, 'Products could not be applied', (g) => g.request<Upserted>(UPSERT_PRODUCTS, { items: upserts.map((w) => w.item) }, requestId));
      for (const result of upserted.upsertProducts.items) {
        const write = upserts[result.index];
        if (result.outcome === 'FAILED' || !result.product) failed.push({ record: write.record, message: result.error ?? 'the product was refused' });
        else applied.push({ write, entityId: result.product.id, outcome: result.outcome });
      }
    }
    const stockItems = applied.filter((a) => a.write.sourceOwned).flatMap((a) => a.write.record.stock.map((s) => ({ productId: a.entityId, warehouseCode: s.warehouseCode, onHand: s.onHand, owner: a })));
    if (!stockItems.length) return { applied, failed };
    const set = await throughGateway(gateway, 'Stock levels could not be applied', (g) =>
      g.request<{ setStockLevels: { items: UpsertItem[] } }>(SET_STOCK_LEVELS, { items: stockItems.map(({ owner: _owner, ...item }) => item) }, requestId),
    );
    const stockFailed = new Set<(typeof applied)[number]>();
    for (const item of set.setStockLevels.items) {
      const owner = stockItems[item.index].owner;
      // A product whose stock moved was updated, even when its own fields were not.
      if ((item.outcome === 'CREATED' || item.outcome === 'UPDATED') && owner.outcome === 'UNCHANGED') owner.outcome = 'UPDATED';
      if (!item.error || stockFailed.has(owner)) continue;
      stockFailed.add(owner);
      failed.push({ record: owner.write.record, message: `stock: ${item.error}` });
    }
    return { applied: applied.filter((a) => !stockFailed.has(a)), failed };
  },
};

/** Why the customers subgraph would refuse the customer, or null. */
export function customerProblem(item: SourceCustomer['item']): string | null {
  if (!item.code.trim() || item.code.length > 64) return `code "${item.code}" must have 1 to 64 characters`;
  if (!item.name.trim() || item.name.length > 200) return 'name must have 1 to 200 characters';
  if (item.email && !EMAIL.test(item.email)) return `email "${item.email}" is not an email address`;
  if (!DECIMAL.test(item.creditLimit.amount)) return `credit limit "${item.creditLimit.amount}" is not a decimal amount`;
  return null;
}

type CustomerItem = SourceCustomer['item'];

/** Customers: upsertCustomers, keyed by code. The source owns no field of theirs alone: every field is a group. */
export const customerHandler: EntityHandler<SourceCustomer> = {
  entityType: SyncEntity.CUSTOMER,
  problemWith: (record) => customerProblem(record.item),
  sourceValue: (record) => record.item,
  groupsOf: (item) => ({ name: item.name, email: item.email ?? null, phone: item.phone ?? null, creditLimit: { amount: normalAmount(item.creditLimit.amount), currency: item.creditLimit.currency } }),
  localValue: (item) => ({ code: item.code, name: item.name, email: item.email ?? null, phone: item.phone ?? null, amount: normalAmount(item.creditLimit.amount), currency: item.creditLimit.currency }),

  readLocal: (gateway, ids, requestId) =>
    inChunks(ids, 500, async (chunk) => {
      type Node = { id: string; code: string; name: string; email: string | null; phone: string | null; creditLimit: { amount: string; currency: string }; updatedAt: string };
      const data = await throughGateway(gateway, 'Customers could not be read', (g) => g.request<{ customers: { edges: { node: Node }[] } }>(CUSTOMERS_BY_ID, { ids: chunk, first: chunk.length }, requestId));
      return new Map<string, LocalCopy<CustomerItem>>(data.customers.edges.map(({ node: c }) => [c.id, { updatedAt: c.updatedAt, item: { code: c.code, name: c.name, email: c.email ?? null, phone: c.phone ?? null, creditLimit: { amount: c.creditLimit.amount, currency: c.creditLimit.currency } } }]));
    }),

  async apply(gateway, writes, requestId) {
    type Upserted = { upsertCustomers: { items: (UpsertItem & { customer: { id: string } | null })[] } };
    const upserts = writes.filter((w): w is typeof w & { item: CustomerItem } => w.item !== null);
    const items = upserts.map(({ item }) => ({ code: item.code, name: item.name, email: item.email ?? null, phone: item.phone ?? null, creditLimit: item.creditLimit }));
    const failed: { record: SourceCustomer; message: string }[] = [];
    const applied: Applied<SourceCustomer>[] = [];
    if (!items.length) return { applied, failed };
    const upserted = await throughGateway(gateway, 'Customers could not be applied', (g) => g.request<Upserted>(UPSERT_CUSTOMERS, { items }, requestId));
    for (const result of upserted.upsertCustomers.items) {
      const write = upserts[result.index];
      if (result.outcome === 'FAILED' || !result.customer) failed.push({ record: write.record, message: result.error ?? 'the customer was refused' });
      else applied.push({ write, entityId: result.customer.id, outcome: result.outcome });
    }
    return { applied, failed };
  },
};

/** The handler for an entity type sync applies inbound, or null for one it only pushes. */
export function entityHandlerFor(entity: SyncEntity): EntityHandler<SourceProduct> | EntityHandler<SourceCustomer> | null {
  return entity === SyncEntity.PRODUCT ? productHandler : entity === SyncEntity.CUSTOMER ? customerHandler : null;
}
