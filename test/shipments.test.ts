/**
 * Orders fulfilled by shipments: each commits its part of the reservation in inventory
 * (SHIPMENT movements of exactly its units), the last completes the order, cancelling releases
 * only the unshipped rest, retries ship nothing twice. Real subgraphs and PostgreSQL, through
 * the gateway.
 */
import { randomUUID } from 'node:crypto';
import { stableId } from '@tradegraph/kit';
import {
  AssignCustomerDocument,
  CancelOrderDocument,
  CompleteOrderDocument,
  CreateAgentDocument,
  CreateShipmentDocument,
  CreateTerritoryDocument,
  MarkShipmentDeliveredDocument,
  OrderByIdDocument,
  OrderShipmentsDocument,
  OrdersWithShipmentsDocument,
  ShipmentByIdDocument,
  ShipmentUpdatedDocument,
  PlaceOrderDocument,
  ProductLedgerDocument,
  ProductStockDocument,
  StartProcessingOrderDocument,
  type CreateShipmentInput,
} from '../operations/__generated__/graphql';
import { execute, executeOk, postGraphQL } from './support/client';
import { createCustomer, createProduct, createWarehouse, receive, sql } from './support/fixtures';
import { countStatements, startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';
import { print } from 'graphql';

let stack: TestStack;
let admin: string;
let manager: string;
let warehouseA: string;
let warehouseB: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('ADMIN');
  manager = await stack.token('MANAGER', [], 'manager-ship');
  warehouseA = await createWarehouse(stack, admin, 1);
  warehouseB = await createWarehouse(stack, admin, 2);
});
afterAll(() => stack?.stop());

/** A PROCESSING order of `lines` for a new customer (or `customerId`). */
async function processingOrder(lines: { productId: string; quantity: number }[], customerId?: string): Promise<{ id: string; number: string }> {
  const customer = customerId ?? (await createCustomer(stack, admin));
  const { placeOrder } = await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId: customer, lines }, idempotencyKey: randomUUID() }, { token: admin });
  await executeOk(stack.gatewayUrl, StartProcessingOrderDocument, { id: placeOrder.id }, { token: admin });
  return placeOrder;
}

const ship = (orderId: string, input: CreateShipmentInput, idempotencyKey: string = randomUUID(), token = admin) =>
  execute(stack.gatewayUrl, CreateShipmentDocument, { orderId, input, idempotencyKey }, { token });

async function stockOf(productId: string) {
  const { product } = await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
  return product!.stock!;
}

/** A product's level in one warehouse, and the sums of its ledger there. */
async function level(productId: string, warehouseId: string) {
  const [row] = await sql<{ on_hand: number; reserved: number; available: number; ledger_on_hand: number; ledger_reserved: number }>(
    stack,
    'inventory',
    `select l.on_hand, l.reserved, l.available,
            (select coalesce(sum(on_hand_delta), 0)::int from inventory.stock_movement m where m.product_id = l.product_id and m.warehouse_id = l.warehouse_id) as ledger_on_hand,
            (select coalesce(sum(reserved_delta), 0)::int from inventory.stock_movement m where m.product_id = l.product_id and m.warehouse_id = l.warehouse_id) as ledger_reserved
       from inventory.stock_level l where l.product_id = ? and l.warehouse_id = ?`,
    [productId, warehouseId],
  );
  return row;
}

/** The product's ledger, oldest first, as [type, warehouse, onHandDelta, reservedDelta]. */
async function ledger(productId: string) {
  const { stockMovements } = await executeOk(stack.gatewayUrl, ProductLedgerDocument, { productId, first: 50 }, { token: admin });
  return stockMovements.edges.map(({ node }) => [node.type, node.warehouse.id, node.onHandDelta, node.reservedDelta]).reverse();
}

const outbox = (subgraph: string, where: string, params: unknown[]) =>
  sql<{ type: string; version: number; payload: Record<string, unknown> }>(stack, subgraph, `select type, version, payload from ${subgraph}.outbox_event where ${where} order by sequence`, params);

