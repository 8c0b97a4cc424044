/**
 * Orders across the supergraph: prices from products, stock from inventory, never oversold,
 * nothing left behind when a step fails. Real subgraphs, real PostgreSQL, through the gateway.
 */
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tradegraph/kit';
import {
  AssignCustomerDocument,
  AssignPriceListDocument,
  CancelOrderDocument,
  CompleteOrderDocument,
  CreateAgentDocument,
  CreatePriceListDocument,
  CreateTerritoryDocument,
  CustomerOrdersWithStockDocument,
  CustomersOrdersDocument,
  OrderByIdDocument,
  PlaceOrderDocument,
  ProductStockDocument,
  RecordPaymentDocument,
  RefundOrderDocument,
  SetPriceListPricesDocument,
  StartProcessingOrderDocument,
} from '../operations/__generated__/graphql';
import { execute, executeOk } from './support/client';
import { createCustomer, createProduct, createWarehouse, receive, sql } from './support/fixtures';
import { countStatements, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
let agent: string;
let warehouseA: string;
let warehouseB: string;
const events: EventEnvelope[] = [];

beforeAll(async () => {
  stack = await startStack({ settings: { inventory: { sweepIntervalMs: 100 } } });
  admin = await stack.token('ADMIN');
  agent = await stack.token('AGENT', [], 'agent-1');
  warehouseA = await createWarehouse(stack, admin, 1);
  warehouseB = await createWarehouse(stack, admin, 2);
  await stack.bus.subscribe('Order', (event) => events.push(event));
});
afterAll(() => stack?.stop());

const place = (customerId: string, lines: { productId: string; quantity: number }[], idempotencyKey = randomUUID(), token = admin) =>
  execute(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines }, idempotencyKey }, { token });

/** onHand/reserved of every level equal the sums of its ledger; nothing is negative. */
async function expectLedgerBalanced() {
  const rows = await sql<{ on_hand: number; reserved: number; ledger_on_hand: number; ledger_reserved: number }>(
    stack,
    'inventory',
    `select l.on_hand, l.reserved,
            coalesce(sum(m.on_hand_delta), 0)::int as ledger_on_hand, coalesce(sum(m.reserved_delta), 0)::int as ledger_reserved
       from inventory.stock_level l left join inventory.stock_movement m on m.product_id = l.product_id and m.warehouse_id = l.warehouse_id
      group by l.id, l.on_hand, l.reserved`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.on_hand).toBe(row.ledger_on_hand);
    expect(row.reserved).toBe(row.ledger_reserved);
    expect(row.on_hand).toBeGreaterThanOrEqual(0);
    expect(row.reserved).toBeGreaterThanOrEqual(0);
    expect(row.reserved).toBeLessThanOrEqual(row.on_hand);
  }
}

