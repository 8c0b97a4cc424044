import { randomUUID } from 'node:crypto';
import { OutboxEvent, seededRandom } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { MovementType, StockLevel, StockMovement } from '../src/entities';
import { ReservationService } from '../src/services/reservations';
import { StockService } from '../src/services/stock';
import { inventorySubgraph } from '../src/subgraph';
import { eventsOf, ledgerMismatches, levelsOf, newProduct, stock, warehouse } from './helpers';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(inventorySubgraph);
});
afterAll(() => db?.close());

const service = () => new StockService(db.em(), { caller: { subject: 'manager@example.com', roles: ['MANAGER'], scopes: [] }, requestId: null });
const reservations = () => new ReservationService(db.em(), 'service:orders');

describe('receive and adjust', () => {
  test('receive creates the level on first use and records who received', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    const level = await service().receive({ productId: p, warehouseId: w.id, quantity: 12, reference: 'PO-1' });
    expect(level).toMatchObject({ productId: p, warehouseId: w.id, onHand: 12, reserved: 0, version: 1 });
    const [movement] = await db.em().find(StockMovement, { productId: p });
    expect(movement).toMatchObject({ type: MovementType.RECEIPT, quantity: 12, onHandDelta: 12, reservedDelta: 0, reference: 'PO-1', actor: 'manager@example.com' });
  });

  test('adjust may not take onHand below reserved, and needs a reason', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 10);
    await reservations().reserve(randomUUID(), [{ productId: p, quantity: 7 }]);
    await expect(service().adjust({ productId: p, warehouseId: w.id, delta: -4, reason: 'broken' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.delta' }] },
    });
    await expect(service().adjust({ productId: p, warehouseId: w.id, delta: -1, reason: '  ' })).rejects.toMatchObject({ extensions: { fields: [{ field: 'input.reason' }] } });
    await expect(service().adjust({ productId: p, warehouseId: w.id, delta: 0, reason: 'x' })).rejects.toMatchObject({ extensions: { fields: [{ field: 'input.delta' }] } });
    const level = await service().adjust({ productId: p, warehouseId: w.id, delta: -3, reason: 'broken' });
    expect(level).toMatchObject({ onHand: 7, reserved: 7 });
    expect(await ledgerMismatches(db.em(), [p])).toEqual([]);
  });

  test('unknown and inactive warehouses are refused naming the field', async () => {
    const closed = await warehouse(db, 1, false);
    const p = newProduct();
    await expect(service().receive({ productId: p, warehouseId: closed.id, quantity: 1 })).rejects.toMatchObject({
      message: expect.stringContaining('inactive'),
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.warehouseId' }] },
    });
    await expect(service().receive({ productId: p, warehouseId: randomUUID(), quantity: 1 })).rejects.toMatchObject({ extensions: { fields: [{ field: 'input.warehouseId' }] } });
    await expect(service().receive({ productId: p, warehouseId: 'nope', quantity: 1 })).rejects.toMatchObject({ extensions: { fields: [{ field: 'input.warehouseId' }] } });
    expect(await db.em().count(StockLevel, { productId: p })).toBe(0);
  });
});

describe('transferStock', () => {
  test('moves available units atomically: both sides with one reference', async () => {
    const [from, to] = [await warehouse(db, 1), await warehouse(db, 2)];
    const p = newProduct();
    await stock(db, p, from.id, 10);
    const [source, target] = await service().transfer({ productId: p, fromWarehouseId: from.id, toWarehouseId: to.id, quantity: 4 });
    expect([source.warehouseId, source.onHand, target.warehouseId, target.onHand]).toEqual([from.id, 6, to.id, 4]);
    const moves = await db.em().find(StockMovement, { productId: p, type: { $in: [MovementType.TRANSFER_OUT, MovementType.TRANSFER_IN] } });
    expect(moves.map((m) => m.onHandDelta).sort()).toEqual([-4, 4]);
    expect(moves[0].reference).toBe(moves[1].reference);
  });

  test('insufficient available stock moves nothing (reserved and safety stock stay)', async () => {
    const [from, to] = [await warehouse(db, 1), await warehouse(db, 2)];
    const p = newProduct();
    await stock(db, p, from.id, 10, 2);
    await reservations().reserve(randomUUID(), [{ productId: p, quantity: 5 }]);
    const outboxBefore = await db.em().count(OutboxEvent, {});
    await expect(service().transfer({ productId: p, fromWarehouseId: from.id, toWarehouseId: to.id, quantity: 4 })).rejects.toMatchObject({
      extensions: { code: 'INSUFFICIENT_STOCK', productId: p, requested: 4, available: 3 },
    });
    const levels = await levelsOf(db.em(), p);
    expect(levels.get(from.id)).toMatchObject({ onHand: 10, reserved: 5 });
    expect(levels.has(to.id)).toBe(false); // the target level created for the transfer was rolled back with it
    expect(await db.em().count(StockMovement, { productId: p, type: MovementType.TRANSFER_OUT })).toBe(0);
    expect(await db.em().count(OutboxEvent, {})).toBe(outboxBefore);
    await expect(service().transfer({ productId: p, fromWarehouseId: from.id, toWarehouseId: from.id, quantity: 1 })).rejects.toMatchObject({
      extensions: { fields: [{ field: 'input.toWarehouseId' }] },
    });
  });
});

