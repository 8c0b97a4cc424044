/**
 * Partial data when a subgraph is down: the fields it would have resolved are null, each with
 * an UNAVAILABLE error naming the subgraph and the path, and everything else still answers.
 * Real subgraphs through the gateway; the inventory subgraph is stopped, then started again.
 */
import type { GraphQLFormattedError } from 'graphql';
import { postGraphQL } from './support/client';
import { stockedProduct } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

const PRODUCTS_WITH_STOCK = '{ products(first: 2) { edges { node { sku name stock { onHand } stockLevels { onHand } } } } }';

interface ProductsWithStock {
  products: { edges: { node: { sku: string; name: string; stock: { onHand: number } | null; stockLevels: { onHand: number }[] | null } }[] };
}

let stack: TestStack;
let admin: string;
let productId: string;

/** The error as a client reads it: what it says, where, and whether to try again. */
const shape = (error: GraphQLFormattedError) => ({
  path: error.path,
  code: error.extensions?.code,
  serviceName: error.extensions?.serviceName,
  retryable: error.extensions?.retryable,
});

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory', 'sync'] });
  admin = await stack.token('ADMIN');
  ({ productId } = await stockedProduct(stack, admin, 5, '10.00', 'Partial drill'));
  await stockedProduct(stack, admin, 7, '12.00', 'Partial saw');
  await stack.stopSubgraph('inventory');
});

afterAll(() => stack?.stop());

test('with inventory down, products keep their names; stock is null with one UNAVAILABLE error per missing field', async () => {
  const result = await postGraphQL<ProductsWithStock>(stack.gatewayUrl, PRODUCTS_WITH_STOCK, undefined, { token: admin });
  expect(result.status).toBe(200);
  const nodes = result.data?.products.edges.map((e) => e.node);
  expect(nodes?.map((n) => n.name).sort()).toEqual(['Partial drill', 'Partial saw']);
  expect(nodes?.map((n) => [n.stock, n.stockLevels])).toEqual([[null, null], [null, null]]);
  const expected = [0, 1].flatMap((i) => ['stock', 'stockLevels'].map((field) => ({
    path: ['products', 'edges', i, 'node', field],
    code: 'UNAVAILABLE',
    serviceName: 'inventory',
    retryable: true,
  })));
  expect((result.errors ?? []).map(shape)).toEqual(expect.arrayContaining(expected));
  expect(result.errors).toHaveLength(expected.length);
  expect(JSON.stringify(result.errors)).not.toMatch(/fetch failed|INTERNAL/);
});

test('a root field of the down subgraph is null with UNAVAILABLE naming the subgraph, never "fetch failed"/INTERNAL', async () => {
  const result = await postGraphQL<{ warehouses: { code: string }[] }>(stack.gatewayUrl, '{ warehouses { code } }', undefined, { token: admin });
  expect(result.data).toBeNull();
  expect((result.errors ?? []).map(shape)).toEqual([{ path: ['warehouses'], code: 'UNAVAILABLE', serviceName: 'inventory', retryable: true }]);
  expect(JSON.stringify(result.errors)).not.toMatch(/fetch failed|INTERNAL/);
});

test('once inventory is back, the same query answers in full', async () => {
  await stack.restart('inventory');
  const result = await postGraphQL<ProductsWithStock>(stack.gatewayUrl, PRODUCTS_WITH_STOCK, undefined, { token: admin });
  expect(result.errors).toBeUndefined();
  const stock = result.data?.products.edges.map((e) => [e.node.name, e.node.stock?.onHand, e.node.stockLevels?.map((l) => l.onHand)]);
  expect(stock?.sort()).toEqual([['Partial drill', 5, [5]], ['Partial saw', 7, [7]]]);
});

test('with sync down, a product keeps its fields; externalRefs and syncState are null with UNAVAILABLE from sync', async () => {
  await stack.stopSubgraph('sync');
  try {
    const result = await postGraphQL<{ product: { name: string; stock: { onHand: number } | null; externalRefs: unknown[] | null; syncState: unknown } | null }>(
      stack.gatewayUrl, `{ product(id: "${productId}") { name stock { onHand } externalRefs { system } syncState { status } } }`, undefined, { token: admin });
    expect(result.data?.product).toEqual({ name: 'Partial drill', stock: { onHand: 5 }, externalRefs: null, syncState: null });
    expect((result.errors ?? []).map(shape)).toEqual(expect.arrayContaining(['externalRefs', 'syncState'].map((field) => ({
      path: ['product', field], code: 'UNAVAILABLE', serviceName: 'sync', retryable: true,
    }))));
    expect(result.errors).toHaveLength(2);
  } finally {
    await stack.restart('sync');
  }
});
