import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { CallerSigner, isReadColumn, readRows, readRowsWithParents, requestScope, Role } from '@tradegraph/kit';
import { seedDemoData } from '../scripts/demo-data';
import { StockLevel, Warehouse } from '../subgraphs/inventory/src/entities';
import { PriceList, PriceListItem, Product } from '../subgraphs/products/src/entities';
import { postGraphQL } from './support/client';
import { startStack, TEST_CALLER_SECRET, type TestStack } from './support/stack';

/*
 * A subgraph serves POST /graphql on node:http itself (kit/src/graphql-http.ts) and reads its hot
 * paths with plain SQL (kit/src/read-rows.ts): the same answers and the same refusals as the
 * express route and MikroORM's find did.
 */

let stack: TestStack;
const signer = new CallerSigner(TEST_CALLER_SECRET);
const asAdmin = async () => ({ 'x-tradegraph-caller': await signer.sign({ subject: 'admin-1', roles: [Role.ADMIN], scopes: [] }, randomUUID()) });
const asAgent = async () => ({ 'x-tradegraph-caller': await signer.sign({ subject: 'agent-1', roles: [Role.AGENT], scopes: [] }, randomUUID()) });

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'customers', 'inventory'] });
  await seedDemoData({ products: stack.subgraphs.products.database, customers: stack.subgraphs.customers.database, inventory: stack.subgraphs.inventory.database }, { products: 40, customers: 5 });
});
afterAll(() => stack?.stop());

