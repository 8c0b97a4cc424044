import { randomUUID } from 'node:crypto';
import { AUDIT_RECORDED, OutboxEvent, type AuditRecordedPayload, type AuditSource, type Role } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { ProductStatus } from '../src/entities';
import { CategoryService, PriceListService } from '../src/services/catalog';
import { ProductService } from '../src/services/products';
import { productsSubgraph } from '../src/subgraph';

/**
 * Every write path of products writes exactly one `audit.recorded` outbox row in the write's own
 * transaction, with the fields it changed (before and after), the caller and the request: none
 * for a write that changes nothing, none for one that fails (here also at the database, by
 * check constraints the test adds, after the service did all its work), and for a bulk upsert
 * one per item that changed.
 */
let db: TestSubgraphDatabase;
const DOOMED_CUSTOMER = '00000000-0000-4000-8000-00000000dead';
beforeAll(async () => {
  db = await openTestDatabase(productsSubgraph);
  const sql = (statement: string) => db.em().getConnection().execute(statement);
  await sql(`alter table products.product add constraint test_refuse_explode check (name <> 'EXPLODE')`);
  await sql(`alter table products.category add constraint test_refuse_explode check (name <> 'EXPLODE')`);
  await sql(`alter table products.price_list_item add constraint test_refuse_13 check (amount_minor <> 13)`);
  await sql(`alter table products.customer_price_list add constraint test_refuse_customer check (customer_id <> '${DOOMED_CUSTOMER}')`);
});
afterAll(() => db?.close());

const roles: Role[] = ['MANAGER', 'ADMIN'];
let requestId = '';
/** A fresh request id per service, as each GraphQL request has its own. */
const source = (): AuditSource => ({ caller: { subject: 'auditor-1', roles, scopes: [] }, requestId: (requestId = randomUUID()) });
const products = () => new ProductService(db.em(), source());
const categories = () => new CategoryService(db.em(), source());
const lists = () => new PriceListService(db.em(), source());
const price = (amount: string) => ({ amount, currency: 'EUR' });

async function entries(): Promise<AuditRecordedPayload[]> {
  const rows = await db.em().find(OutboxEvent, { type: AUDIT_RECORDED }, { orderBy: { sequence: 'asc' } });
  return rows.map((row) => {
    expect(row.entity).toBe('AuditEntry');
    return row.payload as AuditRecordedPayload;
  });
}
const entriesOf = async (entityId: string) => (await entries()).filter((e) => e.entityId === entityId);
const count = async () => (await entries()).length;
/** The one entry the last call wrote, checked for its actor and request. */
async function lastEntry(before: number): Promise<AuditRecordedPayload> {
  const all = await entries();
  expect(all).toHaveLength(before + 1);
  const entry = all[all.length - 1];
  expect(entry).toMatchObject({ actor: { subject: 'auditor-1', role: 'ADMIN' }, requestId, subgraph: 'products' });
  return entry;
}

