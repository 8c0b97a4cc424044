/**
 * Credit control: placeOrder refuses what would take a customer past its credit limit
 * (CREDIT_LIMIT_EXCEEDED), a MANAGER or ADMIN may override it (recorded on the order), many
 * orders at once cannot jointly exceed it, and Customer.credit shows limit, exposure and what is
 * available, batched and authorized. Real subgraphs, real PostgreSQL, through the gateway.
 */
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { CALLER_HEADER, CallerSigner, type Caller } from '@tradegraph/kit';
import {
  CancelOrderDocument,
  CompleteOrderDocument,
  CreateCustomerDocument,
  CustomerCreditDocument,
  CustomersCreditDocument,
  OrderCreditOverrideDocument,
  PlaceOrderOnCreditDocument,
  RecordPaymentDocument,
  RefundOrderDocument,
  StartProcessingOrderDocument,
} from '../operations/__generated__/graphql';
import { execute, executeOk, postGraphQL } from './support/client';
import { createProduct, createWarehouse, receive, sql } from './support/fixtures';
import { startStack, TEST_CALLER_SECRET, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
let manager: string;
let creditAdmin: string;
let agent: string;
let service: string;
let territory: string; // credit-agent's
let productId: string; // 10.00 EUR, so one piece is 11.90 with the default 19 % tax
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

const codes = (errors: readonly GraphQLFormattedError[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

async function customer(limit: string, currency = 'EUR'): Promise<string> {
  const { createCustomer } = await executeOk(stack.gatewayUrl, CreateCustomerDocument, { input: { code: unique('CR'), name: `Credit ${limit}`, creditLimit: { amount: limit, currency } } }, { token: admin });
  return createCustomer.id;
}

const place = (customerId: string, quantity: number, options: { token?: string; reason?: string; key?: string; product?: string } = {}) =>
  execute(
    stack.gatewayUrl,
    PlaceOrderOnCreditDocument,
    { input: { customerId, lines: [{ productId: options.product ?? productId, quantity }], ...(options.reason ? { creditOverride: { reason: options.reason } } : {}) }, idempotencyKey: options.key ?? randomUUID() },
    { token: options.token ?? admin },
  );

async function placeOk(customerId: string, quantity: number, options: { token?: string; reason?: string; product?: string } = {}) {
  const result = await place(customerId, quantity, options);
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.placeOrder;
}

/** The exposure as the order's write statement reads it, behind the credit lock. */
const lockedExposure = async (customerId: string, currency = 'EUR') =>
  Number((await sql<{ e: string }>(stack, 'orders', `select orders.credit_exposure_locked(?, ?)::text as e`, [customerId, currency]))[0].e);

const credit = async (customerId: string, token = admin) => (await executeOk(stack.gatewayUrl, CustomerCreditDocument, { id: customerId }, { token })).customer?.credit;

const ok = async (query: string, variables: Record<string, unknown>) => {
  const result = await postGraphQL<Record<string, { id: string }>>(stack.gatewayUrl, query, variables, { token: admin });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('ADMIN');
  manager = await stack.token('MANAGER', [], 'credit-manager');
  creditAdmin = await stack.token('ADMIN', [], 'credit-admin');
  agent = await stack.token('AGENT', [], 'credit-agent');
  service = await stack.token('SERVICE', [], 'service:credit-test');
  productId = await createProduct(stack, admin, '10.00', 'Credit drill');
  await receive(stack, admin, productId, await createWarehouse(stack, admin), 10_000);
  territory = (await ok('mutation ($i: CreateTerritoryInput!) { createTerritory(input: $i) { id } }', { i: { code: unique('T'), name: 'Credit land' } })).createTerritory.id;
  await ok('mutation ($i: CreateAgentInput!) { createAgent(input: $i) { id } }', { i: { employeeId: unique('E'), name: 'credit-agent', email: 'credit-agent@example.com', territoryId: territory, subject: 'credit-agent' } });
});
afterAll(() => stack?.stop());

const assignToAgent = (customerId: string) => ok('mutation ($c: ID!, $t: ID!) { assignCustomer(customerId: $c, territoryId: $t) { id } }', { c: customerId, t: territory });

describe('placeOrder against the credit limit', () => {
  test('an order past the limit is CREDIT_LIMIT_EXCEEDED with limit, exposure and orderTotal; nothing is reserved, claimed or written', async () => {
    const customerId = await customer('100');
    await placeOk(customerId, 2); // 23.80 exposure
    const reservedBefore = (await sql<{ n: number }>(stack, 'inventory', `select coalesce(sum(reserved), 0)::int as n from inventory.stock_level where product_id = ?`, [productId]))[0].n;
    const key = randomUUID();
    const refused = await place(customerId, 7, { key }); // 83.30: 23.80 + 83.30 = 107.10 > 100
    expect(refused.data).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'CREDIT_LIMIT_EXCEEDED',
      reason: 'LIMIT',
      limit: { amount: '100.00', currency: 'EUR' },
      exposure: { amount: '23.80', currency: 'EUR' },
      orderTotal: { amount: '83.30', currency: 'EUR' },
    });
    const [{ n: reservedAfter }] = await sql<{ n: number }>(stack, 'inventory', `select coalesce(sum(reserved), 0)::int as n from inventory.stock_level where product_id = ?`, [productId]);
    expect(reservedAfter).toBe(reservedBefore);
    const [{ claims }] = await sql<{ claims: number }>(stack, 'orders', `select count(*)::int as claims from orders.order_placement where idempotency_key = ?`, [key]);
    expect(claims).toBe(0);
    const [{ orders }] = await sql<{ orders: number }>(stack, 'orders', `select count(*)::int as orders from orders."order" where customer_id = ?`, [customerId]);
    expect(orders).toBe(1);
    // what fits exactly still goes through: 23.80 + 71.40 = 95.20
    expect((await placeOk(customerId, 6)).total).toEqual({ amount: '71.40', currency: 'EUR' });
    expect(codes((await place(customerId, 1)).errors)).toEqual(['CREDIT_LIMIT_EXCEEDED']); // 95.20 + 11.90 > 100
  });

  test('a limit of 0 means no credit terms: orders are not checked, credit.available is null', async () => {
    const customerId = await customer('0');
    const statements = async (id: string, options: { token?: string; reason?: string } = {}) => {
      const requestId = randomUUID();
      const input = { customerId: id, lines: [{ productId, quantity: 50 }], ...(options.reason ? { creditOverride: { reason: options.reason } } : {}) };
      const result = await execute(stack.gatewayUrl, PlaceOrderOnCreditDocument, { input, idempotencyKey: randomUUID() }, { token: options.token ?? admin, headers: { 'x-request-id': requestId } });
      expect(result.errors).toBeUndefined();
      return stack.subgraphs.orders.database.statementsFor(requestId);
    };
    // the claim and the write, with or without credit terms: the claim's statement reads the
    // exposure for the pre-check, the write's takes the credit lock and checks again
    expect(await statements(customerId)).toBe(2); // 595.00 against a limit of 0
    const onCredit = await customer('1000');
    expect(await statements(onCredit)).toBe(2);
    expect(await statements(onCredit, { token: manager, reason: 'counted override' })).toBe(2); // 1190.00 > 1000, overridden
    expect(await lockedExposure(onCredit)).toBe(119_000);
    expect(await credit(customerId)).toEqual({ limit: { amount: '0.00', currency: 'EUR' }, exposure: { amount: '595.00', currency: 'EUR' }, available: null });
  });

  test('an order in another currency than the limit\'s is refused (it cannot be checked), unless overridden', async () => {
    const customerId = await customer('1000', 'USD');
    const refused = await place(customerId, 1);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED', reason: 'CURRENCY', limit: { amount: '1000.00', currency: 'USD' }, orderTotal: { amount: '11.90', currency: 'EUR' } });
    const placed = await placeOk(customerId, 1, { token: manager, reason: 'EUR order for a USD account, approved' });
    expect(placed.creditOverride).toEqual({ by: 'credit-manager', reason: 'EUR order for a USD account, approved' });
    // EUR orders are not in the USD exposure
    expect((await credit(customerId))?.exposure).toEqual({ amount: '0.00', currency: 'USD' });
  });
});

