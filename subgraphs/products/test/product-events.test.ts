import { OutboxEvent, ProductEvent, type ProductChangedPayload } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { ProductStatus } from '../src/entities';
import { ProductService } from '../src/services/products';
import { productsSubgraph } from '../src/subgraph';

/**
 * Every write path of a product writes its `product.*` event in the write's own transaction:
 * a write that fails (here: a check constraint the test adds, which fails the statement after
 * the service did all its work) leaves neither the change nor an event behind.
 */
let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(productsSubgraph);
  await db.em().getConnection().execute(`alter table products.product add constraint test_refuse_explode check (name <> 'EXPLODE')`);
});
afterAll(() => db?.close());

const price = (amount: string) => ({ amount, currency: 'EUR' });
const service = () => new ProductService(db.em(), { caller: { subject: 'tester', roles: ['ADMIN'], scopes: [] }, requestId: null });
const eventsOf = async (productId: string) =>
  (await db.em().find(OutboxEvent, { entity: 'Product', entityId: productId }, { orderBy: { sequence: 'asc' } })).map((e) => ({ type: e.type, version: e.version, payload: e.payload as ProductChangedPayload }));
const eventCount = async () => db.em().count(OutboxEvent, { entity: 'Product' });

describe('product events', () => {
  test('create, update and each status move write one event each, with the product after the change and a version that increases', async () => {
    const { id } = await service().create({ sku: 'EV-1', name: 'Drill', basePrice: price('49.90'), brand: 'Acme' });
    await service().update(id, { name: 'Drill Pro', basePrice: price('59.90') });
    await service().update(id, { name: 'Drill Pro' }); // nothing changes: no event
    await service().transition(id, ProductStatus.PUBLISHED);
    const events = await eventsOf(id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      [ProductEvent.CREATED, 1],
      [ProductEvent.UPDATED, 2],
      [ProductEvent.STATUS_CHANGED, 3],
    ]);
    expect(events[0].payload).toMatchObject({ productId: id, sku: 'EV-1', name: 'Drill', brand: 'Acme', status: 'DRAFT', from: null, basePrice: { amount: '49.90', currency: 'EUR' } });
    expect(events[1].payload).toMatchObject({ name: 'Drill Pro', basePrice: { amount: '59.90', currency: 'EUR' }, status: 'DRAFT', from: 'DRAFT' });
    expect(events[2].payload).toMatchObject({ status: 'PUBLISHED', from: 'DRAFT', publishedAt: expect.any(String) });
  });

  test('events carry the public catalogue fields only, bounded: not the attributes, whose change alone still has its event', async () => {
    const attributes = Array.from({ length: 100 }, (_, i) => ({ name: `attribute-${i}`.padEnd(100, 'x'), value: 'v'.repeat(500) }));
    const { id } = await service().create({ sku: 'EV-ATTR', name: 'Big', basePrice: price('5'), description: 'd'.repeat(10_000), attributes });
    await service().update(id, { attributes: [{ name: 'colour', value: 'red' }] });
    const events = await eventsOf(id);
    expect(events.map((e) => [e.type, e.version])).toEqual([[ProductEvent.CREATED, 1], [ProductEvent.UPDATED, 2]]);
    for (const { payload } of events) {
      expect(Object.keys(payload).sort()).toEqual(['basePrice', 'brand', 'categoryId', 'description', 'from', 'name', 'productId', 'publishedAt', 'sku', 'status']);
      expect(JSON.stringify(payload).length).toBeLessThan(11_000);
    }
  });

  test('a failed create, update or status move writes no event', async () => {
    const before = await eventCount();
    await expect(service().create({ sku: 'EV-BAD', name: 'EXPLODE', basePrice: price('1') })).rejects.toThrow();
    const { id } = await service().create({ sku: 'EV-2', name: 'Saw', basePrice: price('10') });
    await expect(service().update(id, { name: 'EXPLODE' })).rejects.toThrow();
    await expect(service().create({ sku: 'EV-2', name: 'Taken sku', basePrice: price('1') })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await service().transition(id, ProductStatus.ARCHIVED);
    await expect(service().transition(id, ProductStatus.PUBLISHED)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    expect(await eventCount()).toBe(before + 2);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual([ProductEvent.CREATED, ProductEvent.STATUS_CHANGED]);
  });

  test('a bulk upsert writes one event per created or updated product in its transaction, none for the unchanged or failed', async () => {
    const first = await service().upsertMany([
      { sku: 'EVB-1', name: 'One', basePrice: price('1') },
      { sku: 'EVB-2', name: 'Two', basePrice: price('2') },
    ]);
    const [one, two] = first.items.map((i) => i.node!.id);
    const second = await service().upsertMany([
      { sku: 'EVB-1', name: 'One', basePrice: price('1') }, // unchanged
      { sku: 'EVB-2', name: 'Two renamed', basePrice: price('2.50'), status: ProductStatus.PUBLISHED },
      { sku: 'EVB-3', name: 'Three', basePrice: price('3'), categorySlug: 'no-such-category' }, // fails alone
    ]);
    expect(second.items.map((i) => i.outcome)).toEqual(['UNCHANGED', 'UPDATED', 'FAILED']);
    expect((await eventsOf(one)).map((e) => [e.type, e.version])).toEqual([[ProductEvent.CREATED, 1]]);
    const twoEvents = await eventsOf(two);
    expect(twoEvents.map((e) => [e.type, e.version])).toEqual([[ProductEvent.CREATED, 1], [ProductEvent.STATUS_CHANGED, 2]]);
    expect(twoEvents[1].payload).toMatchObject({ name: 'Two renamed', basePrice: { amount: '2.50' }, status: 'PUBLISHED', from: 'DRAFT' });
    const all = await db.em().find(OutboxEvent, { entity: 'Product' });
    expect(all.filter((e) => (e.payload as ProductChangedPayload).sku === 'EVB-3')).toHaveLength(0);

    // A batch whose write fails as a whole (one row breaks the constraint) leaves no event of any item.
    const before = await eventCount();
    await expect(service().upsertMany([
      { sku: 'EVB-1', name: 'One changed', basePrice: price('1') },
      { sku: 'EVB-4', name: 'EXPLODE', basePrice: price('4') },
    ])).rejects.toThrow();
    expect(await eventCount()).toBe(before);
    expect((await service().get(one)).name).toBe('One');
  });
  test('concurrent updates of one product count its version one after the other', async () => {
    const { id } = await service().create({ sku: 'EV-RACE', name: 'Race', basePrice: price('1') });
    await Promise.all([1, 2, 3, 4, 5].map((n) => service().update(id, { name: `Race ${n}` })));
    expect((await eventsOf(id)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await service().get(id)).version).toBe(6);
  });
});