describe('setStockLevels', () => {
  test('is idempotent: the second identical call changes nothing and writes no movement', async () => {
    const [a, b] = [await warehouse(db, 1), await warehouse(db, 2)];
    const [p1, p2] = [newProduct(), newProduct()];
    await stock(db, p1, a.id, 5);
    const items = [
      { productId: p1, warehouseCode: a.code, onHand: 8 },
      { productId: p1, warehouseCode: b.code, onHand: 3 },
      { productId: p2, warehouseCode: a.code, onHand: 0 },
    ];
    const first = await service().setLevels(items);
    expect(first).toMatchObject({ created: 2, updated: 1, unchanged: 0, failed: 0 });
    const movements = await db.em().count(StockMovement, { productId: { $in: [p1, p2] } });
    const outbox = await db.em().count(OutboxEvent, {});

    const second = await service().setLevels(items);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await db.em().count(StockMovement, { productId: { $in: [p1, p2] } })).toBe(movements);
    expect(await db.em().count(OutboxEvent, {})).toBe(outbox);

    const adjustment = await db.em().findOneOrFail(StockMovement, { productId: p1, warehouseId: a.id, type: MovementType.ADJUSTMENT });
    expect(adjustment).toMatchObject({ quantity: 3, onHandDelta: 3, reason: 'stock sync' });
    expect((await levelsOf(db.em(), p1)).get(b.id)!.onHand).toBe(3);
    expect(await ledgerMismatches(db.em(), [p1, p2])).toEqual([]);
  });

  test('an unknown warehouse code fails that item alone; a repeated key refuses the batch', async () => {
    const a = await warehouse(db, 1);
    const p = newProduct();
    const result = await service().setLevels([
      { productId: p, warehouseCode: 'NOWHERE', onHand: 4 },
      { productId: p, warehouseCode: a.code, onHand: 4 },
    ]);
    expect(result).toMatchObject({ created: 1, failed: 1 });
    expect(result.items[0]).toMatchObject({ outcome: 'FAILED', node: null, error: 'items.0.warehouseCode "NOWHERE" is not a known warehouse' });
    expect(result.items[1]).toMatchObject({ outcome: 'CREATED', node: { onHand: 4 } });
    await expect(service().setLevels([{ productId: p, warehouseCode: a.code, onHand: 1 }, { productId: p, warehouseCode: a.code, onHand: 2 }])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'items.1.warehouseCode' }] },
    });
    await expect(service().setLevels(Array.from({ length: 1001 }, () => ({ productId: randomUUID(), warehouseCode: a.code, onHand: 1 })))).rejects.toMatchObject({
      extensions: { fields: [{ field: 'items' }] },
    });
  });

  test('an onHand below what is reserved fails that item', async () => {
    const a = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, a.id, 5);
    await reservations().reserve(randomUUID(), [{ productId: p, quantity: 4 }]);
    const result = await service().setLevels([{ productId: p, warehouseCode: a.code, onHand: 3 }]);
    expect(result.items[0]).toMatchObject({ outcome: 'FAILED', error: 'items.0.onHand 3 is below the 4 units reserved' });
    expect((await levelsOf(db.em(), p)).get(a.id)!.onHand).toBe(5);
  });
});

