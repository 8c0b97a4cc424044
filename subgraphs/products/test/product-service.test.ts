import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { Category, Product, ProductStatus, ProductStatusChange } from '../src/entities';
import { ProductSort, type UpsertProductInput } from '../src/inputs/product-inputs';
import { CategoryService, PriceListService } from '../src/services/catalog';
import { ProductService } from '../src/services/products';
import { productsSubgraph } from '../src/subgraph';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(productsSubgraph);
});
afterAll(() => db?.close());

const price = (amount: string) => ({ amount, currency: 'EUR' });
const service = () => new ProductService(db.em(), { caller: { subject: 'tester', roles: ['ADMIN'], scopes: [] }, requestId: null });

describe('ProductService', () => {
  test('create starts a product as DRAFT and records who created it', async () => {
    const product = await service().create({ sku: 'SVC-1', name: 'Hammer', basePrice: price('9.90') });
    expect(product.status).toBe(ProductStatus.DRAFT);
    expect(product.basePriceMinor).toBe(990);
    const history = await db.em().find(ProductStatusChange, { productId: product.id });
    expect(history).toMatchObject([{ from: null, to: ProductStatus.DRAFT, actor: 'tester' }]);
  });

  test('a taken sku is a CONFLICT naming the field', async () => {
    await service().create({ sku: 'SVC-DUP', name: 'A', basePrice: price('1') });
    await expect(service().create({ sku: 'SVC-DUP', name: 'B', basePrice: price('1') })).rejects.toMatchObject({
      message: 'A product with sku "SVC-DUP" already exists',
      extensions: { code: 'CONFLICT', field: 'sku' },
    });
  });

  test('an unknown category is refused naming the field', async () => {
    await expect(service().create({ sku: 'SVC-CAT', name: 'A', basePrice: price('1'), categoryId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.categoryId' }] },
    });
  });

  test('transitions follow the table and every move is recorded', async () => {
    const { id } = await service().create({ sku: 'SVC-LIFE', name: 'A', basePrice: price('1') });
    expect((await service().transition(id, ProductStatus.PUBLISHED)).publishedAt).toBeInstanceOf(Date);
    await service().transition(id, ProductStatus.ARCHIVED);
    await expect(service().transition(id, ProductStatus.PUBLISHED)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    await service().transition(id, ProductStatus.DRAFT);
    await service().transition(id, ProductStatus.ARCHIVED);
    const moves = await db.em().find(ProductStatusChange, { productId: id }, { orderBy: { id: 'asc' } });
    expect(moves.map((m) => `${m.from}→${m.to}`)).toEqual(['null→DRAFT', 'DRAFT→PUBLISHED', 'PUBLISHED→ARCHIVED', 'ARCHIVED→DRAFT', 'DRAFT→ARCHIVED']);
  });

  test('concurrent publishes of one product: exactly one wins', async () => {
    const { id } = await service().create({ sku: 'SVC-RACE', name: 'A', basePrice: price('1') });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => service().transition(id, ProductStatus.PUBLISHED)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.em().count(ProductStatusChange, { productId: id, to: ProductStatus.PUBLISHED })).toBe(1);
  });
});

describe('upsertProducts', () => {
  const batch = (n: number, offset = 0): UpsertProductInput[] =>
    Array.from({ length: n }, (_, i) => ({ sku: `UP-${i + offset}`, name: `Item ${i + offset}`, basePrice: price(`${i + 1}.50`), attributes: [{ name: 'color', value: 'red' }] }));

  test('creates, then leaves an identical batch unchanged, then updates only what changed', async () => {
    const first = await service().upsertMany(batch(50));
    expect(first).toMatchObject({ created: 50, updated: 0, unchanged: 0, failed: 0 });
    const again = await service().upsertMany(batch(50));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 50, failed: 0 });
    const changed = batch(50);
    changed[3].name = 'Renamed';
    changed[7].basePrice = price('99.99');
    const third = await service().upsertMany(changed);
    expect(third).toMatchObject({ created: 0, updated: 2, unchanged: 48 });
    expect(third.items[3]).toMatchObject({ key: 'UP-3', outcome: 'UPDATED' });
    const reloaded = await db.em().findOneOrFail(Product, { sku: 'UP-7' });
    expect(reloaded.basePrice).toEqual({ amount: '99.99', currency: 'EUR' });
  });

  test('an item that breaks a rule fails alone; the rest apply', async () => {
    const items = batch(3, 100);
    items[1].categorySlug = 'no-such-category';
    items[2].basePrice = price('1.001');
    const result = await service().upsertMany(items);
    expect(result).toMatchObject({ created: 1, failed: 2 });
    expect(result.items[1].error).toBe('categorySlug "no-such-category" is not a known category');
    expect(result.items[2].error).toMatch(/has more decimals than EUR allows/);
    expect(await db.em().count(Product, { sku: { $in: ['UP-101', 'UP-102'] } })).toBe(0);
  });

  test('status moves through allowed transitions only', async () => {
    const [item] = batch(1, 200);
    await service().upsertMany([{ ...item, status: ProductStatus.PUBLISHED }]);
    await service().upsertMany([{ ...item, status: ProductStatus.ARCHIVED }]);
    const back = await service().upsertMany([{ ...item, status: ProductStatus.PUBLISHED }]);
    expect(back.items[0].outcome).toBe('UPDATED');
    const product = await db.em().findOneOrFail(Product, { sku: item.sku });
    const moves = await db.em().find(ProductStatusChange, { productId: product.id }, { orderBy: { id: 'asc' } });
    expect(moves.map((m) => m.to)).toEqual(['PUBLISHED', 'ARCHIVED', 'DRAFT', 'PUBLISHED']);
  });

  test('two identical batches at once both succeed and create each sku once', async () => {
    const items = batch(200, 1000);
    const [a, b] = await Promise.all([service().upsertMany(items), service().upsertMany(items)]);
    expect(a.failed + b.failed).toBe(0);
    expect(a.created + b.created).toBe(200);
    expect(await db.em().count(Product, { sku: { $like: 'UP-1%' }, name: { $like: 'Item 1%' } })).toBeGreaterThanOrEqual(200);
    expect(await db.em().count(ProductStatusChange, { productId: { $in: (await db.em().find(Product, { sku: { $in: items.map((i) => i.sku) } })).map((p) => p.id) } })).toBe(200);
  });

  test('a batch of 500 is a fixed handful of statements; failures in the middle leave the other items\' outcomes right', async () => {
    await new CategoryService(db.em(), null).create({ name: 'Bulk', slug: 'bulk' });
    const items = batch(500, 5000).map((item) => ({ ...item, categorySlug: 'bulk' }));
    items[250].categorySlug = 'nowhere';
    items[251].basePrice = price('1.001');
    items[252].status = ProductStatus.PUBLISHED;
    const statements = () => db.database.statementCount;
    const before = statements();
    const first = await service().upsertMany(items);
    // begin, categories, existing products, insert products, insert history, commit
    expect(statements() - before).toBeLessThanOrEqual(6);
    expect(first).toMatchObject({ created: 498, updated: 0, unchanged: 0, failed: 2 });
    expect(first.items[249]).toMatchObject({ index: 249, key: 'UP-5249', outcome: 'CREATED', error: null });
    expect(first.items[250]).toMatchObject({ index: 250, key: 'UP-5250', outcome: 'FAILED', node: null, error: 'categorySlug "nowhere" is not a known category' });
    expect(first.items[251]).toMatchObject({ index: 251, outcome: 'FAILED', error: expect.stringMatching(/items\.251\.basePrice\.amount/) });
    expect(first.items[252].node).toMatchObject({ sku: 'UP-5252', status: ProductStatus.PUBLISHED, basePrice: { amount: '253.50', currency: 'EUR' }, publishedAt: expect.any(Date) });
    const stored = await db.em().findOneOrFail(Product, { sku: 'UP-5252' });
    expect(stored).toMatchObject({ id: first.items[252].node!.id, status: ProductStatus.PUBLISHED, basePriceMinor: 25350, attributes: [{ name: 'color', value: 'red' }] });
    expect(await db.em().count(Product, { sku: { $in: ['UP-5250', 'UP-5251'] } })).toBe(0);
    expect(await db.em().count(ProductStatusChange, { productId: stored.id })).toBe(1);

    // The same batch, now with changes, a status move and a still-failing item: one more update and history insert at most.
    const second = items.map((item) => ({ ...item }));
    second[251].basePrice = price('1.00');
    second[10].name = 'Renamed';
    second[252].status = ProductStatus.ARCHIVED;
    second[253].status = ProductStatus.ARCHIVED; // a DRAFT archived straight away, never published
    const mid = statements();
    const again = await service().upsertMany(second);
    expect(statements() - mid).toBeLessThanOrEqual(7);
    expect(again).toMatchObject({ created: 1, updated: 3, unchanged: 495, failed: 1 });
    expect(again.items.filter((r) => r.outcome === 'UPDATED').map((r) => r.index)).toEqual([10, 252, 253]);
    expect(again.items[251]).toMatchObject({ outcome: 'CREATED' });
    expect(again.items[11]).toMatchObject({ outcome: 'UNCHANGED', node: { sku: 'UP-5011', name: 'Item 5011' } });
    const moved = await db.em().findOneOrFail(Product, { sku: 'UP-5253' });
    const moves = await db.em().find(ProductStatusChange, { productId: moved.id }, { orderBy: { id: 'asc' } });
    expect(moves.map((m) => `${m.from}→${m.to}:${m.actor}`)).toEqual(['null→DRAFT:tester', 'DRAFT→ARCHIVED:tester']);
    expect(moved.publishedAt).toBeNull();
    expect((await db.em().findOneOrFail(Product, { sku: 'UP-5010' })).name).toBe('Renamed');
  });

  test('a batch repeating a sku is refused before any write', async () => {
    await expect(service().upsertMany([...batch(2, 3000), ...batch(1, 3000)])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await db.em().count(Product, { sku: 'UP-3000' })).toBe(0);
  });
});

