/**
 * The supergraph as a frontend team uses it: typed documents from codegen, sent to the
 * gateway, answered by the products and customers subgraphs over real PostgreSQL.
 */
import { stableId } from '@tradegraph/kit';
import {
  ArchiveProductDocument,
  CreateCustomerDocument,
  CreateProductDocument,
  CustomerByIdDocument,
  CustomersWithPriceListsDocument,
  ProductByIdDocument,
  ProductsPageDocument,
  ProductsWithCustomerPriceDocument,
  PublishProductDocument,
  UpsertProductsDocument,
  type ProductsPageQuery,
} from '../operations/__generated__/graphql';
import { seedDemoData } from '../scripts/demo-data';
import { execute, executeOk, postGraphQL } from './support/client';
import { sql } from './support/fixtures';
import { countStatements, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'customers'] });
  await seedDemoData({ products: stack.subgraphs.products.database, customers: stack.subgraphs.customers.database }, { products: 300, customers: 150 });
  admin = await stack.token('ADMIN');
});
afterAll(() => stack?.stop());

describe('seeding', () => {
  test('a seeded catalog is vacuumed and analyzed: statistics for the planner, a visibility map for index-only scans', async () => {
    // reltuples is -1 until a table is first analyzed; relallvisible 0 until it is vacuumed
    const [product] = await sql<{ reltuples: number; relallvisible: number }>(stack, 'products', `select reltuples::int as reltuples, relallvisible from pg_class where oid = 'products.product'::regclass`);
    expect(product.reltuples).toBeGreaterThanOrEqual(300);
    expect(product.relallvisible).toBeGreaterThan(0);
    const [customer] = await sql<{ reltuples: number }>(stack, 'customers', `select reltuples::int as reltuples from pg_class where oid = 'customers.customer'::regclass`);
    expect(customer.reltuples).toBeGreaterThanOrEqual(150);
  });
});

describe('queries that cross subgraphs', () => {
  test('customers come with the price list the products subgraph assigns them', async () => {
    const data = await executeOk(stack.gatewayUrl, CustomersWithPriceListsDocument, { first: 100 }, { token: admin });
    expect(data.customers.edges).toHaveLength(100);
    const bySegment = new Map<string, Set<string | null>>();
    for (const { node } of data.customers.edges) {
      if (!bySegment.has(node.segment)) bySegment.set(node.segment, new Set());
      bySegment.get(node.segment)!.add(node.priceList?.name ?? null);
    }
    expect(bySegment.get('WHOLESALE')).toEqual(new Set(['Wholesale EUR']));
    expect(bySegment.get('DISTRIBUTOR')).toEqual(new Set(['Distributor EUR']));
    expect(bySegment.get('KEY_ACCOUNT')).toEqual(new Set(['Key accounts EUR']));
    expect(bySegment.get('RETAIL')).toEqual(new Set([null]));
  });

  test('priceFor gives a list customer their list price and everyone else the base price', async () => {
    const wholesale = stableId('customer', 'C-00003'); // the seed makes every fifth customer from the third WHOLESALE
    const retail = stableId('customer', 'C-00001');
    const listed = await executeOk(stack.gatewayUrl, ProductsWithCustomerPriceDocument, { customerId: wholesale, first: 20 }, { token: admin });
    for (const { node } of listed.products.edges) {
      const base = Math.round(Number(node.basePrice.amount) * 100);
      expect(node.priceFor).toEqual({ amount: (Math.round(base * 0.9) / 100).toFixed(2), currency: 'EUR' });
    }
    const plain = await executeOk(stack.gatewayUrl, ProductsWithCustomerPriceDocument, { customerId: retail, first: 20 }, { token: admin });
    for (const { node } of plain.products.edges) expect(node.priceFor).toEqual(node.basePrice);
  });

  test('100 customers with price lists and 100 products with priceFor cost a fixed number of SQL statements', async () => {
    const customers = await countStatements(stack, (headers) => executeOk(stack.gatewayUrl, CustomersWithPriceListsDocument, { first: 100 }, { token: admin, headers }));
    expect(customers.result.customers.edges).toHaveLength(100);
    // customers page + its count, then in products: the customers' assignments + their price lists
    expect(customers.statements).toBe(4);

    const products = await countStatements(stack, (headers) =>
      executeOk(stack.gatewayUrl, ProductsWithCustomerPriceDocument, { customerId: stableId('customer', 'C-00003'), first: 100 }, { token: admin, headers }),
    );
    expect(products.result.products.edges).toHaveLength(100);
    // products page, then the list prices of all 100 products for the customer (its assignment joined in)
    expect(products.statements).toBe(2);
    // …and they are that customer's list prices: C-00003 pays less than the base price somewhere
    expect(products.result.products.edges.some((e) => e.node.priceFor && Number(e.node.priceFor.amount) < Number(e.node.basePrice.amount))).toBe(true);
  });
});

