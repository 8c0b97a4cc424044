/**
 * Bad input through the gateway: NUL bytes, dates that are not dates, money that cannot be a
 * price and forged cursors are the client's mistake (BAD_USER_INPUT naming the field), never an
 * INTERNAL error carrying SQL, a stack or a file path.
 */
import { postGraphQL, type GraphQLResponse } from './support/client';
import { createCustomer, createProduct } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
let customerId: string;
let agentId: string;
let visitId: string;
let productId: string;
let priceListId: string;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

const NUL = 'a\u0000b';
/** The same text as a GraphQL string literal: the escape is in the document, not a raw byte. */
const NUL_LITERAL = '"a\\u0000b"';

async function gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(stack.gatewayUrl, query, variables, { token: admin });
}

/** Nothing of the server's insides: no SQL, no stack frame, no file path. */
function expectNoInternals(response: GraphQLResponse<unknown>): void {
  const body = JSON.stringify({ data: response.data, errors: response.errors });
  expect(body).not.toMatch(/select |insert |update |from "|where "|\$\d/i);
  expect(body).not.toMatch(/\bat .+:\d+:\d+|\.(ts|js):\d+/);
  expect(body).not.toMatch(/\/(work|home|usr|tmp|node_modules)\//);
}

/** BAD_USER_INPUT whose `extensions.fields` name `field`. */
function expectBadInput(response: GraphQLResponse<unknown>, field: string): void {
  expectNoInternals(response);
  const error = response.errors?.[0];
  expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  const fields = ((error?.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field);
  expect(fields).toContain(field);
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'customers', 'orders', 'field-agents'] });
  admin = await stack.token('ADMIN');
  customerId = await createCustomer(stack, admin);
  productId = await createProduct(stack, admin);
  const territory = await gql<{ createTerritory: { id: string } }>('mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { id } }', { input: { code: unique('T'), name: 'Hygiene' } });
  const territoryId = territory.data!.createTerritory.id;
  const agent = await gql<{ createAgent: { id: string } }>('mutation($input: CreateAgentInput!) { createAgent(input: $input) { id } }', {
    input: { employeeId: unique('E'), name: 'Agent Hygiene', email: 'hygiene@example.com', territoryId, subject: unique('agent') },
  });
  agentId = agent.data!.createAgent.id;
  await gql('mutation($c: ID!, $t: ID!, $a: ID) { assignCustomer(customerId: $c, territoryId: $t, agentId: $a) { id } }', { c: customerId, t: territoryId, a: agentId });
  const visit = await gql<{ planVisit: { id: string } }>('mutation($input: PlanVisitInput!) { planVisit(input: $input) { id } }', {
    input: { agentId, customerId, type: 'SALES', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  visitId = visit.data!.planVisit.id;
  const list = await gql<{ createPriceList: { id: string } }>('mutation($input: CreatePriceListInput!) { createPriceList(input: $input) { id } }', { input: { name: unique('PL'), currency: 'EUR' } });
  priceListId = list.data!.createPriceList.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('NUL bytes in strings', () => {
  test('in a products text filter, as a variable and as an inline literal', async () => {
    expectBadInput(await gql('query($filter: ProductFilter) { products(filter: $filter) { totalCount } }', { filter: { text: NUL } }), 'filter.text');
    expectBadInput(await gql(`{ products(filter: { text: ${NUL_LITERAL} }) { totalCount } }`), 'filter.text');
  });

  test('in a customer name', async () => {
    const response = await gql('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: { code: unique('C'), name: NUL, creditLimit: { amount: '10', currency: 'EUR' } },
    });
    expectBadInput(response, 'input.name');
  });

  test('in a visit note and a cancel reason', async () => {
    const planned = await gql('mutation($input: PlanVisitInput!) { planVisit(input: $input) { id } }', {
      input: { agentId, customerId, type: 'SALES', scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), notes: NUL },
    });
    expectBadInput(planned, 'input.notes');
    expectBadInput(await gql(`mutation($id: ID!) { cancelVisit(id: $id, reason: ${NUL_LITERAL}) { id } }`, { id: visitId }), 'reason');
    expectBadInput(await gql('mutation($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id } }', { id: '00000000-0000-4000-8000-000000000000', reason: NUL }), 'reason');
  });

  test('a NUL inside a fragment\'s argument is found too', async () => {
    expectBadInput(await gql(`query { ...F } fragment F on Query { customers(filter: { text: ${NUL_LITERAL} }) { totalCount } }`), 'filter.text');
  });
});

describe('DateTime values', () => {
  const visitsQuery = 'query($filter: VisitFilter) { visits(filter: $filter) { totalCount } }';

  test.each([
    ['a day that does not exist', '2024-02-30T00:00:00Z'],
    ['text', 'not a date'],
    ['year 275760', '+275760-09-13T00:00:00.000Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
  ])('%s in a visits filter is BAD_USER_INPUT naming the field, as a variable and inline', async (_name, value) => {
    expectBadInput(await gql(visitsQuery, { filter: { from: value } }), 'filter.from');
    expectBadInput(await gql(`{ visits(filter: { to: ${JSON.stringify(value)} }) { totalCount } }`), 'filter.to');
  });

  test('a visit scheduled in year 1 is refused', async () => {
    const response = await gql('mutation($input: PlanVisitInput!) { planVisit(input: $input) { id } }', {
      input: { agentId, customerId, type: 'SALES', scheduledAt: '0001-01-01T00:00:00Z' },
    });
    expectBadInput(response, 'input.scheduledAt');
  });

  test('a real date inside the range still works', async () => {
    const response = await gql<{ visits: { totalCount: number } }>(visitsQuery, { filter: { from: '2000-02-29T00:00:00Z' } });
    expect(response.errors).toBeUndefined();
    expect(response.data?.visits.totalCount).toBeGreaterThanOrEqual(1);
  });
});

describe('money', () => {
  const createProductMutation = 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }';
  const product = (basePrice: { amount: string; currency: string }) => ({ input: { sku: unique('HYG'), name: 'Hygiene', basePrice } });

  test.each([
    ['a negative base price', { amount: '-1.00', currency: 'EUR' }, 'basePrice.amount'],
    ['a zero base price', { amount: '0', currency: 'EUR' }, 'basePrice.amount'],
    ['a lower-case currency', { amount: '1.00', currency: 'eur' }, 'basePrice.currency'],
    ['an unknown currency', { amount: '1.00', currency: 'XXX' }, 'basePrice.currency'],
  ])('createProduct with %s is BAD_USER_INPUT', async (_name, basePrice, field) => {
    expectBadInput(await gql(createProductMutation, product(basePrice)), field);
  });

  test('updateProduct to a zero or negative base price is BAD_USER_INPUT', async () => {
    const update = 'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }';
    expectBadInput(await gql(update, { id: productId, input: { basePrice: { amount: '0.00', currency: 'EUR' } } }), 'basePrice.amount');
    expectBadInput(await gql(update, { id: productId, input: { basePrice: { amount: '-5', currency: 'EUR' } } }), 'basePrice.amount');
  });

  test('a negative credit limit is refused, a zero one is allowed', async () => {
    const create = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id creditLimit { amount } } }';
    expectBadInput(await gql(create, { input: { code: unique('C'), name: 'Negative', creditLimit: { amount: '-100', currency: 'EUR' } } }), 'creditLimit.amount');
    const update = 'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }';
    expectBadInput(await gql(update, { id: customerId, input: { creditLimit: { amount: '-0.01', currency: 'EUR' } } }), 'creditLimit.amount');
    const zero = await gql<{ createCustomer: { creditLimit: { amount: string } } }>(create, { input: { code: unique('C'), name: 'Cash only', creditLimit: { amount: '0', currency: 'EUR' } } });
    expect(zero.errors).toBeUndefined();
    expect(zero.data?.createCustomer.creditLimit.amount).toBe('0.00');
  });

  test('price-list prices must be positive, and a price list\'s currency an ISO 4217 code', async () => {
    const set = 'mutation($input: SetPricesInput!) { setPriceListPrices(input: $input) { id } }';
    expectBadInput(await gql(set, { input: { priceListId, prices: [{ productId, price: { amount: '0', currency: 'EUR' } }] } }), 'prices.0.price.amount');
    expectBadInput(await gql(set, { input: { priceListId, prices: [{ productId, price: { amount: '-2', currency: 'EUR' } }] } }), 'prices.0.price.amount');
    const create = 'mutation($input: CreatePriceListInput!) { createPriceList(input: $input) { id } }';
    expectBadInput(await gql(create, { input: { name: unique('PL'), currency: 'eur' } }), 'currency');
    expectBadInput(await gql(create, { input: { name: unique('PL'), currency: 'XXX' } }), 'currency');
  });
});

describe('cursors', () => {
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const page = 'query($after: String, $sort: ProductSort!) { products(first: 2, after: $after, sort: $sort) { totalCount } }';

  test('a cursor with an id that is no UUID names `after`', async () => {
    expectBadInput(await gql(page, { after: cursor(['Drill', 'not-a-uuid']), sort: 'NAME_ASC' }), 'after');
  });

  test('a cursor with a NUL names `after`', async () => {
    expectBadInput(await gql(page, { after: cursor([NUL, '00000000-0000-4000-8000-000000000000']), sort: 'NAME_ASC' }), 'after');
  });

  test('a cursor whose value does not fit the sort is BAD_USER_INPUT without SQL', async () => {
    const response = await gql(page, { after: cursor(['not a date', '00000000-0000-4000-8000-000000000000']), sort: 'NEWEST' });
    expectNoInternals(response);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