describe('search', () => {
  beforeAll(async () => {
    const categories = new CategoryService(db.em(), null);
    const tools = await categories.create({ name: 'Tools', slug: 'tools' });
    const drills = await categories.create({ name: 'Drills', slug: 'drills', parentId: tools.id });
    const s = service();
    for (const [sku, name, amount, categoryId] of [
      ['S-1', 'Cordless Drill 50%', '120.00', drills.id],
      ['S-2', 'Hammer drill', '80.00', drills.id],
      ['S-3', 'Tool box', '30.00', tools.id],
    ] as const) {
      const p = await s.create({ sku, name, basePrice: price(amount), categoryId, description: 'search fixture' });
      await service().transition(p.id, ProductStatus.PUBLISHED);
    }
  });

  test('text matches name, sku or description; wildcards in the text are literal', async () => {
    const page = await service().search({ text: 'drill' }, ProductSort.NAME_ASC, { first: 10 }, true);
    expect(page.edges.map((e) => e.node.sku)).toEqual(['S-1', 'S-2']);
    const literal = await service().search({ text: '50%' }, ProductSort.NAME_ASC, { first: 10 }, true);
    expect(literal.edges.map((e) => e.node.sku)).toEqual(['S-1']);
  });

  test('a category includes its descendants; price ranges are inclusive', async () => {
    const tools = await service().search({ text: 'search', categoryId: (await db.em().findOneOrFail(Category, { slug: 'tools' })).id }, ProductSort.PRICE_ASC, { first: 10 }, true);
    expect(tools.edges.map((e) => e.node.sku)).toEqual(['S-3', 'S-2', 'S-1']);
    const ranged = await service().search({ text: 'search', minPrice: price('80'), maxPrice: price('120') }, ProductSort.PRICE_DESC, { first: 10 }, true);
    expect(ranged.edges.map((e) => e.node.sku)).toEqual(['S-1', 'S-2']);
    expect(await ranged.totalCount).toBe(2);
  });

  test('non-staff see published products only, whatever the filter asks', async () => {
    const drafts = await service().search({ status: [ProductStatus.DRAFT] }, ProductSort.NAME_ASC, { first: 100 }, false);
    expect(drafts.edges).toHaveLength(0);
    const staffDrafts = await service().search({ status: [ProductStatus.DRAFT] }, ProductSort.NAME_ASC, { first: 100 }, true);
    expect(staffDrafts.edges.length).toBeGreaterThan(0);
  });
});

