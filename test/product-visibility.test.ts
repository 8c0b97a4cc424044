/**
 * Products reached by reference obey the catalog's visibility: a caller who may read only
 * PUBLISHED products (AGENT, PARTNER) gets null and a FORBIDDEN error where a DRAFT or ARCHIVED
 * product would be, and the rest of the response is still there. Through the gateway with real
 * tokens, and straight to the products subgraph's `_entities` with a signed caller context.
 */
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { CALLER_HEADER, CallerSigner, type Caller, type Role } from '@tradegraph/kit';
import { ArchiveProductDocument, AssignPriceListDocument, CreatePriceListDocument, CreateProductDocument, PublishProductDocument, SetPriceListPricesDocument } from '../operations/__generated__/graphql';
import { executeOk, postGraphQL } from './support/client';
import { createProduct, createWarehouse, receive } from './support/fixtures';
import { startStack, TEST_CALLER_SECRET, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';

let stack: TestStack;
let admin: string;
let agent: string;
let warehouse: string;
let published: string;
let draft: string;
let archived: string;
const clients: { dispose(): void | Promise<void> }[] = [];

const sku = () => `VIS-${randomUUID().slice(0, 8)}`;

async function createDraft(name: string): Promise<string> {
  const { createProduct: created } = await executeOk(stack.gatewayUrl, CreateProductDocument, { input: { sku: sku(), name, basePrice: { amount: '99.00', currency: 'EUR' } } }, { token: admin });
  return created.id;
}

async function setPolicy(productId: string, reorderPoint: number): Promise<void> {
  const result = await postGraphQL(
    stack.gatewayUrl,
    'mutation ($input: StockPolicyInput!) { setStockPolicy(input: $input) { id } }',
    { input: { productId, warehouseId: warehouse, safetyStock: 0, reorderPoint } },
    { token: admin },
  );
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory'] });
  admin = await stack.token('ADMIN');
  agent = await stack.token('AGENT', [], 'agent-visibility');
  warehouse = await createWarehouse(stack, admin);
  published = await createProduct(stack, admin, '5.00', 'Published drill');
  draft = await createDraft('Secret draft drill');
  archived = await createDraft('Secret archived drill');
  await executeOk(stack.gatewayUrl, PublishProductDocument, { id: archived }, { token: admin });
  await executeOk(stack.gatewayUrl, ArchiveProductDocument, { id: archived }, { token: admin });
  for (const id of [published, draft, archived]) {
    await receive(stack, admin, id, warehouse, 3);
    await setPolicy(id, 10); // every level is low
  }
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

interface Level {
  productId: string;
  available: number;
  warehouse: { id: string };
  product: { id: string; name: string; basePrice: { amount: string } } | null;
}
interface Page {
  edges: { node: Level }[];
}

const LEVEL = 'productId available warehouse { id } product { id name basePrice { amount } }';

/** Index of the level of `productId` in a page, and the error at that level's product. */
function levelOf(page: Page, productId: string): number {
  const index = page.edges.findIndex((e) => e.node.productId === productId);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

function expectHidden(errors: readonly GraphQLFormattedError[] | undefined, path: (string | number)[], level: Level) {
  expect(level.product).toBeNull();
  expect(level.available).toBe(3);
  expect(level.warehouse).toEqual({ id: warehouse });
  const error = errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
  expect(error).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
}

describe('a catalog reader that sees only published products', () => {
  test('warehouse stock levels: a draft and an archived product are null with FORBIDDEN at their path; the rest survives', async () => {
    const result = await postGraphQL<{ warehouse: { id: string; stockLevels: Page } }>(
      stack.gatewayUrl,
      `query ($id: ID!) { warehouse(id: $id) { id stockLevels(first: 50) { edges { node { ${LEVEL} } } } } }`,
      { id: warehouse },
      { token: agent },
    );
    expect(result.status).toBe(200);
    const page = result.data!.warehouse.stockLevels;
    expect(page.edges).toHaveLength(3);
    for (const hidden of [draft, archived]) {
      const i = levelOf(page, hidden);
      expectHidden(result.errors, ['warehouse', 'stockLevels', 'edges', i, 'node', 'product'], page.edges[i].node);
    }
    const visible = page.edges[levelOf(page, published)].node;
    expect(visible.product).toEqual({ id: published, name: 'Published drill', basePrice: { amount: '5.00' } });
    expect(result.errors).toHaveLength(2);
    expect(JSON.stringify(result)).not.toContain('Secret');

    // the same rule as the agent's lookups: product(id) is null, products() leaves them out
    const lookups = await postGraphQL(
      stack.gatewayUrl,
      'query ($d: ID!, $a: ID!, $p: ID!) { d: product(id: $d) { name } a: product(id: $a) { name } p: product(id: $p) { id } list: products(filter: { ids: [$d, $a, $p] }) { edges { node { id } } } }',
      { d: draft, a: archived, p: published },
      { token: agent },
    );
    expect(lookups).toMatchObject({ data: { d: null, a: null, p: { id: published }, list: { edges: [{ node: { id: published } }] } } });
    expect(lookups.errors).toBeUndefined();
  });

  test('lowStock: the same, and no name or price of a hidden product anywhere in the response', async () => {
    const result = await postGraphQL<{ lowStock: Page }>(
      stack.gatewayUrl,
      `query ($w: ID!) { lowStock(warehouseId: $w, first: 50) { edges { node { ${LEVEL} } } } }`,
      { w: warehouse },
      { token: agent },
    );
    const page = result.data!.lowStock;
    for (const hidden of [draft, archived]) {
      const i = levelOf(page, hidden);
      expectHidden(result.errors, ['lowStock', 'edges', i, 'node', 'product'], page.edges[i].node);
    }
    expect(page.edges[levelOf(page, published)].node.product?.name).toBe('Published drill');
    expect(JSON.stringify(result)).not.toMatch(/Secret|99\.00/);
  });

  test('ADMIN sees the draft and the archived product by every path where the agent gets FORBIDDEN', async () => {
    const asAgent = await postGraphQL(stack.gatewayUrl, `query ($id: ID!) { lowStock(warehouseId: $id, first: 50) { edges { node { ${LEVEL} } } } }`, { id: warehouse }, { token: agent });
    expect(asAgent.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const result = await postGraphQL<{ warehouse: { stockLevels: Page }; lowStock: Page }>(
      stack.gatewayUrl,
      `query ($id: ID!) { warehouse(id: $id) { stockLevels(first: 50) { edges { node { ${LEVEL} } } } } lowStock(warehouseId: $id, first: 50) { edges { node { ${LEVEL} } } } }`,
      { id: warehouse },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    for (const page of [result.data!.warehouse.stockLevels, result.data!.lowStock]) {
      expect(page.edges[levelOf(page, draft)].node.product).toEqual({ id: draft, name: 'Secret draft drill', basePrice: { amount: '99.00' } });
      expect(page.edges[levelOf(page, archived)].node.product?.name).toBe('Secret archived drill');
    }
  });

  test('fields other subgraphs add below a hidden product (stock, stock.byWarehouse.product) leak nothing of it', async () => {
    const result = await postGraphQL<{ warehouse: { stockLevels: Page } }>(
      stack.gatewayUrl,
      `query ($id: ID!) { warehouse(id: $id) { stockLevels(first: 50) { edges { node { productId available warehouse { id } product { id name basePrice { amount } stock { available byWarehouse { product { name } } } } } } } } }`,
      { id: warehouse },
      { token: agent },
    );
    const page = result.data!.warehouse.stockLevels;
    const i = levelOf(page, draft);
    expectHidden(result.errors, ['warehouse', 'stockLevels', 'edges', i, 'node', 'product'], page.edges[i].node);
    expect(JSON.stringify(result)).not.toContain('Secret');
  });

  test('a price list\'s items: the hidden product is null with FORBIDDEN, its price and the other items stay', async () => {
    const { createPriceList } = await executeOk(stack.gatewayUrl, CreatePriceListDocument, { input: { name: `VIS ${sku()}`, currency: 'EUR' } }, { token: admin });
    const prices = [published, draft].map((productId) => ({ productId, price: { amount: '4.00', currency: 'EUR' } }));
    await executeOk(stack.gatewayUrl, SetPriceListPricesDocument, { input: { priceListId: createPriceList.id, prices } }, { token: admin });
    const result = await postGraphQL<{ priceList: { prices: { edges: { node: { price: { amount: string }; product: { id: string; name: string } | null } }[] } } }>(
      stack.gatewayUrl,
      'query ($id: ID!) { priceList(id: $id) { prices(first: 10) { edges { node { price { amount } product { id name } } } } } }',
      { id: createPriceList.id },
      { token: agent },
    );
    const edges = result.data!.priceList.prices.edges;
    expect(edges.map((e) => e.node.price.amount)).toEqual(['4.00', '4.00']);
    const i = edges.findIndex((e) => e.node.product === null);
    expect(edges[1 - i].node.product).toEqual({ id: published, name: 'Published drill' });
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['priceList', 'prices', 'edges', i, 'node', 'product'], 'FORBIDDEN']]);
    expect(JSON.stringify(result)).not.toContain('Secret');
  });

  test('a price list\'s customers are staff\'s and sync\'s: an agent, who sees only its territory\'s customers, gets FORBIDDEN and no id', async () => {
    const { createPriceList } = await executeOk(stack.gatewayUrl, CreatePriceListDocument, { input: { name: `VIS ${sku()}`, currency: 'EUR' } }, { token: admin });
    const customerId = randomUUID();
    await executeOk(stack.gatewayUrl, AssignPriceListDocument, { customerId, priceListId: createPriceList.id }, { token: admin });
    const query = 'query ($id: ID!) { priceList(id: $id) { id customerIds } }';
    const byAgent = await postGraphQL<{ priceList: { customerIds: string[] } | null }>(stack.gatewayUrl, query, { id: createPriceList.id }, { token: agent });
    expect(byAgent.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['priceList', 'customerIds'], 'FORBIDDEN']]);
    expect(JSON.stringify(byAgent)).not.toContain(customerId);
    const byAdmin = await postGraphQL<{ priceList: { customerIds: string[] } }>(stack.gatewayUrl, query, { id: createPriceList.id }, { token: admin });
    expect(byAdmin.data?.priceList.customerIds).toEqual([customerId]);
  });

  test('stockChanged over graphql-ws: the event arrives with product null and FORBIDDEN at its path', async () => {
    const client = wsClient(stack.gatewayUrl, agent);
    clients.push(client);
    const sub = collect<{ stockChanged: Level }>(client, `subscription ($ids: [ID!]) { stockChanged(productIds: $ids) { ${LEVEL} } }`, { ids: [draft, published] });
    try {
      await eventually(() => stack.gateway.subscriptions.stats().groups > 0);
      await new Promise((r) => setTimeout(r, 200)); // the upstream subscription is being opened
      await receive(stack, admin, draft, warehouse, 1);
      await receive(stack, admin, published, warehouse, 1);
      const [hidden, visible] = await sub.waitFor(2);
      expect(hidden.data?.stockChanged).toMatchObject({ productId: draft, available: 4, warehouse: { id: warehouse }, product: null });
      expect(hidden.errors).toEqual([expect.objectContaining({ path: ['stockChanged', 'product'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
      expect(JSON.stringify(hidden)).not.toContain('Secret');
      expect(visible.errors).toBeUndefined();
      expect(visible.data?.stockChanged.product?.name).toBe('Published drill');
    } finally {
      sub.stop();
    }
  });
});

describe('_entities on the products subgraph', () => {
  const signer = new CallerSigner(TEST_CALLER_SECRET);
  const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id name status basePrice { amount } } } }';

  async function entities(caller: Caller, ids: string[], requestId = randomUUID()) {
    const response = await fetch(stack.subgraphs.products.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: await signer.sign(caller, requestId) },
      body: JSON.stringify({ query: ENTITIES, variables: { r: ids.map((id) => ({ __typename: 'Product', id })) } }),
    });
    return (await response.json()) as { data: { _entities: ({ id: string; name: string } | null)[] }; errors?: GraphQLFormattedError[] };
  }

  test.each(['AGENT', 'PARTNER'] as Role[])('refuses drafts and archived products to %s with FORBIDDEN, in one batch; catalog staff get them', async (role) => {
    const requestId = randomUUID();
    const body = await entities({ subject: `${role}-1`, roles: [role], scopes: [] }, [draft, published, archived, published], requestId);
    expect(body.data._entities.map((e) => e?.name ?? null)).toEqual([null, 'Published drill', null, 'Published drill']);
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['_entities', 0], 'FORBIDDEN'],
      [['_entities', 2], 'FORBIDDEN'],
    ]);
    expect(JSON.stringify(body)).not.toContain('Secret');
    expect(stack.subgraphs.products.database.statementsFor(requestId)).toBe(1); // one lookup for all four references
    for (const staff of ['ADMIN', 'SERVICE'] as Role[]) {
      const asStaff = await entities({ subject: 'staff', roles: [staff], scopes: [] }, [draft, archived]);
      expect(asStaff.errors).toBeUndefined();
      expect(asStaff.data._entities.map((e) => e?.name)).toEqual(['Secret draft drill', 'Secret archived drill']);
    }
  });

  test('an anonymous caller gets no product at all, with UNAUTHENTICATED (as product(id) answers it)', async () => {
    const body = await entities({ subject: null, roles: [], scopes: [] }, [draft, published]);
    expect(body.data._entities).toEqual([null, null]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['_entities', 0], 'UNAUTHENTICATED'],
      [['_entities', 1], 'UNAUTHENTICATED'],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Secret|Published drill/);
  });
});