describe('products audit log', () => {
  test('createProduct, updateProduct and each status move write one entry with the changed fields', async () => {
    let n = await count();
    const { id } = await products().create({ sku: 'AU-1', name: 'Drill', basePrice: price('49.90'), brand: 'Acme', attributes: [{ name: 'volts', value: '18' }] });
    expect(await lastEntry(n++)).toMatchObject({
      entity: 'Product',
      entityId: id,
      action: 'created',
      changes: [
        { field: 'sku', before: null, after: 'AU-1' },
        { field: 'name', before: null, after: 'Drill' },
        { field: 'brand', before: null, after: 'Acme' },
        { field: 'basePrice', before: null, after: { amount: '49.90', currency: 'EUR' } },
        { field: 'status', before: null, after: 'DRAFT' },
        { field: 'attributes', before: null, after: [{ name: 'volts', value: '18' }] },
      ],
    });

    await products().update(id, { name: 'Drill Pro', basePrice: price('59.90'), description: 'Cordless', brand: null });
    expect(await lastEntry(n++)).toMatchObject({
      entityId: id,
      action: 'updated',
      changes: [
        { field: 'name', before: 'Drill', after: 'Drill Pro' },
        { field: 'description', before: null, after: 'Cordless' },
        { field: 'brand', before: 'Acme', after: null },
        { field: 'basePrice', before: { amount: '49.90', currency: 'EUR' }, after: { amount: '59.90', currency: 'EUR' } },
      ],
    });

    await products().update(id, { name: 'Drill Pro', basePrice: price('59.90'), attributes: [{ name: 'volts', value: '18' }] }); // the same values
    expect(await count()).toBe(n);

    const moves: [ProductStatus, ProductStatus][] = [
      [ProductStatus.DRAFT, ProductStatus.PUBLISHED],
      [ProductStatus.PUBLISHED, ProductStatus.DRAFT],
      [ProductStatus.DRAFT, ProductStatus.ARCHIVED],
      [ProductStatus.ARCHIVED, ProductStatus.DRAFT],
    ];
    for (const [from, to] of moves) {
      await products().transition(id, to);
      expect(await lastEntry(n++)).toMatchObject({ entityId: id, action: 'status_changed', changes: [{ field: 'status', before: from, after: to }] });
    }
    expect((await entriesOf(id)).map((e) => e.action)).toEqual(['created', 'updated', 'status_changed', 'status_changed', 'status_changed', 'status_changed']);
  });

  test('a product write that fails writes no entry', async () => {
    const { id } = await products().create({ sku: 'AU-FAIL', name: 'Saw', basePrice: price('10') });
    const n = await count();
    await expect(products().create({ sku: 'AU-BAD', name: 'EXPLODE', basePrice: price('1') })).rejects.toThrow();
    await expect(products().create({ sku: 'AU-FAIL', name: 'Taken sku', basePrice: price('1') })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(products().update(id, { name: 'EXPLODE' })).rejects.toThrow();
    await expect(products().update(id, { categoryId: randomUUID() })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(products().transition(id, ProductStatus.DRAFT)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    await expect(products().transition(randomUUID(), ProductStatus.PUBLISHED)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await count()).toBe(n);
  });

  test('createCategory and updateCategory: one entry per change, none for the same values or a failure', async () => {
    let n = await count();
    const tools = await categories().create({ name: 'Tools', slug: 'au-tools' });
    expect(await lastEntry(n++)).toMatchObject({ entity: 'Category', entityId: tools.id, action: 'created', changes: [{ field: 'name', before: null, after: 'Tools' }, { field: 'slug', before: null, after: 'au-tools' }] });
    const drills = await categories().create({ name: 'Drills', slug: 'au-drills', parentId: tools.id });
    expect((await lastEntry(n++)).changes).toContainEqual({ field: 'parentId', before: null, after: tools.id });

    await categories().update(drills.id, { name: 'Power drills', parentId: null });
    expect(await lastEntry(n++)).toMatchObject({
      entity: 'Category',
      entityId: drills.id,
      action: 'updated',
      changes: [{ field: 'name', before: 'Drills', after: 'Power drills' }, { field: 'parentId', before: tools.id, after: null }],
    });
    await categories().update(drills.id, { name: 'Power drills', slug: 'au-drills', parentId: null });
    await expect(categories().update(drills.id, { slug: 'au-tools' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(categories().update(tools.id, { name: 'EXPLODE' })).rejects.toThrow();
    await expect(categories().update(tools.id, { parentId: tools.id })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(categories().create({ name: 'Again', slug: 'au-tools' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await count()).toBe(n);
    expect((await entriesOf(tools.id)).map((e) => e.action)).toEqual(['created']);
  });

  test('price lists: created, prices set and removed as one entry per call with one change per product whose price changed', async () => {
    const [a, b, c] = await Promise.all(['AU-PA', 'AU-PB', 'AU-PC'].map((sku) => products().create({ sku, name: sku, basePrice: price('10') })));
    let n = await count();
    const list = await lists().create({ name: 'AU dealers', currency: 'EUR' });
    expect(await lastEntry(n++)).toMatchObject({ entity: 'PriceList', entityId: list.id, action: 'created', changes: [{ field: 'name', before: null, after: 'AU dealers' }, { field: 'currency', before: null, after: 'EUR' }] });

    await lists().setPrices(list.id, [{ productId: a.id, price: price('9') }, { productId: b.id, price: price('8.50') }]);
    expect(await lastEntry(n++)).toMatchObject({
      entity: 'PriceList',
      entityId: list.id,
      action: 'prices_set',
      changes: [
        { field: `price:${a.id}`, before: null, after: { amount: '9.00', currency: 'EUR' } },
        { field: `price:${b.id}`, before: null, after: { amount: '8.50', currency: 'EUR' } },
      ],
    });
    // a unchanged, b changed, c new: only b and c
    await lists().setPrices(list.id, [{ productId: a.id, price: price('9.00') }, { productId: b.id, price: price('8') }, { productId: c.id, price: price('7') }]);
    expect((await lastEntry(n++)).changes).toEqual([
      { field: `price:${b.id}`, before: { amount: '8.50', currency: 'EUR' }, after: { amount: '8.00', currency: 'EUR' } },
      { field: `price:${c.id}`, before: null, after: { amount: '7.00', currency: 'EUR' } },
    ]);
    await lists().setPrices(list.id, [{ productId: c.id, price: price('7') }]); // the same price
    expect(await count()).toBe(n);

    // c's removal is recorded; a product the list had no price for is not
    await lists().removePrices(list.id, [c.id, randomUUID()]);
    expect(await lastEntry(n++)).toMatchObject({ action: 'prices_removed', changes: [{ field: `price:${c.id}`, before: { amount: '7.00', currency: 'EUR' }, after: null }] });
    await lists().removePrices(list.id, [c.id]);
    expect(await count()).toBe(n);

    await expect(lists().setPrices(list.id, [{ productId: a.id, price: { amount: '1', currency: 'USD' } }])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(lists().setPrices(list.id, [{ productId: b.id, price: price('2') }, { productId: a.id, price: price('0.13') }])).rejects.toThrow();
    await expect(lists().setPrices(randomUUID(), [{ productId: a.id, price: price('2') }])).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(lists().create({ name: 'AU dealers', currency: 'EUR' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await count()).toBe(n);
  });

  test('assigning and unassigning a customer\'s price list: entity Customer, field priceListId', async () => {
    const [first, second] = [await lists().create({ name: 'AU first', currency: 'EUR' }), await lists().create({ name: 'AU second', currency: 'EUR' })];
    const customerId = randomUUID();
    let n = await count();
    await lists().assign(customerId, first.id);
    expect(await lastEntry(n++)).toMatchObject({ entity: 'Customer', entityId: customerId, action: 'price_list_assigned', changes: [{ field: 'priceListId', before: null, after: first.id }] });
    await lists().assign(customerId, first.id); // already its list
    expect(await count()).toBe(n);
    await lists().assign(customerId, second.id);
    expect(await lastEntry(n++)).toMatchObject({ entity: 'Customer', entityId: customerId, action: 'price_list_assigned', changes: [{ field: 'priceListId', before: first.id, after: second.id }] });
    expect(await lists().unassign(customerId)).toBe(true);
    expect(await lastEntry(n++)).toMatchObject({ entity: 'Customer', entityId: customerId, action: 'price_list_unassigned', changes: [{ field: 'priceListId', before: second.id, after: null }] });
    expect(await lists().unassign(customerId)).toBe(false);
    await expect(lists().assign(customerId, randomUUID())).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(lists().assign(DOOMED_CUSTOMER, first.id)).rejects.toThrow();
    expect(await count()).toBe(n);
  });

  test('concurrent assignments of one customer each record the list the one before left', async () => {
    const all = await Promise.all([1, 2, 3, 4, 5].map((i) => lists().create({ name: `AU race ${i}`, currency: 'EUR' })));
    const customerId = randomUUID();
    await Promise.all(all.map((list) => lists().assign(customerId, list.id)));
    const changes = (await entriesOf(customerId)).map((e) => e.changes[0]);
    expect(changes).toHaveLength(5);
    // a chain: each before is the after of the entry written just before it
    expect(changes.map((c) => c.before)).toEqual([null, ...changes.slice(0, -1).map((c) => c.after)]);
  });

  test('a bulk upsert writes one entry per created or changed product, in its transaction', async () => {
    const first = await products().upsertMany([
      { sku: 'AUB-1', name: 'One', basePrice: price('1') },
      { sku: 'AUB-2', name: 'Two', basePrice: price('2') },
      { sku: 'AUB-3', name: 'Three', basePrice: price('3') },
    ]);
    const [one, two, three] = first.items.map((i) => i.node!.id);
    for (const id of [one, two, three]) expect((await entriesOf(id)).map((e) => [e.action, e.requestId, e.actor])).toEqual([['created', requestId, { subject: 'auditor-1', role: 'ADMIN' }]]);

    const n = await count();
    const second = await products().upsertMany([
      { sku: 'AUB-1', name: 'One', basePrice: price('1') }, // unchanged
      { sku: 'AUB-2', name: 'Two renamed', basePrice: price('2.50') },
      { sku: 'AUB-3', name: 'Three', basePrice: price('3'), status: ProductStatus.PUBLISHED },
      { sku: 'AUB-4', name: 'Four', basePrice: price('4'), categorySlug: 'no-such-category' }, // fails alone
    ]);
    expect(second.items.map((i) => i.outcome)).toEqual(['UNCHANGED', 'UPDATED', 'UPDATED', 'FAILED']);
    expect(await count()).toBe(n + 2);
    expect(await entriesOf(one)).toHaveLength(1);
    expect((await entriesOf(two))[1]).toMatchObject({
      action: 'updated',
      requestId,
      changes: [{ field: 'name', before: 'Two', after: 'Two renamed' }, { field: 'basePrice', before: { amount: '2.00', currency: 'EUR' }, after: { amount: '2.50', currency: 'EUR' } }],
    });
    expect((await entriesOf(three))[1]).toMatchObject({ action: 'status_changed', requestId, changes: [{ field: 'status', before: 'DRAFT', after: 'PUBLISHED' }] });

    // A batch whose write fails as a whole leaves no entry of any item.
    await expect(products().upsertMany([
      { sku: 'AUB-1', name: 'One changed', basePrice: price('1') },
      { sku: 'AUB-5', name: 'EXPLODE', basePrice: price('5') },
    ])).rejects.toThrow();
    expect(await count()).toBe(n + 2);
  });
});