describe('exposure', () => {
  test('counts PENDING and PROCESSING orders and what is unpaid of COMPLETED ones; not CANCELLED, REFUNDED or paid ones; placement uses the same figure', async () => {
    const customerId = await customer('1000');
    const complete = async (id: string) => {
      await executeOk(stack.gatewayUrl, StartProcessingOrderDocument, { id }, { token: admin });
      await executeOk(stack.gatewayUrl, CompleteOrderDocument, { id }, { token: admin });
    };
    const pending = await placeOk(customerId, 1); // 11.90
    const processing = await placeOk(customerId, 1); // 11.90
    await executeOk(stack.gatewayUrl, StartProcessingOrderDocument, { id: processing.id }, { token: admin });
    const partlyPaid = await placeOk(customerId, 1); // 11.90 - 5.00 = 6.90
    await complete(partlyPaid.id);
    await executeOk(stack.gatewayUrl, RecordPaymentDocument, { orderId: partlyPaid.id, input: { amount: { amount: '5.00', currency: 'EUR' } } }, { token: admin });
    const paid = await placeOk(customerId, 1); // 0
    await complete(paid.id);
    await executeOk(stack.gatewayUrl, RecordPaymentDocument, { orderId: paid.id, input: { amount: { amount: '11.90', currency: 'EUR' } } }, { token: admin });
    const cancelled = await placeOk(customerId, 1); // 0
    await executeOk(stack.gatewayUrl, CancelOrderDocument, { id: cancelled.id }, { token: admin });
    const refunded = await placeOk(customerId, 1); // 0, though nothing was paid
    await complete(refunded.id);
    await executeOk(stack.gatewayUrl, RefundOrderDocument, { id: refunded.id, input: { reason: 'returned' } }, { token: admin });
    const deposit = await placeOk(customerId, 1); // 11.90 - 10.00 = 1.90: a deposit on an open order counts as paid
    await executeOk(stack.gatewayUrl, RecordPaymentDocument, { orderId: deposit.id, input: { amount: { amount: '10.00', currency: 'EUR' } } }, { token: admin });
    expect(pending.total.amount).toBe('11.90');

    expect(await credit(customerId)).toEqual({ limit: { amount: '1000.00', currency: 'EUR' }, exposure: { amount: '32.60', currency: 'EUR' }, available: { amount: '967.40', currency: 'EUR' } });
    expect(await lockedExposure(customerId)).toBe(3260); // the write's own reading (migration credit_exposure_locked) agrees
    // 32.60 + 82 × 11.90 = 1008.40 > 1000; 81 pieces (963.90) fit
    const refused = await place(customerId, 82);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED', exposure: { amount: '32.60', currency: 'EUR' }, orderTotal: { amount: '975.80', currency: 'EUR' } });
    await placeOk(customerId, 81);
    expect((await credit(customerId))?.available).toEqual({ amount: '3.50', currency: 'EUR' });
  });
});

