/**
 * The reservation TTL guards placements that died before writing their order, and nothing
 * else: the expiry sweep asks the orders subgraph (through the gateway) which orders exist, so
 * an open order's stock stays reserved however long it takes to ship, a reservation without an
 * order still expires, and while orders cannot be asked nothing expires. Real subgraphs and
 * PostgreSQL, through the gateway; TTL 1 s, the sweep every 100 ms.
 */
import { randomUUID } from 'node:crypto';
import { CompleteOrderDocument, CreateShipmentDocument, PlaceOrderDocument, ProductStockDocument, StartProcessingOrderDocument } from '../operations/__generated__/graphql';
import { executeOk, postGraphQL } from './support/client';
import { createCustomer, createProduct, createWarehouse, receive, sql } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
let service: string;
let warehouse: string;

beforeAll(async () => {
  stack = await startStack({ settings: { orders: { reservationTtlSeconds: 1 }, inventory: { sweepIntervalMs: 100 } } });
  admin = await stack.token('ADMIN');
  service = await stack.token('SERVICE', [], 'service:expiry-test');
  warehouse = await createWarehouse(stack, admin);
});
afterAll(() => stack?.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stockOf = async (productId: string) => (await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin })).product!.stock!;
const reservationOf = async (orderId: string) =>
  (await sql<{ status: string; confirmed: boolean }>(stack, 'inventory', 'select status, confirmed_at is not null as confirmed from inventory.reservation where order_id = ?', [orderId]))[0];

/** A reservation with no order behind it, as a placement that died after reserving leaves. */
async function orphanReservation(productId: string, quantity: number): Promise<string> {
  const orderId = randomUUID();
  const result = await postGraphQL(stack.gatewayUrl, 'mutation ($o: ID!, $l: [ReservationLineInput!]!, $t: Int) { reserveStock(orderId: $o, lines: $l, ttlSeconds: $t) { id } }', { o: orderId, l: [{ productId, quantity }], t: 1 }, { token: service });
  expect(result.errors).toBeUndefined();
  return orderId;
}

async function until(what: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await what()) return true;
    await sleep(100);
  }
  return what();
}

test('an open order older than the TTL keeps its stock and still ships and completes; a reservation without an order expires', async () => {
  const productId = await createProduct(stack, admin);
  await receive(stack, admin, productId, warehouse, 10);
  const customerId = await createCustomer(stack, admin);
  const { placeOrder } = await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 4 }] }, idempotencyKey: randomUUID() }, { token: admin });
  const orphan = await orphanReservation(productId, 3);
  expect(await stockOf(productId)).toMatchObject({ onHand: 10, reserved: 7 });

  // past the TTL, with the sweep running: the orphan expires, the order's reservation is confirmed
  expect(await until(async () => (await reservationOf(orphan)).status === 'EXPIRED')).toBe(true);
  expect(await until(async () => (await reservationOf(placeOrder.id)).confirmed)).toBe(true);
  await sleep(1500); // many more sweeps
  expect(await reservationOf(placeOrder.id)).toEqual({ status: 'ACTIVE', confirmed: true });
  expect(await stockOf(productId)).toMatchObject({ onHand: 10, reserved: 4, available: 6 });

  await executeOk(stack.gatewayUrl, StartProcessingOrderDocument, { id: placeOrder.id }, { token: admin });
  await executeOk(stack.gatewayUrl, CreateShipmentDocument, { orderId: placeOrder.id, input: { warehouseId: warehouse, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
  const completed = await executeOk(stack.gatewayUrl, CompleteOrderDocument, { id: placeOrder.id }, { token: admin });
  expect(completed.completeOrder.status).toBe('COMPLETED');
  expect(await reservationOf(placeOrder.id)).toEqual({ status: 'COMMITTED', confirmed: true });
  expect(await stockOf(productId)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
});

test('while the orders subgraph cannot be asked, nothing expires; once it can, the orphan does', async () => {
  const productId = await createProduct(stack, admin);
  await receive(stack, admin, productId, warehouse, 5);
  await stack.stopSubgraph('orders');
  try {
    const orphan = await orphanReservation(productId, 2);
    await sleep(2500); // past the TTL, many sweeps
    expect(await reservationOf(orphan)).toEqual({ status: 'ACTIVE', confirmed: false });
    expect(await stockOf(productId)).toMatchObject({ reserved: 2 });
    await stack.restart('orders');
    expect(await until(async () => (await reservationOf(orphan)).status === 'EXPIRED')).toBe(true);
    expect(await stockOf(productId)).toMatchObject({ reserved: 0, available: 5 });
  } finally {
    await stack.restart('orders');
  }
});