describe('placeOrder', () => {
  test('prices come from the customer\'s price list, not the client; stock is reserved', async () => {
    const customerId = await createCustomer(stack, admin);
    const productId = await createProduct(stack, admin, '20.00');
    await receive(stack, admin, productId, warehouseA, 10);
    const { createPriceList } = await executeOk(stack.gatewayUrl, CreatePriceListDocument, { input: { name: `List ${randomUUID()}`, currency: 'EUR' } }, { token: admin });
    await executeOk(stack.gatewayUrl, SetPriceListPricesDocument, { input: { priceListId: createPriceList.id, prices: [{ productId, price: { amount: '15.00', currency: 'EUR' } }] } }, { token: admin });
    await executeOk(stack.gatewayUrl, AssignPriceListDocument, { customerId, priceListId: createPriceList.id }, { token: admin });

    const result = await place(customerId, [{ productId, quantity: 3 }]);
    expect(result.errors).toBeUndefined();
    const order = result.data!.placeOrder;
    expect(order.number).toMatch(/^SO-\d{6}$/);
    expect(order.status).toBe('PENDING');
    expect(order.lines[0]).toMatchObject({ lineNo: 1, quantity: 3, unitPrice: { amount: '15.00', currency: 'EUR' }, lineTotal: { amount: '45.00' } });
    expect(order).toMatchObject({ subtotal: { amount: '45.00' }, tax: { amount: '8.55' }, total: { amount: '53.55' } });

    const stock = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(stock.product?.stock).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
  });

  test('200 concurrent orders for 50 available units: exactly 50 placed, never oversold', async () => {
    const productId = await createProduct(stack, admin, '5.00');
    await receive(stack, admin, productId, warehouseA, 30);
    await receive(stack, admin, productId, warehouseB, 20);
    const customerId = await createCustomer(stack, admin);

    const results = await Promise.all(Array.from({ length: 200 }, () => place(customerId, [{ productId, quantity: 1 }])));
    const placed = results.filter((r) => r.data?.placeOrder);
    const refused = results.filter((r) => r.errors);
    expect(placed).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of refused) expect(r.errors?.[0].extensions?.code).toBe('INSUFFICIENT_STOCK');
    expect(new Set(placed.map((r) => r.data!.placeOrder.number)).size).toBe(50);

    const stock = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(stock.product?.stock).toMatchObject({ onHand: 50, reserved: 50, available: 0, inStock: false });
    const [{ orders }] = await sql<{ orders: number }>(stack, 'orders', `select count(*)::int as orders from orders.order_line where product_id = ?`, [productId]);
    expect(orders).toBe(50);
    const [{ reservations }] = await sql<{ reservations: number }>(stack, 'inventory', `select count(*)::int as reservations from inventory.reservation where status = 'ACTIVE' and order_id in (select distinct reference::uuid from inventory.stock_movement where product_id = ? and type = 'RESERVATION')`, [productId]);
    expect(reservations).toBe(50);
    const [{ claims }] = await sql<{ claims: number }>(stack, 'orders', `select count(*)::int as claims from orders.order_placement where state = 'IN_PROGRESS'`);
    expect(claims).toBe(0);
    await expectLedgerBalanced();
  });

  test('the same idempotency key, sent twice at once and again later, gives one order and one reservation', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 10);
    const customerId = await createCustomer(stack, admin);
    const key = randomUUID();
    const [a, b] = await Promise.all([place(customerId, [{ productId, quantity: 2 }], key), place(customerId, [{ productId, quantity: 2 }], key)]);
    const later = await place(customerId, [{ productId, quantity: 2 }], key);
    expect(a.data?.placeOrder.id).toBeDefined();
    expect(b.data?.placeOrder.id).toBe(a.data?.placeOrder.id);
    expect(later.data?.placeOrder.id).toBe(a.data?.placeOrder.id);
    const stock = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(stock.product?.stock?.reserved).toBe(2);
    const reused = await place(customerId, [{ productId, quantity: 5 }], key);
    expect(reused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'idempotencyKey' } });
  });

  test('what cannot be sold is refused with the line named, and nothing is reserved', async () => {
    const customerId = await createCustomer(stack, admin);
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 5);
    const unknown = await place(customerId, [{ productId, quantity: 1 }, { productId: randomUUID(), quantity: 1 }]);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.lines.1.productId' }] });
    const noCustomer = await place(randomUUID(), [{ productId, quantity: 1 }]);
    expect(noCustomer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.customerId' }] });
    const short = await place(customerId, [{ productId, quantity: 6 }]);
    expect(short.errors?.[0].extensions?.code).toBe('INSUFFICIENT_STOCK');
    const stock = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(stock.product?.stock).toMatchObject({ onHand: 5, reserved: 0 });
  });
});