describe('credit override', () => {
  test('a MANAGER places past the limit with a reason, recorded on the order; an AGENT or SERVICE sending one is FORBIDDEN', async () => {
    const customerId = await customer('50');
    await assignToAgent(customerId);
    const placed = await placeOk(customerId, 10, { token: manager, reason: 'Trusted for the season' }); // 119.00 > 50
    expect(placed.creditOverride).toEqual({ by: 'credit-manager', reason: 'Trusted for the season' });
    const order = await executeOk(stack.gatewayUrl, OrderCreditOverrideDocument, { id: placed.id }, { token: admin });
    expect(order.order?.creditOverride).toEqual({ by: 'credit-manager', reason: 'Trusted for the season' });
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '119.00' }, available: { amount: '-69.00', currency: 'EUR' } });

    for (const token of [agent, service]) {
      const key = randomUUID();
      const refused = await place(customerId, 1, { token, reason: 'I say so', key });
      expect(codes(refused.errors)).toEqual(['FORBIDDEN']);
      expect(refused.errors![0].message).toMatch(/creditOverride/);
      const [{ claims }] = await sql<{ claims: number }>(stack, 'orders', `select count(*)::int as claims from orders.order_placement where idempotency_key = ?`, [key]);
      expect(claims).toBe(0);
    }
    // an ADMIN may override as a MANAGER may, recorded with its own name
    const another = await customer('50');
    const byAdmin = await placeOk(another, 10, { token: creditAdmin, reason: 'Approved by the director' });
    expect(byAdmin.creditOverride).toEqual({ by: 'credit-admin', reason: 'Approved by the director' });
    expect(await credit(another)).toMatchObject({ exposure: { amount: '119.00' } });

    // the agent may order for this customer; what it was refused is the override, then the limit
    expect(codes((await place(customerId, 1, { token: agent })).errors)).toEqual(['CREDIT_LIMIT_EXCEEDED']);
    // an order placed without an override has none
    const small = await customer('50');
    expect((await placeOk(small, 1)).creditOverride).toBeNull();
    expect(codes((await place(small, 1, { reason: '   ' })).errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('concurrency', () => {
  test('50 concurrent placeOrder for one customer: exactly the orders that fit are accepted, the rest refused and released', async () => {
    const customerId = await customer('100'); // 8 × 11.90 = 95.20 fits, 9 × 11.90 = 107.10 does not
    const product = await createProduct(stack, admin, '10.00', 'Race drill');
    await receive(stack, admin, product, await createWarehouse(stack, admin), 100);
    const results = await Promise.all(Array.from({ length: 50 }, () => place(customerId, 1, { product })));
    const accepted = results.filter((r) => r.data?.placeOrder);
    const refused = results.filter((r) => !r.data?.placeOrder);
    expect(refused.flatMap((r) => codes(r.errors))).toEqual(Array(42).fill('CREDIT_LIMIT_EXCEEDED'));
    expect(accepted).toHaveLength(8);
    const [{ total, n }] = await sql<{ total: string; n: number }>(stack, 'orders', `select coalesce(sum(total_minor), 0)::text as total, count(*)::int as n from orders."order" where customer_id = ?`, [customerId]);
    expect(n).toBe(8);
    expect(Number(total)).toBeLessThanOrEqual(10_000);
    expect(Number(total)).toBe(8 * 1190);
    // the refused orders' reservations were released; no claim is left in progress
    const [{ reserved }] = await sql<{ reserved: number }>(stack, 'inventory', `select coalesce(sum(reserved), 0)::int as reserved from inventory.stock_level where product_id = ?`, [product]);
    expect(reserved).toBe(8);
    const [{ claims }] = await sql<{ claims: number }>(stack, 'orders', `select count(*)::int as claims from orders.order_placement where state = 'IN_PROGRESS'`);
    expect(claims).toBe(0);
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '95.20' }, available: { amount: '4.80' } });
  });
  test('the write waits for the customer\'s credit lock: while another holds it, no order of that customer is written', async () => {
    const customerId = await customer('100');
    const product = await createProduct(stack, admin, '10.00', 'Locked drill');
    await receive(stack, admin, product, await createWarehouse(stack, admin), 100);
    const knex = stack.subgraphs.orders.database.orm.em.getConnection().getKnex();
    const holder = await knex.transaction();
    let settled = 0;
    let results: Awaited<ReturnType<typeof place>>[] = [];
    try {
      await holder.raw('select pg_advisory_xact_lock(?, hashtext(?))', [0x63726564, customerId]); // the namespace of services/credit.ts
      const pending = Promise.all(Array.from({ length: 20 }, () => place(customerId, 1, { product }).finally(() => settled++)));
      // Asked on the holder's own connection: the waiting writers can take every connection of the orders pool.
      const waiting = async () => Number((await holder.raw<{ rows: { n: number }[] }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and classid = ?`, [0x63726564])).rows[0].n);
      const deadline = Date.now() + 30_000;
      while ((await waiting()) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await waiting()).toBeGreaterThanOrEqual(5); // several writers at once, all past the pre-check
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(0);
      await holder.commit();
      results = await pending;
    } finally {
      if (!holder.isCompleted()) await holder.rollback();
    }
    expect(results.filter((r) => r.data?.placeOrder)).toHaveLength(8);
    expect(results.flatMap((r) => codes(r.errors))).toEqual(Array(12).fill('CREDIT_LIMIT_EXCEEDED'));
  });
});

describe('Customer.credit', () => {
  test('a list of customers costs the orders subgraph one statement, however many customers', async () => {
    const ids = [await customer('100'), await customer('200'), await customer('300'), await customer('0'), await customer('500', 'USD')];
    await placeOk(ids[1], 1);
    await placeOk(ids[2], 2);
    const requestId = randomUUID();
    const result = await executeOk(stack.gatewayUrl, CustomersCreditDocument, { ids, first: ids.length }, { token: admin, headers: { 'x-request-id': requestId } });
    const byId = new Map(result.customers.edges.map((e) => [e.node.id, e.node.credit]));
    expect(ids.map((id) => byId.get(id)?.exposure.amount)).toEqual(['0.00', '11.90', '23.80', '0.00', '0.00']);
    expect(ids.map((id) => byId.get(id)?.available?.amount ?? null)).toEqual(['100.00', '188.10', '276.20', null, '500.00']);
    expect(stack.subgraphs.orders.database.statementsFor(requestId)).toBe(1);
  });

  test('authorized like creditLimit: an agent sees its territory\'s customers\' credit; another customer\'s is null with FORBIDDEN at its path; partners get nothing', async () => {
    const mine = await customer('100');
    const other = await customer('100');
    await assignToAgent(mine);
    expect(await credit(mine, agent)).toMatchObject({ limit: { amount: '100.00' } });

    // By the orders subgraph's own path (_entities, as the gateway calls it with the limit it required)
    const signer = new CallerSigner(TEST_CALLER_SECRET);
    const entities = async (caller: Caller, ids: string[]) => {
      const response = await fetch(stack.subgraphs.orders.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: await signer.sign(caller, randomUUID()) },
        body: JSON.stringify({
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id credit { limit { amount } exposure { amount } } } } }',
          variables: { r: ids.map((id) => ({ __typename: 'Customer', id, creditLimit: { amount: '100.00', currency: 'EUR' } })) },
        }),
      });
      return (await response.json()) as { data: { _entities: ({ id: string; credit: { limit: { amount: string } } | null } | null)[] }; errors?: GraphQLFormattedError[] };
    };
    const asAgent = await entities({ subject: 'credit-agent', roles: ['AGENT'], scopes: [] }, [mine, other]);
    expect(asAgent.data._entities.map((e) => e?.credit?.limit.amount ?? null)).toEqual(['100.00', null]);
    expect(asAgent.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['_entities', 1, 'credit'], 'FORBIDDEN']]);
    const asPartner = await entities({ subject: 'partner-1', roles: ['PARTNER'], scopes: [] }, [mine]);
    expect(asPartner.data._entities[0]?.credit ?? null).toBeNull();
    expect(codes(asPartner.errors)).toEqual(['FORBIDDEN']);

    // through the gateway, another territory's customer is null for the agent, as an unknown one
    const hidden = await execute(stack.gatewayUrl, CustomerCreditDocument, { id: other }, { token: agent });
    expect(hidden.data).toEqual({ customer: null });
  });
});

describe('cancelling a partly shipped order closes it short', () => {
  const pay = (orderId: string, amount: string) => execute(stack.gatewayUrl, RecordPaymentDocument, { orderId, input: { amount: { amount, currency: 'EUR' } } }, { token: admin });

  test('ship 60 of 100, cancel: the order owes the 60 shipped, counted in the exposure; payments up to that are taken, more refused', async () => {
    const customerId = await customer('5000');
    const product = await createProduct(stack, admin, '10.00', 'Short drill');
    const warehouse = await createWarehouse(stack, admin);
    await receive(stack, admin, product, warehouse, 100);
    const placed = await placeOk(customerId, 100, { product });
    expect(placed.total.amount).toBe('1190.00');
    await executeOk(stack.gatewayUrl, StartProcessingOrderDocument, { id: placed.id }, { token: admin });
    await ok('mutation ($o: ID!, $i: CreateShipmentInput!, $k: String!) { createShipment(orderId: $o, input: $i, idempotencyKey: $k) { id } }', {
      o: placed.id,
      i: { warehouseId: warehouse, lines: [{ productId: product, quantity: 60 }] },
      k: randomUUID(),
    });
    await executeOk(stack.gatewayUrl, CancelOrderDocument, { id: placed.id, reason: 'customer takes no more' }, { token: admin });

    // 60 × 10.00 = 600.00, tax 114.00: the order keeps the value of what shipped, the history says why
    const { order } = await ok('query ($id: ID!) { order(id: $id) { id status subtotal { amount } tax { amount } total { amount } balanceDue { amount } statusHistory { to reason } lines { quantity } } }', { id: placed.id }) as unknown as {
      order: { status: string; subtotal: { amount: string }; tax: { amount: string }; total: { amount: string }; balanceDue: { amount: string }; statusHistory: { to: string; reason: string | null }[]; lines: { quantity: number }[] };
    };
    expect(order).toMatchObject({ status: 'CANCELLED', subtotal: { amount: '600.00' }, tax: { amount: '114.00' }, total: { amount: '714.00' }, balanceDue: { amount: '714.00' }, lines: [{ quantity: 100 }] });
    expect(order.statusHistory.at(-1)).toEqual({ to: 'CANCELLED', reason: 'customer takes no more; closed short: 60 of 100 units shipped; total 1190.00 → 714.00 EUR' });
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '714.00' }, available: { amount: '4286.00' } });
    expect(await lockedExposure(customerId)).toBe(71400);

    const first = await pay(placed.id, '700.00');
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordPayment.balanceDue.amount).toBe('14.00');
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '14.00' } });
    const tooMuch = await pay(placed.id, '14.01');
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.amount', message: 'is more than the balance due (1400 minor units)' }] });
    expect((await pay(placed.id, '14.00')).errors).toBeUndefined();
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '0.00' }, available: { amount: '5000.00' } });
  });

  test('a cancelled order that shipped nothing owes nothing and takes no payment', async () => {
    const customerId = await customer('5000');
    const placed = await placeOk(customerId, 3);
    await executeOk(stack.gatewayUrl, CancelOrderDocument, { id: placed.id, reason: null }, { token: admin });
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '0.00' } });
    const refused = await pay(placed.id, '1.00');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'CANCELLED' });
  });
});

describe('overrides and the credit lock; who sees an override', () => {
  test('an override of a customer with credit terms is written behind the credit lock too', async () => {
    const customerId = await customer('100');
    const knex = stack.subgraphs.orders.database.orm.em.getConnection().getKnex();
    const holder = await knex.transaction();
    let settled = false;
    let pending: ReturnType<typeof place> | undefined;
    try {
      await holder.raw('select pg_advisory_xact_lock(?, hashtext(?))', [0x63726564, customerId]);
      pending = place(customerId, 20, { token: manager, reason: 'big season order' }).finally(() => (settled = true));
      // Asked on the holder's own connection: the waiting writers can take every connection of the orders pool.
      const waiting = async () => Number((await holder.raw<{ rows: { n: number }[] }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and classid = ?`, [0x63726564])).rows[0].n);
      const deadline = Date.now() + 15_000;
      while ((await waiting()) < 1 && !settled && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(settled).toBe(false);
      expect(await waiting()).toBe(1);
      await holder.commit();
    } finally {
      if (!holder.isCompleted()) await holder.rollback();
    }
    const result = await pending;
    expect(result.data?.placeOrder.creditOverride).toEqual({ by: 'credit-manager', reason: 'big season order' });
    // and the next normal order sees it: 238.00 is over the limit already
    expect(codes((await place(customerId, 1)).errors)).toEqual(['CREDIT_LIMIT_EXCEEDED']);
  });

  test('Order.creditOverride is for staff and services: an agent gets null with FORBIDDEN at its path', async () => {
    const customerId = await customer('100');
    await assignToAgent(customerId);
    const placed = await placeOk(customerId, 20, { token: manager, reason: 'approved by phone' });
    for (const token of [admin, manager, service]) {
      const seen = await executeOk(stack.gatewayUrl, OrderCreditOverrideDocument, { id: placed.id }, { token });
      expect(seen.order?.creditOverride).toEqual({ by: 'credit-manager', reason: 'approved by phone' });
    }
    const asAgent = await execute(stack.gatewayUrl, OrderCreditOverrideDocument, { id: placed.id }, { token: agent });
    expect(asAgent.data?.order).toEqual({ id: placed.id, creditOverride: null });
    expect(asAgent.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['order', 'creditOverride'], 'FORBIDDEN']]);
  });
});