describe('setStockLevels, set-based', () => {
  test('a batch of 500 is a fixed handful of statements; items failing in the middle fail alone; movements, versions and events match', async () => {
    const [a, closed] = [await warehouse(db, 1), await warehouse(db, 2, false)];
    const products = Array.from({ length: 500 }, () => newProduct());
    await stock(db, products[0], a.id, 10); // changes: 10 → 0
    await stock(db, products[1], a.id, 7); // unchanged
    await stock(db, products[2], a.id, 9);
    await reservations().reserve(randomUUID(), [{ productId: products[2], quantity: 6 }]); // 3 on hand is below the 6 reserved
    await service().setPolicy({ productId: products[3], warehouseId: a.id, safetyStock: 0, reorderPoint: 5 });
    await stock(db, products[3], a.id, 20); // 20 → 4 crosses the reorder point: stock.low
    const items = products.map((productId, i) => ({ productId, warehouseCode: a.code, onHand: i }));
    items[0].onHand = 0;
    items[1].onHand = 7;
    items[2].onHand = 3;
    items[3].onHand = 4;
    items[250] = { ...items[250], warehouseCode: 'NOWHERE' };
    items[251] = { ...items[251], warehouseCode: closed.code };
    items[252] = { ...items[252], productId: 'not-a-uuid' };
    const outbox = await db.em().count(OutboxEvent, {});

    const before = db.database.statementCount;
    const result = await service().setLevels(items);
    // begin, warehouses, ensure levels, lock levels, update levels, insert movements, insert events, commit
    expect(db.database.statementCount - before).toBeLessThanOrEqual(8);
    expect(result).toMatchObject({ created: 493, updated: 2, unchanged: 1, failed: 4 });
    expect(result.items.slice(0, 4).map((r) => r.outcome)).toEqual(['UPDATED', 'UNCHANGED', 'FAILED', 'UPDATED']);
    expect(result.items[2].error).toBe('items.2.onHand 3 is below the 6 units reserved');
    expect(result.items.slice(250, 253).map((r) => [r.outcome, r.error])).toEqual([
      ['FAILED', 'items.250.warehouseCode "NOWHERE" is not a known warehouse'],
      ['FAILED', `items.251.warehouseCode "${closed.code}" names an inactive warehouse`],
      ['FAILED', 'items.252.productId must be an id (UUID), got "not-a-uuid"'],
    ]);
    expect(result.items[4]).toMatchObject({ index: 4, outcome: 'CREATED', node: { productId: products[4], warehouseId: a.id, onHand: 4, available: 4, version: 1 } });
    expect(result.items[5]).toMatchObject({ outcome: 'CREATED', key: `${products[5]}@${a.code}` });
    expect(result.items[253]).toMatchObject({ outcome: 'CREATED', node: { onHand: 253 } });

    expect(await ledgerMismatches(db.em(), products.slice(0, 260))).toEqual([]);
    expect((await levelsOf(db.em(), products[2])).get(a.id)).toMatchObject({ onHand: 9, reserved: 6 });
    expect(await db.em().count(StockLevel, { productId: products[250] })).toBe(0);
    // one stock.changed per moved level: items 0 and 3, and the 493 new levels (all with onHand > 0)
    const events = await db.em().find(OutboxEvent, { sequence: { $gt: String(outbox) } as never }, { orderBy: { sequence: 'asc' } });
    expect(events.filter((e) => e.type === 'stock.changed')).toHaveLength(495);
    const low = events.filter((e) => e.type === 'stock.low');
    // 10 → 0 crosses a reorder point of 0; 20 → 4 crosses one of 5
    expect(low.map((e) => e.payload)).toEqual([
      expect.objectContaining({ productId: products[0], onHand: 0, available: 0, reorderPoint: 0 }),
      expect.objectContaining({ productId: products[3], onHand: 4, available: 4, reorderPoint: 5, movementType: 'ADJUSTMENT', quantity: 16 }),
    ]);
    const level3 = (await levelsOf(db.em(), products[3])).get(a.id)!;
    expect(low[1]).toMatchObject({ entityId: level3.id, version: level3.version });
    const adjustment = await db.em().findOneOrFail(StockMovement, { productId: products[3], type: MovementType.ADJUSTMENT });
    expect(adjustment).toMatchObject({ quantity: 16, onHandDelta: -16, reason: 'stock sync', actor: 'manager@example.com' });
    // the events follow the items' order
    expect(events.filter((e) => e.type === 'stock.changed').map((e) => (e.payload as { productId: string }).productId).slice(0, 3)).toEqual([products[0], products[3], products[4]]);

    const again = await service().setLevels(items);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 496, failed: 4 });
  });
});

