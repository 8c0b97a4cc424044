/**
 * The products subgraph's audit log through the gateway: every audited mutation, sent by a
 * caller with its own request id, appears once in the ADMIN-only `auditLog` with what it changed
 * (before and after), who did it (subject and role) and the request; a mutation that changes
 * nothing or fails adds nothing. Entries: subgraphs/products/src/services/audit.ts.
 */
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { auditEntries } from './support/audit';
import { postGraphQL } from './support/client';
import { createCustomer } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
let manager: string;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

type Actor = { subject: string; role: 'ADMIN' | 'MANAGER' };
const ADMIN: Actor = { subject: 'audit-admin', role: 'ADMIN' };
const MANAGER: Actor = { subject: 'audit-manager', role: 'MANAGER' };

/** One mutation's expected entry. */
interface Expected {
  entity: string;
  entityId: string;
  action: string;
  actor: Actor;
  requestId: string;
  changes: { field: string; before: unknown; after: unknown }[];
}
const expected: Expected[] = [];
/** Entries other subgraphs write for the same entities: the customers subgraph's `created` of the customer. */
const othersOf = new Map<string, number>();

/** Sends a mutation under a request id of its own; returns its data, its request id and its errors. */
async function send<T = Record<string, any>>(query: string, variables: Record<string, unknown>, actor: Actor): Promise<{ data?: T | null; requestId: string; errors?: readonly GraphQLFormattedError[] }> {
  const requestId = randomUUID();
  const result = await postGraphQL<T>(stack.gatewayUrl, query, variables, { token: actor === ADMIN ? admin : manager, headers: { 'x-request-id': requestId } });
  return { data: result.data, requestId, errors: result.errors };
}
async function mutate<T = Record<string, any>>(query: string, variables: Record<string, unknown>, actor: Actor): Promise<{ data: T; requestId: string }> {
  const { data, requestId, errors } = await send<T>(query, variables, actor);
  if (errors?.length || !data) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return { data, requestId };
}