describe('exposure as history grows', () => {
  test('the balance due kept on every order equals total minus net payments; exposure reads only the orders that owe', async () => {
    // the invariant over every order (this suite's, and one paid in part here)
    const customerId = await customer('100');
    const open = await placeOk(customerId, 1);
    const paid = await placeOk(customerId, 2);
    expect((await execute(stack.gatewayUrl, RecordPaymentDocument, { orderId: paid.id, input: { amount: { amount: '20.00', currency: 'EUR' } } }, { token: admin })).errors).toBeUndefined();
    const [{ drifted, orders }] = await sql<{ drifted: number; orders: number }>(
      stack,
      'orders',
      `select count(*) filter (where o.balance_due_minor <> o.total_minor - coalesce((select sum(case t.kind when 'FORWARD' then t.amount_minor else -t.amount_minor end) from orders.payment_transaction t where t.order_id = o.id), 0))::int as drifted, count(*)::int as orders from orders."order" o`,
    );
    expect(orders).toBeGreaterThanOrEqual(2);
    expect(drifted).toBe(0);
    expect(open.total.amount).toBe('11.90');
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '15.70' } }); // 11.90 + 23.80 − 20.00

    // 3000 paid orders more: the plan takes the partial index and touches a few pages
    await sql(stack, 'orders', `insert into orders."order" (id, number, customer_id, status, currency, subtotal_minor, tax_minor, total_minor, balance_due_minor, version, created_at, updated_at)
      select gen_random_uuid(), 'H' || substr(md5(?), 1, 8) || '-' || g, ?::uuid, 'COMPLETED', 'EUR', 1000, 190, 1190, 0, 1, now(), now() from generate_series(1, 3000) g`, [customerId, customerId]);
    await sql(stack, 'orders', 'analyze orders."order"');
    expect(await credit(customerId)).toMatchObject({ exposure: { amount: '15.70' } });
    const plan = (await sql<{ 'QUERY PLAN': string }>(stack, 'orders', `explain (analyze, buffers, costs off) select coalesce(sum(o.balance_due_minor), 0) from orders."order" o where o.balance_due_minor > 0 and o.status in ('PENDING', 'PROCESSING', 'COMPLETED') and o.customer_id = ? and o.currency = 'EUR'`, [customerId])).map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/order_owing_index/);
    const buffers = Math.max(...[...plan.matchAll(/shared hit=(\d+)/g)].map((m) => Number(m[1])));
    expect(buffers).toBeLessThan(20);
  });
});