describe('price lists', () => {
  test('prices must be in the list currency; assignment replaces the previous list', async () => {
    const lists = new PriceListService(db.em(), null);
    const product = await service().create({ sku: 'PL-1', name: 'A', basePrice: price('10') });
    const eur = await lists.create({ name: 'Trade EUR', currency: 'EUR' });
    const usd = await lists.create({ name: 'Trade USD', currency: 'USD' });
    await expect(new PriceListService(db.em(), null).setPrices(eur.id, [{ productId: product.id, price: { amount: '9', currency: 'USD' } }])).rejects.toMatchObject({
      extensions: { fields: [{ field: 'prices.0.price.currency' }] },
    });
    await new PriceListService(db.em(), null).setPrices(eur.id, [{ productId: product.id, price: price('9') }]);
    await new PriceListService(db.em(), null).setPrices(eur.id, [{ productId: product.id, price: price('8.5') }]);
    const customerId = '11111111-1111-4111-8111-111111111111';
    await new PriceListService(db.em(), null).assign(customerId, usd.id);
    await new PriceListService(db.em(), null).assign(customerId, eur.id);
    const rows = await db.em().getConnection().execute(`select price_list_id from products.customer_price_list where customer_id = ?`, [customerId]);
    expect(rows).toEqual([{ price_list_id: eur.id }]);
    const items = await db.em().getConnection().execute(`select amount_minor from products.price_list_item where price_list_id = ?`, [eur.id]);
    expect(items).toEqual([{ amount_minor: '850' }]);
  });
});