const CREATE_CATEGORY = 'mutation ($i: CreateCategoryInput!) { createCategory(input: $i) { id } }';
const UPDATE_CATEGORY = 'mutation ($id: ID!, $i: UpdateCategoryInput!) { updateCategory(id: $id, input: $i) { id } }';
const CREATE_PRODUCT = 'mutation ($i: CreateProductInput!) { createProduct(input: $i) { id } }';
const UPDATE_PRODUCT = 'mutation ($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { id } }';
const MOVE = (name: string) => `mutation ($id: ID!) { ${name}(id: $id) { id status } }`;
const UPSERT = 'mutation ($items: [UpsertProductInput!]!) { upsertProducts(items: $items) { items { sku outcome product { id } } } }';
const CREATE_LIST = 'mutation ($i: CreatePriceListInput!) { createPriceList(input: $i) { id } }';
const SET_PRICES = 'mutation ($i: SetPricesInput!) { setPriceListPrices(input: $i) { id } }';
const REMOVE_PRICES = 'mutation ($l: ID!, $p: [ID!]!) { removePriceListPrices(priceListId: $l, productIds: $p) { id } }';
const ASSIGN = 'mutation ($c: ID!, $l: ID!) { assignPriceList(customerId: $c, priceListId: $l) { id } }';
const UNASSIGN = 'mutation ($c: ID!) { unassignPriceList(customerId: $c) }';

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('ADMIN', ['customers:pii'], ADMIN.subject);
  manager = await stack.token('MANAGER', [], MANAGER.subject);

  // Categories
  const slug = unique('audit-tools');
  const category = await mutate<{ createCategory: { id: string } }>(CREATE_CATEGORY, { i: { name: 'Tools', slug } }, ADMIN);
  const categoryId = category.data.createCategory.id;
  expected.push({ entity: 'Category', entityId: categoryId, action: 'created', actor: ADMIN, requestId: category.requestId, changes: [{ field: 'name', before: null, after: 'Tools' }, { field: 'slug', before: null, after: slug }] });
  const renamed = await mutate(UPDATE_CATEGORY, { id: categoryId, i: { name: 'Hand tools' } }, MANAGER);
  expected.push({ entity: 'Category', entityId: categoryId, action: 'updated', actor: MANAGER, requestId: renamed.requestId, changes: [{ field: 'name', before: 'Tools', after: 'Hand tools' }] });

  // Products, one at a time
  const sku = unique('AUD');
  const created = await mutate<{ createProduct: { id: string } }>(CREATE_PRODUCT, { i: { sku, name: 'Audit drill', basePrice: eur('10.00'), categoryId } }, ADMIN);
  const productId = created.data.createProduct.id;
  expected.push({
    entity: 'Product', entityId: productId, action: 'created', actor: ADMIN, requestId: created.requestId,
    changes: [{ field: 'sku', before: null, after: sku }, { field: 'name', before: null, after: 'Audit drill' }, { field: 'categoryId', before: null, after: categoryId }, { field: 'basePrice', before: null, after: eur('10.00') }, { field: 'status', before: null, after: 'DRAFT' }],
  });
  const updated = await mutate(UPDATE_PRODUCT, { id: productId, i: { name: 'Audit drill pro', basePrice: eur('12.50') } }, MANAGER);
  expected.push({ entity: 'Product', entityId: productId, action: 'updated', actor: MANAGER, requestId: updated.requestId, changes: [{ field: 'name', before: 'Audit drill', after: 'Audit drill pro' }, { field: 'basePrice', before: eur('10.00'), after: eur('12.50') }] });
  // The same values, and a failure: no entry (the moves after them arrive later, so waiting for those is enough).
  await mutate(UPDATE_PRODUCT, { id: productId, i: { name: 'Audit drill pro', basePrice: eur('12.50') } }, MANAGER);
  const taken = unique('AUD-TAKEN');
  await mutate(CREATE_PRODUCT, { i: { sku: taken, name: 'Other', basePrice: eur('1') } }, ADMIN);
  expect((await send(UPDATE_PRODUCT, { id: productId, i: { sku: taken } }, MANAGER)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  expect((await send(MOVE('restoreProduct'), { id: productId }, ADMIN)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  for (const [name, from, to] of [['publishProduct', 'DRAFT', 'PUBLISHED'], ['unpublishProduct', 'PUBLISHED', 'DRAFT'], ['archiveProduct', 'DRAFT', 'ARCHIVED'], ['restoreProduct', 'ARCHIVED', 'DRAFT']]) {
    const moved = await mutate(MOVE(name), { id: productId }, ADMIN);
    expected.push({ entity: 'Product', entityId: productId, action: 'status_changed', actor: ADMIN, requestId: moved.requestId, changes: [{ field: 'status', before: from, after: to }] });
  }

  // Products in bulk: one entry per product that changed
  const skus = [unique('AUB'), unique('AUB'), unique('AUB')];
  const bulk = await mutate<{ upsertProducts: { items: { product: { id: string } }[] } }>(UPSERT, { items: skus.map((s, i) => ({ sku: s, name: `Bulk ${i}`, basePrice: eur(`${i + 1}.00`) })) }, ADMIN);
  const bulkIds = bulk.data.upsertProducts.items.map((item) => item.product.id);
  bulkIds.forEach((id, i) => expected.push({ entity: 'Product', entityId: id, action: 'created', actor: ADMIN, requestId: bulk.requestId, changes: [{ field: 'sku', before: null, after: skus[i] }, { field: 'name', before: null, after: `Bulk ${i}` }] }));
  const again = await mutate<{ upsertProducts: { items: { outcome: string }[] } }>(UPSERT, {
    items: [
      { sku: skus[0], name: 'Bulk 0', basePrice: eur('1.00') },
      { sku: skus[1], name: 'Bulk 1 renamed', basePrice: eur('2.00'), status: 'PUBLISHED' },
      { sku: skus[2], name: 'Bulk 2', basePrice: eur('3.00') },
    ],
  }, MANAGER);
  expect(again.data.upsertProducts.items.map((i) => i.outcome)).toEqual(['UNCHANGED', 'UPDATED', 'UNCHANGED']);
  expected.push({ entity: 'Product', entityId: bulkIds[1], action: 'status_changed', actor: MANAGER, requestId: again.requestId, changes: [{ field: 'name', before: 'Bulk 1', after: 'Bulk 1 renamed' }, { field: 'status', before: 'DRAFT', after: 'PUBLISHED' }] });

  // Price lists and a customer's assignment
  const listName = unique('Audit dealers');
  const list = await mutate<{ createPriceList: { id: string } }>(CREATE_LIST, { i: { name: listName, currency: 'EUR' } }, ADMIN);
  const listId = list.data.createPriceList.id;
  expected.push({ entity: 'PriceList', entityId: listId, action: 'created', actor: ADMIN, requestId: list.requestId, changes: [{ field: 'name', before: null, after: listName }, { field: 'currency', before: null, after: 'EUR' }] });
  const set = await mutate(SET_PRICES, { i: { priceListId: listId, prices: [{ productId, price: eur('9.00') }, { productId: bulkIds[0], price: eur('0.90') }] } }, MANAGER);
  expected.push({ entity: 'PriceList', entityId: listId, action: 'prices_set', actor: MANAGER, requestId: set.requestId, changes: [{ field: `price:${productId}`, before: null, after: eur('9.00') }, { field: `price:${bulkIds[0]}`, before: null, after: eur('0.90') }] });
  await mutate(SET_PRICES, { i: { priceListId: listId, prices: [{ productId, price: eur('9') }] } }, MANAGER); // the same price: no entry
  const removed = await mutate(REMOVE_PRICES, { l: listId, p: [bulkIds[0]] }, ADMIN);
  expected.push({ entity: 'PriceList', entityId: listId, action: 'prices_removed', actor: ADMIN, requestId: removed.requestId, changes: [{ field: `price:${bulkIds[0]}`, before: eur('0.90'), after: null }] });

  const customerId = await createCustomer(stack, admin);
  othersOf.set(customerId, 1);
  const assigned = await mutate(ASSIGN, { c: customerId, l: listId }, MANAGER);
  expected.push({ entity: 'Customer', entityId: customerId, action: 'price_list_assigned', actor: MANAGER, requestId: assigned.requestId, changes: [{ field: 'priceListId', before: null, after: listId }] });
  await mutate(ASSIGN, { c: customerId, l: listId }, MANAGER); // already its list: no entry
  const unassigned = await mutate<{ unassignPriceList: boolean }>(UNASSIGN, { c: customerId }, ADMIN);
  expect(unassigned.data.unassignPriceList).toBe(true);
  expected.push({ entity: 'Customer', entityId: customerId, action: 'price_list_unassigned', actor: ADMIN, requestId: unassigned.requestId, changes: [{ field: 'priceListId', before: listId, after: null }] });
}, 120_000);
afterAll(() => stack?.stop());

describe('products audit log through the gateway', () => {
  test('every audited mutation appears once, with its changes, actor and request id; no-ops and failures add nothing', async () => {
    const byEntity = new Map<string, Expected[]>();
    for (const e of expected) byEntity.set(e.entityId, [...(byEntity.get(e.entityId) ?? []), e]);
    for (const [entityId, wanted] of byEntity) {
      const others = othersOf.get(entityId) ?? 0;
      const all = await auditEntries(stack, { entityId }, wanted.length + others);
      expect(all).toHaveLength(wanted.length + others);
      const entries = all.filter((entry) => entry.subgraph === 'products');
      expect(entries).toHaveLength(wanted.length);
      for (const want of wanted) {
        const found = entries.filter((entry) => entry.requestId === want.requestId);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ entity: want.entity, entityId, action: want.action, actor: want.actor, requestId: want.requestId, subgraph: 'products', occurredAt: expect.any(String) });
        for (const change of want.changes) expect(found[0].changes).toContainEqual(expect.objectContaining(change));
      }
    }
  }, 60_000);
});