type ErrorBody = { errors: { message: string; extensions: { code: string } }[] };
const errorsOf = async (response: Response) => (await response.json()) as ErrorBody;
const post = (body: string, headers: Record<string, string>) =>
  fetch(stack.subgraphs.products.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('POST /graphql on a subgraph', () => {
  test('a signed request is answered; a product(sku) lookup and a list read the same rows', async () => {
    const headers = await asAdmin();
    const list = await postGraphQL<{ products: { edges: { node: { id: string; sku: string; name: string; basePrice: { amount: string } } }[] } }>(
      stack.subgraphs.products.url, '{ products(first: 3) { edges { node { id sku name basePrice { amount } } } } }', undefined, { headers });
    expect(list.status).toBe(200);
    const first = list.data!.products.edges[0].node;
    const one = await postGraphQL<{ product: typeof first }>(stack.subgraphs.products.url, 'query ($sku: String!) { product(sku: $sku) { id sku name basePrice { amount } } }', { sku: first.sku }, { headers });
    expect(one.data!.product).toEqual(first);
  });

  test('unsigned, forged and malformed requests are refused as JSON GraphQL errors, no stack or SQL', async () => {
    const unsigned = await post(JSON.stringify({ query: '{ products(first: 1) { edges { node { id } } } }' }), {});
    expect(unsigned.status).toBe(401);
    const unsignedText = await unsigned.text();
    expect(Number(unsigned.headers.get('content-length'))).toBe(Buffer.byteLength(unsignedText));
    expect(JSON.parse(unsignedText)).toEqual({ errors: [{ message: 'missing x-tradegraph-caller header: requests must come through the gateway', extensions: { code: 'UNAUTHENTICATED' } }] });
    const forged = await post(JSON.stringify({ query: '{ __typename }' }), { 'x-tradegraph-caller': `${(await asAdmin())['x-tradegraph-caller']}x` });
    expect(forged.status).toBe(401);
    expect(await errorsOf(forged)).toEqual({ errors: [{ message: 'the caller context signature is invalid', extensions: { code: 'UNAUTHENTICATED' } }] });
    // what express still serves (here a GET) is refused the same way
    const viaExpress = await fetch(`${stack.subgraphs.products.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(viaExpress.status).toBe(401);
    expect(await errorsOf(viaExpress)).toEqual(JSON.parse(unsignedText));

    const malformed = await post('{"query": "{ __typename }"', await asAdmin());
    expect(malformed.status).toBe(400);
    const body = await errorsOf(malformed);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at |\.ts|select /);

    const huge = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(6 * 1024 * 1024) } }), await asAdmin());
    expect(huge.status).toBe(413);
    expect((await errorsOf(huge)).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a draft product stays hidden from a non-staff caller on the lookup path', async () => {
    const { products: db } = stack.subgraphs;
    const [draft] = await db.database.orm.em.getConnection().execute(`update products.product set status = 'DRAFT' where id = (select id from products.product order by sku limit 1) returning sku`);
    const agent = await postGraphQL<{ product: unknown }>(stack.subgraphs.products.url, 'query ($sku: String!) { product(sku: $sku) { id } }', { sku: draft.sku }, { headers: await asAgent() });
    expect(agent.data!.product).toBeNull();
    const admin = await postGraphQL<{ product: { id: string } | null }>(stack.subgraphs.products.url, 'query ($sku: String!) { product(sku: $sku) { id } }', { sku: draft.sku }, { headers: await asAdmin() });
    expect(admin.data!.product?.id).toBeDefined();
  });

  test('health and readiness still answer through express', async () => {
    expect((await fetch(stack.subgraphs.products.url.replace('/graphql', '/health'))).status).toBe(200);
    expect(await (await fetch(stack.subgraphs.products.url.replace('/graphql', '/ready'))).json()).toEqual({ status: 'ready' });
  });
});

describe('readRows', () => {
  test('reads what em.find reads, converted alike, and quotes every key', async () => {
    const em = stack.subgraphs.products.database.orm.em.fork();
    const found = await em.find(Product, {}, { limit: 5, orderBy: { sku: 'asc' } });
    const read = await readRows(em, Product, 'sku', [...found.map((p) => p.sku), 'no "such", sku\\'], ['sku']);
    expect(read.map((p) => ({ ...p }))).toEqual(found.map((p) => ({ id: p.id, sku: p.sku, name: p.name, description: p.description, status: p.status, categoryId: p.categoryId, brand: p.brand, basePriceMinor: p.basePriceMinor, currency: p.currency, attributes: p.attributes, createdAt: p.createdAt, updatedAt: p.updatedAt, publishedAt: p.publishedAt, version: p.version })));
    expect(read[0].basePrice).toEqual(found[0].basePrice);
    expect(read[0].createdAt).toBeInstanceOf(Date);
    expect(await readRows(em, Product, 'sku', ["x'); drop table products.product; --"])).toEqual([]);
    await expect(readRows(em, Product, 'sku', [found[0].sku], ['sku desc' as 'sku'])).rejects.toThrow('Product.sku desc is not a column');
  });

  test('readRowsWithParents converts the parent exactly as em.find does (bigint, Dates, json)', async () => {
    const em = stack.subgraphs.products.database.orm.em.fork();
    const [product] = await em.find(Product, {}, { limit: 1, orderBy: { sku: 'desc' } });
    // a bigint past 2^31 and a json attribute set, so a conversion that differs would show
    await em.getConnection().execute(`update products.product set base_price_minor = 5000000001 where id = ?`, [product.id]);
    const list = em.create(PriceList, { name: `list-${randomUUID()}`, currency: 'EUR' });
    em.create(PriceListItem, { priceListId: list.id, productId: product.id, amountMinor: 4000000001, currency: 'EUR' });
    await em.flush();

    const { rows, parents } = await readRowsWithParents(em.fork(), PriceListItem, 'productId', [product.id], 'productId', Product);
    const expected = await em.fork().findOneOrFail(Product, product.id);
    expect(rows.map((r) => r.amountMinor)).toContain(4000000001);
    expect(rows.every((r) => r.productId === product.id)).toBe(true);
    expect(parents).toHaveLength(1);
    const columns = em.getMetadata().get(Product.name).props.filter(isReadColumn).map((p) => p.name as keyof Product);
    expect(columns).toContain('basePriceMinor');
    expect(Object.fromEntries(columns.map((name) => [name, parents[0][name]]))).toEqual(Object.fromEntries(columns.map((name) => [name, expected[name]])));
    expect(parents[0].basePriceMinor).toBe(5000000001);
  });

  test('readRowsWithParents brings each level its warehouse in one statement', async () => {
    const em = stack.subgraphs.inventory.database.orm.em.fork();
    const levels = await em.find(StockLevel, {}, { limit: 3 });
    // counted by request scope: a background pass (an outbox relay) may send SQL meanwhile
    const requestId = randomUUID();
    const { rows, parents } = await requestScope.run({ requestId }, () =>
      readRowsWithParents(em, StockLevel, 'productId', levels.map((l) => l.productId), 'warehouseId', Warehouse));
    expect(stack.statementsFor(requestId)).toBe(1);
    expect(rows.length).toBeGreaterThanOrEqual(levels.length);
    const warehouses = await em.find(Warehouse, { id: { $in: [...new Set(rows.map((r) => r.warehouseId))] } });
    const fields = (w: Warehouse) => ({ id: w.id, code: w.code, name: w.name, address: w.address, active: w.active, priority: w.priority, createdAt: w.createdAt });
    expect(parents.map(fields).sort((a, b) => a.id.localeCompare(b.id))).toEqual(warehouses.map(fields).sort((a, b) => a.id.localeCompare(b.id)));
    expect(rows.every((r) => r.available === Math.max(0, r.onHand - r.reserved - r.safetyStock))).toBe(true);
  });
});