describe('after the order is placed', () => {
  test('complete ships the stock, payment and refund with restock keep the trail', async () => {
    const customerId = await createCustomer(stack, admin);
    const productId = await createProduct(stack, admin, '10.00');
    await receive(stack, admin, productId, warehouseA, 10);
    const order = (await place(customerId, [{ productId, quantity: 4 }])).data!.placeOrder;

    const early = await execute(stack.gatewayUrl, CompleteOrderDocument, { id: order.id }, { token: admin });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'INVALID_TRANSITION', from: 'PENDING', to: 'COMPLETED' } });
    await executeOk(stack.gatewayUrl, StartProcessingOrderDocument, { id: order.id }, { token: admin });
    await executeOk(stack.gatewayUrl, CompleteOrderDocument, { id: order.id }, { token: admin });
    let stock = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(stock.product?.stock).toMatchObject({ onHand: 6, reserved: 0, available: 6 });

    const paid = await executeOk(stack.gatewayUrl, RecordPaymentDocument, { orderId: order.id, input: { amount: { amount: '47.60', currency: 'EUR' }, reference: 'psp-1' } }, { token: admin });
    expect(paid.recordPayment).toMatchObject({ paid: { amount: '47.60' }, balanceDue: { amount: '0.00' } });
    const over = await execute(stack.gatewayUrl, RecordPaymentDocument, { orderId: order.id, input: { amount: { amount: '0.01', currency: 'EUR' } } }, { token: admin });
    expect(over.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const refunded = await executeOk(stack.gatewayUrl, RefundOrderDocument, { id: order.id, input: { reason: 'damaged', restock: true } }, { token: admin });
    expect(refunded.refundOrder).toMatchObject({ status: 'REFUNDED', paid: { amount: '0.00' } });
    stock = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(stock.product?.stock?.onHand).toBe(10);

    const detail = await executeOk(stack.gatewayUrl, OrderByIdDocument, { id: order.id }, { token: admin });
    expect(detail.order?.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'PROCESSING', 'COMPLETED', 'REFUNDED']);
    expect(detail.order?.transactions.map((t) => [t.kind, t.amount.amount])).toEqual([
      ['FORWARD', '47.60'],
      ['REVERSE', '47.60'],
    ]);
    await expectLedgerBalanced();
  });

  test('cancel releases the stock; a cancelled order cannot complete', async () => {
    const customerId = await createCustomer(stack, admin);
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseB, 3);
    const order = (await place(customerId, [{ productId, quantity: 3 }])).data!.placeOrder;
    await executeOk(stack.gatewayUrl, CancelOrderDocument, { id: order.id, reason: 'customer changed mind' }, { token: admin });
    const stock = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(stock.product?.stock).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    const again = await execute(stack.gatewayUrl, CompleteOrderDocument, { id: order.id }, { token: admin });
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  test('every placement and status change is published as an event, in order per order', async () => {
    const customerId = await createCustomer(stack, admin);
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 2);
    const order = (await place(customerId, [{ productId, quantity: 1 }])).data!.placeOrder;
    await executeOk(stack.gatewayUrl, CancelOrderDocument, { id: order.id }, { token: admin });
    await stack.subgraphs.orders.runtime.relay!.drain();
    const mine = events.filter((e) => e.entityId === order.id);
    expect(mine.map((e) => e.type)).toEqual(['order.placed', 'order.status_changed']);
    expect(mine.map((e) => e.version)).toEqual([1, 2]);
    expect(mine[1].payload).toMatchObject({ from: 'PENDING', to: 'CANCELLED', number: order.number });
  });

  test('an agent may place orders (for its territory\'s customers) but not complete them', async () => {
    const customerId = await createCustomer(stack, admin);
    const code = `T-${randomUUID().slice(0, 8)}`;
    const { createTerritory } = await executeOk(stack.gatewayUrl, CreateTerritoryDocument, { input: { code, name: 'Orders', managerSubject: 'manager-1' } }, { token: admin });
    const { createAgent } = await executeOk(
      stack.gatewayUrl,
      CreateAgentDocument,
      { input: { employeeId: code, name: 'Agent One', email: 'agent-1@example.com', territoryId: createTerritory.id, subject: 'agent-1' } },
      { token: admin },
    );
    await executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId, territoryId: createTerritory.id, agentId: createAgent.id }, { token: admin });
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 2);
    const placed = await place(customerId, [{ productId, quantity: 1 }], randomUUID(), agent);
    expect(placed.errors).toBeUndefined();
    const denied = await execute(stack.gatewayUrl, CompleteOrderDocument, { id: placed.data!.placeOrder.id }, { token: agent });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('reading across four subgraphs', () => {
  test('customer → orders → lines → product name and stock costs a fixed number of SQL statements', async () => {
    const customerId = await createCustomer(stack, admin);
    const products = await Promise.all([1, 2, 3].map(() => createProduct(stack, admin)));
    for (const productId of products) await receive(stack, admin, productId, warehouseA, 100);
    for (let i = 0; i < 10; i++) await place(customerId, products.map((productId) => ({ productId, quantity: 1 })));

    const { result: data, statements } = await countStatements(stack, (headers) =>
      executeOk(stack.gatewayUrl, CustomerOrdersWithStockDocument, { customerId, first: 10 }, { token: admin, headers }),
    );
    expect(data.customer?.orders?.edges).toHaveLength(10);
    expect(data.customer?.orders?.totalCount).toBe(10);
    for (const { node } of data.customer!.orders!.edges) {
      expect(node.lines).toHaveLength(3);
      for (const line of node.lines) expect(line.product?.stock?.available).toBe(100 - 10);
    }
    // customers: the customer; orders: the page, its count, the lines; products: the products;
    // inventory: their stock levels with their warehouses, in one
    expect(statements).toBe(6);
  });

  test('placing an order costs a fixed number of SQL statements across all subgraphs', async () => {
    const customerId = await createCustomer(stack, admin);
    const products = await Promise.all([1, 2, 3].map(() => createProduct(stack, admin)));
    for (const productId of products) await receive(stack, admin, productId, warehouseA, 100);
    const idempotencyKey = randomUUID();
    const { result, statements } = await countStatements(stack, (headers) =>
      execute(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: products.map((productId) => ({ productId, quantity: 2 })) }, idempotencyKey }, { token: admin, headers }),
    );
    expect(result.errors).toBeUndefined();
    // orders: the claim (which also reads the customer's credit exposure), then the order with
    // its lines, status, event and finished claim in one statement (which takes the customer's
    // credit lock and checks the limit again), and the lines this document reads back;
    // customers: the customer; products: the products and the customer's price list; inventory:
    // the levels, then the reservation with its levels, movements and events in one. The outbox
    // relays' statements are background work, not counted here (bench:orders counts them).
    expect(statements).toBe(8);
    const [{ n }] = await sql<{ n: number }>(stack, 'orders', `select count(*)::int as n from orders.order_line where order_id = ?`, [result.data!.placeOrder.id]);
    expect(n).toBe(3);
  });

  test('orders of many customers come from one windowed statement', async () => {
    const { result: data, statements } = await countStatements(stack, (headers) =>
      executeOk(stack.gatewayUrl, CustomersOrdersDocument, { first: 50, ordersFirst: 3 }, { token: admin, headers }),
    );
    expect(data.customers.edges.length).toBeGreaterThan(5);
    expect(data.customers.edges.every((e) => e.node.orders!.edges.length <= 3)).toBe(true);
    // customers page, then one windowed orders statement for all of them
    expect(statements).toBe(2);
  });
});
