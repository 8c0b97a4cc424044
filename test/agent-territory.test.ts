/**
 * A field agent sees and acts on the orders (and prices) of its own territory's customers
 * only, by every path: lists, lookups, nested connections, references, placement, prices and
 * subscriptions. Two agents in two territories, real tokens, through the gateway.
 */
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { postGraphQL } from './support/client';
import { createProduct, createWarehouse, receive } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';

let stack: TestStack;
let admin: string;
let agentAToken: string; // territory A
let agentBToken: string; // territory B
let agentA: string;
let territoryA: string;
let territoryB: string;
let customerA: string; // territory A
let customerB: string; // territory B
let customerMoved: string; // territory A when agent A placed its order and planned its visit, then moved to B
let productId: string;
let orderA: { id: string; number: string };
let orderB: { id: string; number: string };
let orderMoved: { id: string; number: string };
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const clients: { dispose(): void | Promise<void> }[] = [];

type Errors = readonly GraphQLFormattedError[] | undefined;
const codes = (errors: Errors) => (errors ?? []).map((e) => e.extensions?.code);

async function call<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<{ data?: T | null; errors?: Errors }> {
  const { data, errors } = await postGraphQL<T>(stack.gatewayUrl, query, variables, { token });
  return { data, errors };
}
async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token = admin): Promise<T> {
  const result = await call<T>(query, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const PLACE = 'mutation ($i: PlaceOrderInput!, $k: String!) { placeOrder(input: $i, idempotencyKey: $k) { id number } }';
const place = (customerId: string, token = admin) =>
  call<{ placeOrder: { id: string; number: string } }>(PLACE, { i: { customerId, lines: [{ productId, quantity: 1 }] }, k: randomUUID() }, token);
const assign = (c: string, t: string, a: string | null) =>
  ok('mutation ($c: ID!, $t: ID!, $a: ID) { assignCustomer(customerId: $c, territoryId: $t, agentId: $a) { id } }', { c, t, a });
const reserved = async () => (await ok<{ product: { stock: { reserved: number } } }>('query ($id: ID!) { product(id: $id) { stock { reserved } } }', { id: productId })).product.stock.reserved;

const ORDERS = 'query ($f: OrderFilter) { orders(filter: $f, first: 100) { totalCount edges { node { id number customer { id } } } } }';
const listOrders = async (token: string, filter: Record<string, unknown> | null = null) =>
  (await ok<{ orders: { totalCount: number; edges: { node: { id: string; number: string; customer: { id: string } | null } }[] } }>(ORDERS, { f: filter }, token)).orders;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('ADMIN', ['customers:pii']);
  agentAToken = await stack.token('AGENT', [], 'terr-agent-a');
  agentBToken = await stack.token('AGENT', [], 'terr-agent-b');
  const territory = async (name: string) => (await ok<{ createTerritory: { id: string } }>('mutation ($i: CreateTerritoryInput!) { createTerritory(input: $i) { id } }', { i: { code: unique('T'), name } })).createTerritory.id;
  const agent = async (territoryId: string, subject: string) =>
    (await ok<{ createAgent: { id: string } }>('mutation ($i: CreateAgentInput!) { createAgent(input: $i) { id } }', { i: { employeeId: unique('E'), name: subject, email: `${subject}@example.com`, territoryId, subject } })).createAgent.id;
  const customer = async (name: string) =>
    (await ok<{ createCustomer: { id: string } }>('mutation ($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', { i: { code: unique('TC'), name, creditLimit: { amount: '100000', currency: 'EUR' } } })).createCustomer.id;

  territoryA = await territory('North');
  territoryB = await territory('South');
  agentA = await agent(territoryA, 'terr-agent-a');
  const agentB = await agent(territoryB, 'terr-agent-b');
  customerA = await customer('North Hardware');
  customerB = await customer('South Secret Trading');
  customerMoved = await customer('Moving Supplies');
  await assign(customerA, territoryA, agentA);
  await assign(customerB, territoryB, agentB);
  await assign(customerMoved, territoryA, agentA);

  productId = await createProduct(stack, admin, '10.00', 'Territory drill');
  await receive(stack, admin, productId, await createWarehouse(stack, admin), 100);
  const { createPriceList } = await ok<{ createPriceList: { id: string } }>('mutation ($i: CreatePriceListInput!) { createPriceList(input: $i) { id } }', { i: { name: unique('Secret deal'), currency: 'EUR' } });
  await ok('mutation ($i: SetPricesInput!) { setPriceListPrices(input: $i) { id } }', { i: { priceListId: createPriceList.id, prices: [{ productId, price: { amount: '7.00', currency: 'EUR' } }] } });
  for (const c of [customerB, customerMoved]) await ok('mutation ($c: ID!, $p: ID!) { assignPriceList(customerId: $c, priceListId: $p) { id } }', { c, p: createPriceList.id });

  orderA = (await place(customerA)).data!.placeOrder;
  orderB = (await place(customerB)).data!.placeOrder;
  const moved = await place(customerMoved, agentAToken);
  if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  orderMoved = moved.data!.placeOrder;
  await ok('mutation ($i: PlanVisitInput!) { planVisit(input: $i) { id } }', { i: { customerId: customerMoved, type: 'SALES', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() } }, agentAToken);
  await assign(customerMoved, territoryB, agentB);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

describe('orders by territory', () => {
  test('orders(): an agent lists its own territory\'s orders only; another territory\'s customerId gives an empty page', async () => {
    const all = await listOrders(admin);
    expect(all.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([orderA.id, orderB.id, orderMoved.id]));

    const mine = await listOrders(agentAToken);
    expect(mine.edges.map((e) => e.node.id)).toEqual([orderA.id]);
    expect(mine.totalCount).toBe(1);
    const theirs = await listOrders(agentAToken, { customerId: customerB });
    expect(theirs).toEqual({ totalCount: 0, edges: [] });
    expect((await listOrders(agentBToken)).edges.map((e) => e.node.id).sort()).toEqual([orderB.id, orderMoved.id].sort());
  });

  test('order(id), orderByNumber and statusHistory: another territory\'s order is null, like an unknown one', async () => {
    const byId = 'query ($id: ID!) { order(id: $id) { number statusHistory { to } lines { quantity } } }';
    const byNumber = 'query ($n: String!) { orderByNumber(number: $n) { id total { amount } } }';
    expect((await ok(byId, { id: orderA.id }, agentAToken)).order).toMatchObject({ number: orderA.number, statusHistory: [{ to: 'PENDING' }] });
    for (const order of [orderB, orderMoved]) {
      const other = await call(byId, { id: order.id }, agentAToken);
      expect(other).toEqual({ data: { order: null } });
      expect(await call(byNumber, { n: order.number }, agentAToken)).toEqual({ data: { orderByNumber: null } });
    }
    expect((await ok(byNumber, { n: orderB.number }, agentBToken)).orderByNumber).toMatchObject({ id: orderB.id });
  });

  test('an AGENT token whose subject has no agent record sees no orders', async () => {
    const stranger = await stack.token('AGENT', [], 'no-such-agent');
    expect(await listOrders(stranger)).toEqual({ totalCount: 0, edges: [] });
    expect(await call('query ($id: ID!) { order(id: $id) { id } }', { id: orderA.id }, stranger)).toEqual({ data: { order: null } });
    const refused = await place(customerA, stranger);
    expect(codes(refused.errors)).toEqual(['FORBIDDEN']);
  });

  test('an agent\'s view of orders matches its view of customers', async () => {
    for (const token of [agentAToken, agentBToken]) {
      const { customers } = await ok<{ customers: { edges: { node: { id: string; orders: { edges: { node: { id: string } }[] } } }[] } }>(
        '{ customers(first: 20) { edges { node { id orders(first: 20) { edges { node { id } } } } } } }',
        {},
        token,
      );
      const visible = new Set(customers.edges.map((e) => e.node.id));
      const orders = await listOrders(token);
      expect(orders.edges.length).toBeGreaterThan(0);
      for (const { node } of orders.edges) {
        expect(node.customer).not.toBeNull();
        expect(visible.has(node.customer!.id)).toBe(true);
      }
      const viaCustomers = customers.edges.flatMap((e) => e.node.orders.edges.map((o) => o.node.id)).sort();
      expect(viaCustomers).toEqual(orders.edges.map((e) => e.node.id).sort());
    }
  });

  test('FieldAgent.orders and sales count only the orders the agent may still see', async () => {
    const query = 'query ($id: ID!, $from: DateTime!, $to: DateTime!) { agent(id: $id) { orders(first: 10) { totalCount edges { node { id } } } sales(from: $from, to: $to) { orderCount } } }';
    const vars = { id: agentA, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    const staff = (await ok(query, vars)).agent;
    expect(staff).toMatchObject({ orders: { totalCount: 1, edges: [{ node: { id: orderMoved.id } }] }, sales: { orderCount: 1 } });
    const own = (await ok(query, vars, agentAToken)).agent;
    expect(own).toEqual({ orders: { totalCount: 0, edges: [] }, sales: { orderCount: 0 } });
  });
});

describe('references to a customer the agent may not see', () => {
  test('Visit.customer, Customer.orders and Customer.priceList are null with FORBIDDEN at their path; the rest survives', async () => {
    const result = await call<{ visits: { edges: { node: { status: string; customer: unknown } }[] } }>(
      '{ visits(first: 10) { edges { node { status customer { id name } } } } }',
      {},
      agentAToken,
    );
    expect(result.data?.visits.edges).toEqual([{ node: { status: 'PLANNED', customer: null } }]);
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['visits', 'edges', 0, 'node', 'customer'], 'FORBIDDEN']]);

    // only the key from field-agents: the orders and products subgraphs must refuse on their own
    const nested = await call<{ visits: { edges: { node: { customer: { id: string; orders: unknown; priceList: unknown } } }[] } }>(
      '{ visits(first: 10) { edges { node { customer { id orders(first: 10) { totalCount edges { node { number } } } priceList { name } } } } } }',
      {},
      agentAToken,
    );
    expect(nested.data?.visits.edges[0].node.customer).toEqual({ id: customerMoved, orders: null, priceList: null });
    expect(nested.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['visits.edges.0.node.customer.orders', 'FORBIDDEN'],
      ['visits.edges.0.node.customer.priceList', 'FORBIDDEN'],
    ]);
    expect(JSON.stringify(nested)).not.toContain(orderMoved.number);
    expect(JSON.stringify(nested)).not.toContain('Secret deal');
  });

  test('Order.customer, OrderLine.product and Visit.customer may be null (a reference the caller may not see)', async () => {
    const field = async (type: string, name: string) => {
      const { __type } = await ok<{ __type: { fields: { name: string; type: { kind: string } }[] } }>('query ($t: String!) { __type(name: $t) { fields { name type { kind } } } }', { t: type });
      return __type.fields.find((f) => f.name === name)!.type.kind;
    };
    expect(await field('Order', 'customer')).toBe('OBJECT');
    expect(await field('OrderLine', 'product')).toBe('OBJECT');
    expect(await field('Visit', 'customer')).toBe('OBJECT');
    expect(await field('Customer', 'orders')).toBe('OBJECT');
    expect(await field('Product', 'priceFor')).toBe('OBJECT');
  });
});