describe('priceFor', () => {
  test('several customers in one request: each pays its own list price, else the base price', async () => {
    // one customer per list the seed assigns, and one with none (RETAIL)
    const customers = await sql<{ customer_id: string; price_list_id: string | null }>(
      stack,
      'products',
      `select distinct on (price_list_id) customer_id, price_list_id from products.customer_price_list order by price_list_id, customer_id`,
    );
    expect(customers.length).toBeGreaterThanOrEqual(2);
    const [retail] = await sql<{ id: string }>(stack, 'customers', `select id from customers.customer where id not in (${customers.map(() => '?').join(', ')}) and segment = 'RETAIL' limit 1`, customers.map((c) => c.customer_id));
    const asked = [...customers.map((c) => c.customer_id), retail.id];
    const aliases = asked.map((_, n) => `c${n}: priceFor(customerId: $c${n}) { amount }`).join(' ');
    const query = `query (${asked.map((_, n) => `$c${n}: ID!`).join(', ')}) { products(first: 100) { edges { node { id basePrice { amount } ${aliases} } } } }`;
    const variables = Object.fromEntries(asked.map((id, n) => [`c${n}`, id]));
    const answer = await postGraphQL<{ products: { edges: { node: Record<string, { amount: string } | string> }[] } }>(stack.gatewayUrl, query, variables, { token: admin });
    expect(answer.errors).toBeUndefined();
    const items = await sql<{ price_list_id: string; product_id: string; amount: string }>(stack, 'products', `select price_list_id, product_id, to_char(amount_minor / 100.0, 'FM999999990.00') as amount from products.price_list_item`);
    const listPrice = new Map(items.map((i) => [`${i.price_list_id}:${i.product_id}`, i.amount]));
    let discounted = 0;
    for (const { node } of answer.data!.products.edges) {
      const id = node.id as string;
      const base = (node.basePrice as { amount: string }).amount;
      asked.forEach((_, n) => {
        const list = customers[n]?.price_list_id;
        const expected = (list && listPrice.get(`${list}:${id}`)) ?? base;
        expect([id, n, (node[`c${n}`] as { amount: string }).amount]).toEqual([id, n, expected]);
        if (expected !== base) discounted++;
      });
    }
    expect(discounted).toBeGreaterThan(0);

    // a customer id in upper case is the same customer
    const discountedCustomer = customers.find((c) => c.price_list_id)!.customer_id;
    const cased = await postGraphQL<{ products: { edges: { node: { lower: { amount: string }; upper: { amount: string } } }[] } }>(
      stack.gatewayUrl,
      'query ($l: ID!, $u: ID!) { products(first: 100) { edges { node { lower: priceFor(customerId: $l) { amount } upper: priceFor(customerId: $u) { amount } } } } }',
      { l: discountedCustomer, u: discountedCustomer.toUpperCase() },
      { token: admin },
    );
    expect(cased.errors).toBeUndefined();
    expect(cased.data!.products.edges.map((e) => e.node.upper)).toEqual(cased.data!.products.edges.map((e) => e.node.lower));
  });
});