describe('shipping an order in parts', () => {
  test('two partial shipments ship exactly their units; the second completes the order and commits the reservation', async () => {
    const drill = await createProduct(stack, admin);
    const saw = await createProduct(stack, admin);
    await receive(stack, admin, drill, warehouseA, 10);
    await receive(stack, admin, saw, warehouseA, 5);
    const order = await processingOrder([{ productId: drill, quantity: 6 }, { productId: saw, quantity: 4 }]);

    const shipping = Date.now();
    const first = await ship(order.id, { warehouseId: warehouseA, carrier: 'DHL', trackingNumber: 'TRK-1', lines: [{ productId: drill, quantity: 2 }, { productId: saw, quantity: 4 }] });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createShipment).toMatchObject({ orderId: order.id, warehouseId: warehouseA, carrier: 'DHL', trackingNumber: 'TRK-1', status: 'SHIPPED', deliveredAt: null });
    // shipped when it was created (the database's clock, the same machine's: a second either way)
    const shippedAt = Date.parse(first.data!.createShipment.shippedAt);
    expect(shippedAt).toBeGreaterThanOrEqual(shipping - 1000);
    expect(shippedAt).toBeLessThanOrEqual(Date.now() + 1000);
    let detail = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: admin });
    expect(detail.order?.status).toBe('PROCESSING');
    expect(await stockOf(drill)).toMatchObject({ onHand: 8, reserved: 4, available: 4 });
    expect(await stockOf(saw)).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    const [reservation] = await sql<{ id: string; status: string }>(stack, 'inventory', 'select id, status from inventory.reservation where order_id = ?', [order.id]);
    expect(reservation.status).toBe('ACTIVE');

    const second = await ship(order.id, { warehouseId: warehouseA, carrier: 'UPS', trackingNumber: 'TRK-2', lines: [{ productId: drill, quantity: 4 }] });
    expect(second.errors).toBeUndefined();
    detail = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: admin });
    expect(detail.order?.status).toBe('COMPLETED');
    expect(detail.order?.shipments.map((s) => s.trackingNumber)).toEqual(['TRK-1', 'TRK-2']);
    expect(detail.order?.shipments[0].shippedAt).toBe(first.data!.createShipment.shippedAt);
    expect(Date.parse(detail.order!.shipments[1].shippedAt)).toBeGreaterThanOrEqual(shippedAt);
    expect(detail.order?.shipments[0].lines).toEqual(expect.arrayContaining([{ productId: drill, quantity: 2 }, { productId: saw, quantity: 4 }]));
    expect(detail.order?.shipments[0].lines).toHaveLength(2);
    expect(detail.order?.shipments[1].lines).toEqual([{ productId: drill, quantity: 4 }]);
    expect(await stockOf(drill)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect(await ledger(drill)).toEqual([
      ['RECEIPT', warehouseA, 10, 0],
      ['RESERVATION', warehouseA, 0, 6],
      ['SHIPMENT', warehouseA, -2, -2],
      ['SHIPMENT', warehouseA, -4, -4],
    ]);
    const [{ status }] = await sql<{ status: string }>(stack, 'inventory', 'select status from inventory.reservation where order_id = ?', [order.id]);
    expect(status).toBe('COMMITTED');
    const history = await executeOk(stack.gatewayUrl, OrderByIdDocument, { id: order.id }, { token: admin });
    expect(history.order?.statusHistory.map((h) => h.to)).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);

    // nothing is left: another shipment or a completion is refused
    const more = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId: drill, quantity: 1 }] });
    expect(more.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'COMPLETED' });
    const complete = await execute(stack.gatewayUrl, CompleteOrderDocument, { id: order.id }, { token: admin });
    expect(complete.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    // the outboxes: shipment.created per shipment and the completion (orders); a part per shipment, then the commit (inventory)
    const shipmentIds = [first.data!.createShipment.id, second.data!.createShipment.id];
    const created = await outbox('orders', `entity_id in (?, ?)`, shipmentIds);
    expect(created.map((e) => [e.type, e.version, e.payload.orderId])).toEqual([
      ['shipment.created', 1, order.id],
      ['shipment.created', 1, order.id],
    ]);
    expect(created[0].payload).toMatchObject({ warehouseId: warehouseA, carrier: 'DHL', trackingNumber: 'TRK-1', status: 'SHIPPED' });
    const orderEvents = await outbox('orders', `entity_id = ? and type = 'order.status_changed'`, [order.id]);
    expect(orderEvents.map((e) => e.payload.to)).toEqual(['PROCESSING', 'COMPLETED']);
    const reservationEvents = await outbox('inventory', 'entity_id = ?', [reservation.id]);
    expect(reservationEvents.map((e) => [e.type, e.payload.status, e.payload.shipmentId ?? null])).toEqual([
      ['reservation.created', 'ACTIVE', null],
      ['reservation.part_committed', 'ACTIVE', shipmentIds[0]],
      // each event has the reservation as it was at its version: the last part, then the commit it completed
      ['reservation.part_committed', 'ACTIVE', shipmentIds[1]],
      ['reservation.committed', 'COMMITTED', null],
    ]);
    expect(reservationEvents.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(reservationEvents[1].payload.lines).toEqual(expect.arrayContaining([{ productId: drill, warehouseId: warehouseA, quantity: 2 }, { productId: saw, warehouseId: warehouseA, quantity: 4 }]));
    const stockEvents = await sql<{ n: number }>(stack, 'inventory', `select count(*)::int as n from inventory.outbox_event where type = 'stock.changed' and payload->>'productId' = ? and payload->>'movementType' = 'SHIPMENT'`, [drill]);
    expect(stockEvents[0].n).toBe(2);
  });

  test('a partial shipment then cancellation releases only the unshipped rest: stock and ledger right in every warehouse', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 3);
    await receive(stack, admin, productId, warehouseB, 5);
    // 6 units: 3 from A (preferred), 3 from B
    const order = await processingOrder([{ productId, quantity: 6 }]);
    expect(await level(productId, warehouseA)).toMatchObject({ on_hand: 3, reserved: 3 });
    expect(await level(productId, warehouseB)).toMatchObject({ on_hand: 5, reserved: 3 });

    await executeOk(stack.gatewayUrl, CreateShipmentDocument, { orderId: order.id, input: { warehouseId: warehouseB, lines: [{ productId, quantity: 2 }] }, idempotencyKey: randomUUID() }, { token: admin });
    const cancelled = await executeOk(stack.gatewayUrl, CancelOrderDocument, { id: order.id, reason: 'customer withdrew the rest' }, { token: admin });
    expect(cancelled.cancelOrder.status).toBe('CANCELLED');

    // A gave back its 3; B shipped 2 and gave back 1
    const a = await level(productId, warehouseA);
    const b = await level(productId, warehouseB);
    expect(a).toEqual({ on_hand: 3, reserved: 0, available: 3, ledger_on_hand: 3, ledger_reserved: 0 });
    expect(b).toEqual({ on_hand: 3, reserved: 0, available: 3, ledger_on_hand: 3, ledger_reserved: 0 });
    expect(await stockOf(productId)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    // in the order they happened; within one step the warehouses come in lock order
    const movements = (await ledger(productId)).filter(([type]) => type !== 'RECEIPT').map((m) => JSON.stringify(m));
    const step = (...rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect([...movements.slice(0, 2).sort(), movements[2], ...movements.slice(3).sort()]).toEqual([
      ...step(['RESERVATION', warehouseA, 0, 3], ['RESERVATION', warehouseB, 0, 3]),
      JSON.stringify(['SHIPMENT', warehouseB, -2, -2]),
      ...step(['RELEASE', warehouseA, 0, -3], ['RELEASE', warehouseB, 0, -1]),
    ]);
    const [reservation] = await sql<{ status: string; shipped: number }>(
      stack,
      'inventory',
      `select r.status, sum(a.shipped)::int as shipped from inventory.reservation r join inventory.reservation_allocation a on a.reservation_id = r.id where r.order_id = ? group by r.status`,
      [order.id],
    );
    expect(reservation).toEqual({ status: 'RELEASED', shipped: 2 });

    // the shipment stays on the order; the cancelled order ships nothing more
    const detail = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: admin });
    expect(detail.order?.shipments.map((s) => s.lines.map((l) => l.quantity))).toEqual([[2]]);
    const after = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }] });
    expect(after.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'CANCELLED' });
  });

  test('completeOrder ships the rest as the last shipment, one per warehouse it leaves from', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 3);
    await receive(stack, admin, productId, warehouseB, 4);
    const order = await processingOrder([{ productId, quantity: 5 }]); // A 3, B 2
    await executeOk(stack.gatewayUrl, CreateShipmentDocument, { orderId: order.id, input: { warehouseId: warehouseA, trackingNumber: 'FIRST', lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
    const completed = await executeOk(stack.gatewayUrl, CompleteOrderDocument, { id: order.id }, { token: admin });
    expect(completed.completeOrder.status).toBe('COMPLETED');
    const detail = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: admin });
    const byWarehouse = detail.order!.shipments.map((s) => [s.trackingNumber, s.warehouseId, s.lines[0].quantity]);
    expect(byWarehouse[0]).toEqual(['FIRST', warehouseA, 1]);
    expect(byWarehouse.slice(1)).toEqual(expect.arrayContaining([[null, warehouseA, 2], [null, warehouseB, 2]]));
    expect(byWarehouse).toHaveLength(3);
    expect(await level(productId, warehouseA)).toEqual({ on_hand: 0, reserved: 0, available: 0, ledger_on_hand: 0, ledger_reserved: 0 });
    expect(await level(productId, warehouseB)).toEqual({ on_hand: 2, reserved: 0, available: 2, ledger_on_hand: 2, ledger_reserved: 0 });
  });

  test('a client key that reads like completeOrder\'s own ("complete:<warehouseId>") does not collide with its last shipment', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 5);
    const order = await processingOrder([{ productId, quantity: 5 }]);
    const first = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 2 }] }, `complete:${warehouseA}`);
    expect(first.errors).toBeUndefined();
    const completed = await execute(stack.gatewayUrl, CompleteOrderDocument, { id: order.id }, { token: admin });
    expect(completed.errors).toBeUndefined();
    expect(completed.data!.completeOrder.status).toBe('COMPLETED');
    const detail = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: admin });
    expect(detail.order!.shipments.map((s) => s.lines[0].quantity)).toEqual([2, 3]);
    expect(new Set(detail.order!.shipments.map((s) => s.id)).size).toBe(2);
    expect(await level(productId, warehouseA)).toEqual({ on_hand: 0, reserved: 0, available: 0, ledger_on_hand: 0, ledger_reserved: 0 });
  });

  test('shipping more than ordered minus shipped, or from a warehouse without the reservation, is refused with the field path', async () => {
    const productId = await createProduct(stack, admin);
    const other = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 10);
    await receive(stack, admin, productId, warehouseB, 10);
    await receive(stack, admin, other, warehouseA, 10);
    const order = await processingOrder([{ productId, quantity: 4 }, { productId: other, quantity: 1 }]); // all from A

    const tooMany = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId: other, quantity: 1 }, { productId, quantity: 5 }] });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.lines.1.quantity' }] });
    const notOrdered = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId: await createProduct(stack, admin), quantity: 1 }] });
    expect(notOrdered.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.lines.0.productId' }] });
    const wrongWarehouse = await ship(order.id, { warehouseId: warehouseB, lines: [{ productId, quantity: 1 }] });
    expect(wrongWarehouse.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.warehouseId' }] });
    const repeated = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }, { productId, quantity: 1 }] });
    expect(repeated.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.lines.1.productId' }] });

    expect((await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 3 }] })).errors).toBeUndefined();
    const overRest = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 2 }] });
    expect(overRest.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.lines.0.quantity' }] });
    expect(overRest.errors?.[0].message).toContain('1 units');

    // only the one good shipment moved stock
    expect(await level(productId, warehouseA)).toMatchObject({ on_hand: 7, reserved: 1 });
    expect(await level(productId, warehouseB)).toMatchObject({ on_hand: 10, reserved: 0 });
    expect(await level(other, warehouseA)).toMatchObject({ on_hand: 10, reserved: 1 });

    // a split reservation: a warehouse ships no more than it holds reserved for the order
    const split = await createProduct(stack, admin);
    await receive(stack, admin, split, warehouseA, 2);
    await receive(stack, admin, split, warehouseB, 5);
    const splitOrder = await processingOrder([{ productId: split, quantity: 4 }]); // A 2, B 2
    const overWarehouse = await ship(splitOrder.id, { warehouseId: warehouseA, lines: [{ productId: split, quantity: 3 }] });
    expect(overWarehouse.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.lines.0.quantity' }] });
    expect(await level(split, warehouseA)).toMatchObject({ on_hand: 2, reserved: 2 });

    // a PENDING order does not ship yet
    const customerId = await createCustomer(stack, admin);
    const { placeOrder: pending } = await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
    const early = await ship(pending.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }] });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'PENDING' });
  });

  test('a retried createShipment ships once, also after inventory committed and the answer was lost', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 10);
    const order = await processingOrder([{ productId, quantity: 5 }]);
    const key = randomUUID();
    const input = { warehouseId: warehouseA, trackingNumber: 'RETRY', lines: [{ productId, quantity: 2 }] };
    const [a, b] = await Promise.all([ship(order.id, input, key), ship(order.id, input, key)]);
    const later = await ship(order.id, input, key);
    expect(a.errors).toBeUndefined();
    expect(b.data?.createShipment.id).toBe(a.data!.createShipment.id);
    expect(later.data?.createShipment.id).toBe(a.data!.createShipment.id);
    expect(await level(productId, warehouseA)).toMatchObject({ on_hand: 8, reserved: 3, ledger_on_hand: 8, ledger_reserved: 3 });
    expect((await ledger(productId)).filter(([type]) => type === 'SHIPMENT')).toHaveLength(1);
    const reused = await ship(order.id, { ...input, lines: [{ productId, quantity: 1 }] }, key);
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });

    // Inventory committed the part, but orders never heard (a lost answer, a crash): the retry records it without shipping again.
    const lostKey = randomUUID();
    const lostId = stableId('shipment', `${order.id}:${lostKey}`);
    const direct = await postGraphQL<{ commitReservationPart: { status: string } }>(
      stack.gatewayUrl,
      'mutation($o: ID!, $s: ID!, $w: ID!, $l: [ReservationLineInput!]!) { commitReservationPart(orderId: $o, shipmentId: $s, warehouseId: $w, lines: $l) { status } }',
      { o: order.id, s: lostId, w: warehouseA, l: [{ productId, quantity: 3 }] },
      { token: admin },
    );
    expect(direct.errors).toBeUndefined();
    expect(direct.data?.commitReservationPart.status).toBe('COMMITTED');
    const retried = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 3 }] }, lostKey);
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.createShipment.id).toBe(lostId);
    expect(await level(productId, warehouseA)).toMatchObject({ on_hand: 5, reserved: 0, ledger_on_hand: 5, ledger_reserved: 0 });
    expect((await ledger(productId)).filter(([type]) => type === 'SHIPMENT')).toHaveLength(2);
    const detail = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: admin });
    expect(detail.order?.status).toBe('COMPLETED');
    expect(detail.order?.shipments).toHaveLength(2);
  });

  test('markShipmentDelivered records the delivery once; a retry changes nothing', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 2);
    const order = await processingOrder([{ productId, quantity: 2 }]);
    const { createShipment } = await executeOk(stack.gatewayUrl, CreateShipmentDocument, { orderId: order.id, input: { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
    const before = await execute(stack.gatewayUrl, MarkShipmentDeliveredDocument, { id: createShipment.id, deliveredAt: '2020-01-01T00:00:00Z' }, { token: manager });
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'deliveredAt' }] });
    const at = new Date().toISOString();
    const delivered = await executeOk(stack.gatewayUrl, MarkShipmentDeliveredDocument, { id: createShipment.id, deliveredAt: at }, { token: manager });
    expect(delivered.markShipmentDelivered).toMatchObject({ status: 'DELIVERED', deliveredAt: at });
    const again = await executeOk(stack.gatewayUrl, MarkShipmentDeliveredDocument, { id: createShipment.id, deliveredAt: at }, { token: manager });
    expect(again.markShipmentDelivered.deliveredAt).toBe(at);
    const other = await execute(stack.gatewayUrl, MarkShipmentDeliveredDocument, { id: createShipment.id, deliveredAt: new Date(Date.now() - 1000).toISOString() }, { token: manager });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'DELIVERED', to: 'DELIVERED' });
    const events = await outbox('orders', 'entity_id = ?', [createShipment.id]);
    expect(events.map((e) => [e.type, e.version, e.payload.status])).toEqual([
      ['shipment.created', 1, 'SHIPPED'],
      ['shipment.delivered', 2, 'DELIVERED'],
    ]);
  });
});