describe('acting outside the territory', () => {
  test('placeOrder for another territory\'s customer is FORBIDDEN before anything is reserved', async () => {
    const before = await reserved();
    const refused = await place(customerB, agentAToken);
    expect(refused.data ?? null).toBeNull();
    expect(codes(refused.errors)).toEqual(['FORBIDDEN']);
    expect(await reserved()).toBe(before);
    expect((await listOrders(admin, { customerId: customerB })).totalCount).toBe(1);

    const own = await place(customerA, agentAToken);
    expect(own.errors).toBeUndefined();
    expect(await reserved()).toBe(before + 1);
    await ok('mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id: own.data!.placeOrder.id });
  });

  test('priceFor(customerId) of another territory\'s customer is null with FORBIDDEN; the product survives', async () => {
    const query = 'query ($ids: [ID!], $c: ID!) { products(filter: { ids: $ids }, first: 1) { edges { node { id priceFor(customerId: $c) { amount } } } } }';
    const own = await ok(query, { ids: [productId], c: customerA }, agentAToken);
    expect(own.products.edges).toEqual([{ node: { id: productId, priceFor: { amount: '10.00' } } }]);
    const other = await call<{ products: { edges: unknown[] } }>(query, { ids: [productId], c: customerB }, agentAToken);
    expect(other.data?.products.edges).toEqual([{ node: { id: productId, priceFor: null } }]);
    expect(other.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['products.edges.0.node.priceFor', 'FORBIDDEN']]);
    expect(JSON.stringify(other)).not.toContain('7.00');
    expect((await ok(query, { ids: [productId], c: customerB }, agentBToken)).products.edges[0].node.priceFor).toEqual({ amount: '7.00' });
  });
});