describe('pagination', () => {
  test('keyset pages neither skip nor repeat rows while rows are inserted between pages', async () => {
    const filter = { text: 'Drill' };
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let inserted = 0;
    for (let page = 0; page < 50; page++) {
      const data: ProductsPageQuery = await executeOk(stack.gatewayUrl, ProductsPageDocument, { filter, sort: 'NAME_ASC', first: 7, after }, { token: admin });
      seen.push(...data.products.edges.map((e) => e.node.sku));
      // new products that sort before and after the cursor arrive while the client pages
      for (const name of [`AAA Drill ${page}`, `zzz Drill ${page}`]) {
        await executeOk(stack.gatewayUrl, CreateProductDocument, { input: { sku: `PAGE-${inserted++}`, name, basePrice: { amount: '1', currency: 'EUR' } } }, { token: admin });
      }
      if (!data.products.pageInfo.hasNextPage) break;
      after = data.products.pageInfo.endCursor;
    }
    const originals = seen.filter((sku) => sku.startsWith('TG-'));
    expect(new Set(seen).size).toBe(seen.length);
    const expected = await countDrills();
    expect(originals).toHaveLength(expected);
    expect(seen.filter((sku) => sku.startsWith('PAGE-')).every(Boolean)).toBe(true);
  });

  async function countDrills(): Promise<number> {
    const rows = await stack.subgraphs.products.database.orm.em.getConnection().execute(`select count(*)::int as n from products.product where sku like 'TG-%' and name ilike '%drill%'`);
    return rows[0].n;
  }

  test('last/before pages backwards to the same rows', async () => {
    const forward = await executeOk(stack.gatewayUrl, ProductsPageDocument, { sort: 'PRICE_ASC', first: 10 }, { token: admin });
    const second = await executeOk(stack.gatewayUrl, ProductsPageDocument, { sort: 'PRICE_ASC', first: 10, after: forward.products.pageInfo.endCursor }, { token: admin });
    const back = await executeOk(stack.gatewayUrl, ProductsPageDocument, { sort: 'PRICE_ASC', last: 10, before: second.products.pageInfo.startCursor }, { token: admin });
    expect(back.products.edges.map((e) => e.node.id)).toEqual(forward.products.edges.map((e) => e.node.id));
    expect(back.products.pageInfo.hasPreviousPage).toBe(false);
  });

  test('a forged cursor and an oversized page are the client\'s errors', async () => {
    const forged = await execute(stack.gatewayUrl, ProductsPageDocument, { first: 10, after: 'garbage' }, { token: admin });
    expect(forged.errors?.[0]).toMatchObject({ message: 'Invalid input: after is not a cursor this API issued', extensions: { code: 'BAD_USER_INPUT' } });
    const huge = await execute(stack.gatewayUrl, ProductsPageDocument, { first: 500 }, { token: admin });
    expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('mutations', () => {
  test('validation errors name every bad field', async () => {
    const result = await execute(stack.gatewayUrl, CreateProductDocument, { input: { sku: ' bad sku', name: '', basePrice: { amount: '1.2.3', currency: 'EURO' } } }, { token: admin });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (result.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field);
    expect(new Set(fields)).toEqual(new Set(['sku', 'name', 'basePrice.amount', 'basePrice.currency']));
  });

  test('status moves go through the lifecycle and a forbidden one is INVALID_TRANSITION', async () => {
    const created = await executeOk(stack.gatewayUrl, CreateProductDocument, { input: { sku: 'LIFE-1', name: 'Level', basePrice: { amount: '15', currency: 'EUR' } } }, { token: admin });
    await executeOk(stack.gatewayUrl, PublishProductDocument, { id: created.createProduct.id }, { token: admin });
    await executeOk(stack.gatewayUrl, ArchiveProductDocument, { id: created.createProduct.id }, { token: admin });
    const forbidden = await execute(stack.gatewayUrl, PublishProductDocument, { id: created.createProduct.id }, { token: admin });
    expect(forbidden.errors?.[0]).toMatchObject({ message: 'Product cannot go from ARCHIVED to PUBLISHED (allowed: DRAFT)', extensions: { code: 'INVALID_TRANSITION' } });
    const history = await executeOk(stack.gatewayUrl, ProductByIdDocument, { id: created.createProduct.id }, { token: admin });
    expect(history.product?.statusHistory.map((h) => h.to)).toEqual(['DRAFT', 'PUBLISHED', 'ARCHIVED']);
    expect(history.product?.statusHistory.every((h) => h.actor === 'test-user')).toBe(true);
  });

  test('a service identity upserts a batch; repeating it changes nothing', async () => {
    const service = await stack.token('SERVICE', [], 'sync');
    const items = Array.from({ length: 100 }, (_, i) => ({ sku: `BULK-${i}`, name: `Bulk ${i}`, basePrice: { amount: '2.00', currency: 'EUR' }, status: 'PUBLISHED' as const }));
    const first = await executeOk(stack.gatewayUrl, UpsertProductsDocument, { items }, { token: service });
    expect(first.upsertProducts).toMatchObject({ created: 100, updated: 0, unchanged: 0, failed: 0 });
    const second = await executeOk(stack.gatewayUrl, UpsertProductsDocument, { items }, { token: service });
    expect(second.upsertProducts).toMatchObject({ created: 0, updated: 0, unchanged: 100, failed: 0 });
    expect(second.upsertProducts.items[0].product?.id).toBe(first.upsertProducts.items[0].product?.id);
  });

  test('a batch of 500 costs a fixed handful of SQL statements, and an item failing in the middle fails alone', async () => {
    const service = await stack.token('SERVICE', [], 'sync');
    const items = Array.from({ length: 500 }, (_, i) => ({ sku: `SET-${i}`, name: `Set ${i}`, basePrice: { amount: `${i + 1}.25`, currency: 'EUR' }, categorySlug: i === 250 ? 'no-such-category' : null }));
    const first = await countStatements(stack, (headers) => executeOk(stack.gatewayUrl, UpsertProductsDocument, { items }, { token: service, headers }));
    // begin, categories, existing products, insert products, insert history, commit (the unit-of-work version sent 8, and took 3× as long)
    expect(first.statements).toBeLessThanOrEqual(6);
    expect(first.result.upsertProducts).toMatchObject({ created: 499, failed: 1 });
    expect(first.result.upsertProducts.items[250]).toMatchObject({ index: 250, sku: 'SET-250', outcome: 'FAILED', product: null, error: 'categorySlug "no-such-category" is not a known category' });
    expect(first.result.upsertProducts.items[251]).toMatchObject({ index: 251, sku: 'SET-251', outcome: 'CREATED', error: null });

    items[7] = { ...items[7], name: 'Renamed' };
    const second = await countStatements(stack, (headers) => executeOk(stack.gatewayUrl, UpsertProductsDocument, { items }, { token: service, headers }));
    expect(second.statements).toBeLessThanOrEqual(7);
    expect(second.result.upsertProducts).toMatchObject({ created: 0, updated: 1, unchanged: 498, failed: 1 });
    expect(second.result.upsertProducts.items[7].product?.id).toBe(first.result.upsertProducts.items[7].product?.id);
  });
});

describe('who may see what', () => {
  test('email and phone are masked without customers:pii and shown with it', async () => {
    const { createCustomer } = await executeOk(
      stack.gatewayUrl,
      CreateCustomerDocument,
      { input: { code: 'PII-1', name: 'Private AG', email: 'jane@private.example', phone: '+49 30 1234567', creditLimit: { amount: '10', currency: 'EUR' } } },
      { token: admin },
    );
    const masked = await executeOk(stack.gatewayUrl, CustomerByIdDocument, { id: createCustomer.id }, { token: admin });
    expect(masked.customer).toMatchObject({ email: 'j***@private.example', phone: '***67' });
    const pii = await stack.token('ADMIN', ['customers:pii']);
    const clear = await executeOk(stack.gatewayUrl, CustomerByIdDocument, { id: createCustomer.id }, { token: pii });
    expect(clear.customer).toMatchObject({ email: 'jane@private.example', phone: '+49 30 1234567' });
  });

  test('partners see published products but no customers and no customer prices', async () => {
    const partner = await stack.token('PARTNER', [], 'partner-1');
    // Partners are served the public schema (no status to filter or read): they get exactly the PUBLISHED products.
    const { data } = await postGraphQL<{ products: { totalCount: number; edges: { node: { id: string } }[] } }>(stack.gatewayUrl, '{ products(first: 100) { totalCount edges { node { id } } } }', undefined, { token: partner });
    const page = data!;
    const published = await executeOk(stack.gatewayUrl, ProductsPageDocument, { first: 100, filter: { status: ['PUBLISHED'] } }, { token: admin });
    expect(page.products.edges.map((e) => e.node.id)).toEqual(published.products.edges.map((e) => e.node.id));
    expect(page.products.totalCount).toBe(published.products.totalCount);
    // Customers and customer prices are outside it: refused at validation, before any subgraph.
    const customers = await execute(stack.gatewayUrl, CustomersWithPriceListsDocument, { first: 1 }, { token: partner });
    expect(customers.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const prices = await execute(stack.gatewayUrl, ProductsWithCustomerPriceDocument, { customerId: stableId('customer', 'C-00003'), first: 1 }, { token: partner });
    expect(prices.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(prices.data).toBeUndefined();
  });

  test('an agent may read but not change the catalog', async () => {
    const agent = await stack.token('AGENT', [], 'agent-1');
    const denied = await execute(stack.gatewayUrl, CreateProductDocument, { input: { sku: 'AGENT-1', name: 'x', basePrice: { amount: '1', currency: 'EUR' } } }, { token: agent });
    expect(denied.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(denied.data).toBeNull();
  });

  test('anonymous callers get nothing; bad tokens are refused at the gateway with 401', async () => {
    const anonymous = await execute(stack.gatewayUrl, ProductsPageDocument, { first: 1 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await execute(stack.gatewayUrl, ProductsPageDocument, { first: 1 }, { token: `${admin}x` });
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]).toMatchObject({ message: 'Invalid credentials: the token is not valid', extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('a subgraph answers nothing to a request that skipped the gateway', async () => {
    const direct = await postGraphQL(stack.subgraphs.customers.url, '{ customers(first: 5) { edges { node { email } } } }');
    expect(direct.status).toBe(401);
    expect(direct.data).toBeUndefined();
    expect(direct.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const forged = await postGraphQL(stack.subgraphs.customers.url, '{ _entities(representations: [{__typename: "Customer", id: "x"}]) { __typename } }', undefined, {
      headers: { 'x-tradegraph-caller': admin },
    });
    expect(forged.status).toBe(401);
    const health = await fetch(stack.subgraphs.customers.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    const ready = await fetch(stack.subgraphs.customers.url.replace('/graphql', '/ready'));
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('limits and plumbing', () => {
  test('queries deeper or costlier than the limits are refused before planning', async () => {
    const deep = await postGraphQL(stack.gatewayUrl, '{ rootCategories { children { children { children { children { children { children { children { children { children { children { children { name } } } } } } } } } } } } }', undefined, { token: admin });
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]).toMatchObject({ message: 'Query depth 13 exceeds the limit of 12', extensions: { code: 'BAD_USER_INPUT' } });
    const costly = await postGraphQL(
      stack.gatewayUrl,
      '{ priceLists { prices(first: 100) { edges { node { product { name category { name children { name parent { name } } } } } } } } products(first: 100) { edges { node { name statusHistory { to actor } category { name } } } } }',
      undefined,
      { token: admin },
    );
    expect(costly.status).toBe(200);
    const page = (alias: string) => `${alias}: products(first: 100) { edges { node { name sku brand description category { name slug parent { name slug } } } } }`;
    const tooCostly = await postGraphQL(stack.gatewayUrl, `{ ${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map(page).join(' ')} }`, undefined, { token: admin });
    expect(tooCostly.status).toBe(400);
    expect(tooCostly.errors?.[0].message).toMatch(/^Query cost \d+ exceeds the limit of 10000; ask for smaller pages$/);
  });

  test('bad variables are BAD_USER_INPUT with HTTP 400, not server errors', async () => {
    const result = await postGraphQL(stack.gatewayUrl, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { code: 'X', nope: 1 } }, { token: admin });
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/Field "nope" is not defined by type "CreateCustomerInput"/);
  });

  test('an id that is not a UUID finds nothing instead of failing', async () => {
    const result = await execute(stack.gatewayUrl, ProductByIdDocument, { id: 'not-a-uuid' }, { token: admin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.product).toBeNull();
  });

  test('the request id is echoed, or made when the client sends none', async () => {
    const sent = await execute(stack.gatewayUrl, ProductsPageDocument, { first: 1 }, { token: admin, headers: { 'x-request-id': 'trace-me-123' } });
    expect(sent.headers.get('x-request-id')).toBe('trace-me-123');
    const made = await execute(stack.gatewayUrl, ProductsPageDocument, { first: 1 }, { token: admin });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