describe('reading and authorization', () => {
  test('Order.shipments costs the same SQL statements for 2 orders as for 6 (batched, no N+1)', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 100);
    const customerId = await createCustomer(stack, admin);
    for (let i = 0; i < 6; i++) {
      const order = await processingOrder([{ productId, quantity: 4 }], customerId);
      await executeOk(stack.gatewayUrl, CreateShipmentDocument, { orderId: order.id, input: { warehouseId: warehouseA, trackingNumber: `N-${i}-a`, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
      await executeOk(stack.gatewayUrl, CreateShipmentDocument, { orderId: order.id, input: { warehouseId: warehouseA, trackingNumber: `N-${i}-b`, lines: [{ productId, quantity: 2 }] }, idempotencyKey: randomUUID() }, { token: admin });
    }
    const read = (first: number) =>
      countStatements(stack, (headers) => executeOk(stack.gatewayUrl, OrdersWithShipmentsDocument, { first, filter: { customerId } }, { token: admin, headers }));
    const two = await read(2);
    const six = await read(6);
    expect(six.result.orders.edges).toHaveLength(6);
    for (const { node } of six.result.orders.edges) {
      expect(node.shipments.map((s) => s.lines.map((l) => [l.quantity, l.product?.id]))).toEqual([[[1, productId]], [[2, productId]]]);
    }
    expect(six.statements).toBe(two.statements);
    // the page (its count in the same statement), the shipments, their lines
    expect(six.statements).toBe(3);
  });

  test('the roles that complete an order ship it; readers of the order see its shipments', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 10);
    const customerId = await createCustomer(stack, admin);
    const subject = `ship-agent-${randomUUID().slice(0, 8)}`;
    const code = `T-${randomUUID().slice(0, 8)}`;
    const { createTerritory } = await executeOk(stack.gatewayUrl, CreateTerritoryDocument, { input: { code, name: 'Shipping', managerSubject: 'manager-ship' } }, { token: admin });
    const { createAgent } = await executeOk(stack.gatewayUrl, CreateAgentDocument, { input: { employeeId: code, name: 'Ship Agent', email: `${subject}@example.com`, territoryId: createTerritory.id, subject } }, { token: admin });
    await executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId, territoryId: createTerritory.id, agentId: createAgent.id }, { token: admin });
    const order = await processingOrder([{ productId, quantity: 4 }], customerId);
    const agent = await stack.token('AGENT', [], subject);
    const stranger = await stack.token('AGENT', [], `other-${subject}`);
    const service = await stack.token('SERVICE');

    const byAgent = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }] }, randomUUID(), agent);
    expect(byAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }] }, randomUUID(), '');
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(anonymous.errors?.[0].extensions?.code);
    expect(await level(productId, warehouseA)).toMatchObject({ on_hand: 10, reserved: 4 });

    const byManager = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }] }, randomUUID(), manager);
    expect(byManager.errors).toBeUndefined();
    const byService = await ship(order.id, { warehouseId: warehouseA, lines: [{ productId, quantity: 1 }] }, randomUUID(), service);
    expect(byService.errors).toBeUndefined();
    const deliveredByAgent = await execute(stack.gatewayUrl, MarkShipmentDeliveredDocument, { id: byManager.data!.createShipment.id }, { token: agent });
    expect(deliveredByAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // read as Order: the territory's agent sees the shipments, another agent not even the order
    const seen = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: agent });
    expect(seen.order?.shipments).toHaveLength(2);
    const hidden = await executeOk(stack.gatewayUrl, OrderShipmentsDocument, { id: order.id }, { token: stranger });
    expect(hidden.order).toBeNull();
  });

  test('shipmentUpdated streams a shipment as it leaves and when delivered; shipment(id) reads it; an agent sees neither for another territory\'s customer', async () => {
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouseA, 10);
    const mineId = await createCustomer(stack, admin);
    const theirsId = await createCustomer(stack, admin);
    const subject = `watch-agent-${randomUUID().slice(0, 8)}`;
    const code = `T-${randomUUID().slice(0, 8)}`;
    const { createTerritory } = await executeOk(stack.gatewayUrl, CreateTerritoryDocument, { input: { code, name: 'Watching', managerSubject: 'manager-ship' } }, { token: admin });
    const { createAgent } = await executeOk(stack.gatewayUrl, CreateAgentDocument, { input: { employeeId: code, name: 'Watch Agent', email: `${subject}@example.com`, territoryId: createTerritory.id, subject } }, { token: admin });
    await executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId: mineId, territoryId: createTerritory.id, agentId: createAgent.id }, { token: admin });
    const agent = await stack.token('AGENT', [], subject);
    const mine = await processingOrder([{ productId, quantity: 2 }], mineId);
    const theirs = await processingOrder([{ productId, quantity: 2 }], theirsId);

    const query = print(ShipmentUpdatedDocument);
    const managerClient = wsClient(stack.gatewayUrl, manager);
    const agentClient = wsClient(stack.gatewayUrl, agent);
    type Event = { shipmentUpdated: { id: string; orderId: string; status: string; trackingNumber: string | null; deliveredAt: string | null } };
    const oneOrder = collect<Event>(managerClient, query, { orderId: mine.id });
    const agentAll = collect<Event>(agentClient, query, {});
    const agentTheirs = collect<Event>(agentClient, query, { customerId: theirsId });
    try {
      await eventually(() => stack.gateway.subscriptions.stats().groups >= 1);
      await new Promise((r) => setTimeout(r, 300)); // the upstream subscriptions are being opened
      const other = await ship(theirs.id, { warehouseId: warehouseA, trackingNumber: 'THEIRS-1', lines: [{ productId, quantity: 1 }] });
      const first = await ship(mine.id, { warehouseId: warehouseA, carrier: 'UPS', trackingNumber: 'MINE-1', lines: [{ productId, quantity: 1 }] });
      await executeOk(stack.gatewayUrl, MarkShipmentDeliveredDocument, { id: first.data!.createShipment.id }, { token: manager });

      const events = await oneOrder.waitFor(2);
      expect(events.map((e) => [e.data?.shipmentUpdated.id, e.data?.shipmentUpdated.status, e.data?.shipmentUpdated.trackingNumber])).toEqual([
        [first.data!.createShipment.id, 'SHIPPED', 'MINE-1'],
        [first.data!.createShipment.id, 'DELIVERED', 'MINE-1'],
      ]);
      const seen = await agentAll.waitFor(2);
      expect(seen.map((e) => e.data?.shipmentUpdated.orderId)).toEqual([mine.id, mine.id]);
      expect(agentTheirs.results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code))).toEqual(['FORBIDDEN']);
      expect(JSON.stringify([agentAll.results, agentTheirs.results])).not.toContain('THEIRS-1');

      // the same shipments by id: an agent reads its territory's, not another's (null, as if unknown)
      const mineRead = await executeOk(stack.gatewayUrl, ShipmentByIdDocument, { id: first.data!.createShipment.id }, { token: agent });
      expect(mineRead.shipment).toMatchObject({ id: first.data!.createShipment.id, status: 'DELIVERED', lines: [{ quantity: 1, productId }] });
      const theirsRead = await executeOk(stack.gatewayUrl, ShipmentByIdDocument, { id: other.data!.createShipment.id }, { token: agent });
      expect(theirsRead.shipment).toBeNull();
      expect((await executeOk(stack.gatewayUrl, ShipmentByIdDocument, { id: other.data!.createShipment.id }, { token: manager })).shipment?.trackingNumber).toBe('THEIRS-1');
      expect((await executeOk(stack.gatewayUrl, ShipmentByIdDocument, { id: randomUUID() }, { token: manager })).shipment).toBeNull();
    } finally {
      oneOrder.stop();
      agentAll.stop();
      agentTheirs.stop();
      await managerClient.dispose();
      await agentClient.dispose();
    }
  });
});