describe('orderStatusChanged', () => {
  test('an agent cannot follow another territory\'s customer or order, and receives none of its events', async () => {
    const client = wsClient(stack.gatewayUrl, agentAToken);
    clients.push(client);
    const SUB = 'subscription ($c: ID, $o: ID) { orderStatusChanged(customerId: $c, orderId: $o) { id number status } }';
    const theirs = collect<{ orderStatusChanged: { id: string } }>(client, SUB, { c: customerB });
    const theirOrder = collect<{ orderStatusChanged: { id: string } }>(client, SUB, { o: orderB.id });
    const mine = collect<{ orderStatusChanged: { id: string; status: string } }>(client, SUB, { c: customerA });
    // Neither argument: every order the caller may see, which for an agent is its territory's.
    const everything = collect<{ orderStatusChanged: { id: string; status: string } }>(client, SUB, {});
    try {
      await eventually(() => stack.gateway.subscriptions.stats().groups >= 1);
      await new Promise((r) => setTimeout(r, 300)); // the upstream subscriptions are being opened
      await ok('mutation ($id: ID!) { startProcessingOrder(id: $id) { id } }', { id: orderB.id });
      await ok('mutation ($id: ID!) { startProcessingOrder(id: $id) { id } }', { id: orderA.id });
      const [event] = await mine.waitFor(1);
      expect(event.data?.orderStatusChanged).toMatchObject({ id: orderA.id, status: 'PROCESSING' });
      const [seen] = await everything.waitFor(1);
      expect(seen.data?.orderStatusChanged).toMatchObject({ id: orderA.id, status: 'PROCESSING' });
      expect(everything.results).toHaveLength(1);
      for (const refused of [theirs, theirOrder]) {
        expect(refused.results.filter((r) => r.data?.orderStatusChanged)).toEqual([]);
        expect(refused.results.flatMap((r) => codes(r.errors))).toEqual(['FORBIDDEN']);
      }
      expect(JSON.stringify([theirs.results, theirOrder.results, everything.results])).not.toContain(orderB.number);
    } finally {
      everything.stop();
      theirs.stop();
      theirOrder.stop();
      mine.stop();
    }
  });
});

describe('when field-agents is down', () => {
  test('an agent gets UNAVAILABLE, never everything', async () => {
    await stack.stopSubgraph('field-agents');
    try {
      const result = await call(ORDERS, { f: null }, agentAToken);
      expect(result.data ?? null).toBeNull();
      expect(codes(result.errors)).toContain('UNAVAILABLE');
      expect(JSON.stringify(result)).not.toContain(orderB.id);
    } finally {
      await stack.restart('field-agents');
    }
  });
});
