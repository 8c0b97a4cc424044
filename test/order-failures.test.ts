/**
 * Failure injection: whatever breaks during placeOrder, no order is left half made and no
 * stock stays reserved for an order that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { PlaceOrderDocument, ProductStockDocument } from '../operations/__generated__/graphql';
import { execute, executeOk } from './support/client';
import { createCustomer, sql, stockedProduct } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

describe('the orders subgraph dies right after the reservation', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      settings: { orders: { crashAfterReservation: true, reservationTtlSeconds: 1 }, inventory: { sweepIntervalMs: 100 } },
    });
  });
  afterAll(() => stack?.stop());

  test('no order is written, and the reservation is released when it expires', async () => {
    const admin = await stack.token('ADMIN');
    const customerId = await createCustomer(stack, admin);
    const { productId } = await stockedProduct(stack, admin, 5);

    const result = await execute(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 4 }] }, idempotencyKey: randomUUID() }, { token: admin });
    expect(result.errors?.[0].extensions?.code).toBe('INTERNAL');
    const [{ orders }] = await sql<{ orders: number }>(stack, 'orders', 'select count(*)::int as orders from orders."order"');
    expect(orders).toBe(0);
    const held = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(held.product?.stock).toMatchObject({ reserved: 4, available: 1 });

    const deadline = Date.now() + 10_000;
    let reserved = 4;
    while (reserved !== 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      reserved = (await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin })).product!.stock!.reserved;
    }
    expect(reserved).toBe(0);
    const [{ status }] = await sql<{ status: string }>(stack, 'inventory', 'select status from inventory.reservation');
    expect(status).toBe('EXPIRED');
  });
});

describe('inventory is unreachable during placeOrder', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  test('the client gets a clear error and no order exists', async () => {
    const admin = await stack.token('ADMIN');
    const customerId = await createCustomer(stack, admin);
    const { productId } = await stockedProduct(stack, admin, 5);
    await stack.subgraphs.inventory.stop();

    const result = await execute(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].message).toMatch(/^No order was placed: a service it needs is unavailable/);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    const [{ orders }] = await sql<{ orders: number }>(stack, 'orders', 'select count(*)::int as orders from orders."order"');
    expect(orders).toBe(0);
    const [{ claims }] = await sql<{ claims: number }>(stack, 'orders', 'select count(*)::int as claims from orders.order_placement');
    expect(claims).toBe(0);
  });
});