describe('events', () => {
  test('stock.low is written exactly when available crosses the reorder point', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await service().setPolicy({ productId: p, warehouseId: w.id, safetyStock: 0, reorderPoint: 5 }); // 0 ≤ 5: low from the start, no crossing
    await stock(db, p, w.id, 10); // 10 > 5: not low
    const orders = [randomUUID(), randomUUID(), randomUUID()];
    await reservations().reserve(orders[0], [{ productId: p, quantity: 4 }]); // 6: still above
    await reservations().reserve(orders[1], [{ productId: p, quantity: 1 }]); // 5: crosses → stock.low
    await reservations().reserve(orders[2], [{ productId: p, quantity: 2 }]); // 3: already low, no second stock.low
    await reservations().release(orders[2]); // 5: still low
    await reservations().release(orders[1]); // 6: back above
    await service().adjust({ productId: p, warehouseId: w.id, delta: -2, reason: 'damaged' }); // 4: crosses again

    const level = (await levelsOf(db.em(), p)).get(w.id)!;
    const events = await eventsOf(db.em(), level.id);
    const types = events.map((e) => `${e.type}@${e.version}`);
    expect(types.filter((t) => t.startsWith('stock.low'))).toEqual(['stock.low@4', 'stock.low@8']);
    expect(types.filter((t) => t.startsWith('stock.changed'))).toHaveLength(8);
    expect(events.find((e) => e.type === 'stock.low')!.payload).toMatchObject({ available: 5, reorderPoint: 5, movementType: 'RESERVATION', quantity: 1 });
    expect(events[0].payload).toMatchObject({ movementType: null, quantity: 0, reorderPoint: 5 });
  });

  test('a refused change writes no outbox row', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 1);
    const before = await db.em().count(OutboxEvent, {});
    await expect(service().adjust({ productId: p, warehouseId: w.id, delta: -2, reason: 'lost' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(reservations().reserve(randomUUID(), [{ productId: p, quantity: 2 }])).rejects.toMatchObject({ extensions: { code: 'INSUFFICIENT_STOCK' } });
    expect(await db.em().count(OutboxEvent, {})).toBe(before);
  });
});

describe('a random concurrent workload', () => {
  test('leaves every level equal to its ledger and nothing negative', async () => {
    const warehouses = [await warehouse(db, 1), await warehouse(db, 2), await warehouse(db, 3)];
    const products = [newProduct(), newProduct(), newProduct()];
    for (const p of products) for (const w of warehouses) await stock(db, p, w.id, 20);
    const random = seededRandom(20261122);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const orders: string[] = [];

    const operations = Array.from({ length: 240 }, (_, i) => {
      const p = pick(products);
      const w = pick(warehouses);
      const roll = random();
      const quantity = 1 + Math.floor(random() * 6);
      if (roll < 0.15) return () => service().receive({ productId: p, warehouseId: w.id, quantity });
      if (roll < 0.3) return () => service().adjust({ productId: p, warehouseId: w.id, delta: random() < 0.5 ? -quantity : quantity, reason: `count ${i}` });
      if (roll < 0.45) {
        const to = pick(warehouses.filter((x) => x !== w));
        return () => service().transfer({ productId: p, fromWarehouseId: w.id, toWarehouseId: to.id, quantity });
      }
      if (roll < 0.75) {
        const orderId = randomUUID();
        orders.push(orderId);
        return () => reservations().reserve(orderId, [{ productId: p, quantity }, { productId: pick(products), quantity: 1 }]);
      }
      if (roll < 0.88) return () => (orders.length ? reservations().commit(pick(orders)) : Promise.resolve());
      if (roll < 0.94) return () => (orders.length ? reservations().release(pick(orders)) : Promise.resolve());
      // a sync setting two levels at once, against everything else: same lock order, no deadlock
      const other = pick(products.filter((x) => x !== p));
      return () => service().setLevels([{ productId: p, warehouseCode: w.code, onHand: 10 + quantity }, { productId: other, warehouseCode: pick(warehouses).code, onHand: 30 - quantity }]);
    });

    const results = await Promise.allSettled(operations.map((run) => run()));
    const unexpected = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as { extensions?: { code?: string }; message?: string })
      .filter((e) => !['INSUFFICIENT_STOCK', 'BAD_USER_INPUT', 'NOT_FOUND', 'INVALID_TRANSITION'].includes(e.extensions?.code ?? ''));
    expect(unexpected.map((e) => e.message)).toEqual([]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(100);

    expect(await ledgerMismatches(db.em(), products)).toEqual([]);
    const levels = await db.em().find(StockLevel, { productId: { $in: products } });
    expect(levels.every((l) => l.onHand >= 0 && l.reserved >= 0 && l.reserved <= l.onHand)).toBe(true);
    const versions: { version: number; moves: number }[] = await db.em().getConnection().execute(
      `select l.id, l.version, (select count(*) from inventory.stock_movement m where m.product_id = l.product_id and m.warehouse_id = l.warehouse_id)::int as moves
       from inventory.stock_level l where l.product_id in (?, ?, ?)`,
      products,
    );
    expect(versions.every((v) => v.version === v.moves)).toBe(true);
  });
});
