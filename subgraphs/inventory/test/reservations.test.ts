import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { MovementType, Reservation, ReservationAllocation, ReservationStatus, StockLevel, StockMovement } from '../src/entities';
import { expireReservations, ReservationService } from '../src/services/reservations';
import { WarehouseService } from '../src/services/warehouses';
import { inventorySubgraph } from '../src/subgraph';
import { eventsOf, ledgerMismatches, levelsOf, newProduct, stock, warehouse } from './helpers';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(inventorySubgraph);
});
afterAll(() => db?.close());

const service = () => new ReservationService(db.em(), 'service:orders');
const allocationsOf = async (reservation: Reservation) =>
  (await db.em().find(ReservationAllocation, { reservationId: reservation.id })).map((a) => ({ warehouseId: a.warehouseId, quantity: a.quantity })).sort((a, b) => b.quantity - a.quantity);

describe('reserveStock: allocation', () => {
  test('prefers the lower priority number, then the warehouse with more available', async () => {
    const [first, secondSmall, secondBig] = [await warehouse(db, 1), await warehouse(db, 2), await warehouse(db, 2)];
    const p = newProduct();
    await stock(db, p, first.id, 3);
    await stock(db, p, secondSmall.id, 10);
    await stock(db, p, secondBig.id, 20);

    const small = await service().reserve(randomUUID(), [{ productId: p, quantity: 2 }]);
    expect(await allocationsOf(small)).toEqual([{ warehouseId: first.id, quantity: 2 }]);

    // first has 1 left: 1 from it, the remaining 4 from the fuller of the two priority-2 warehouses
    const split = await service().reserve(randomUUID(), [{ productId: p, quantity: 5 }]);
    expect(await allocationsOf(split)).toEqual([
      { warehouseId: secondBig.id, quantity: 4 },
      { warehouseId: first.id, quantity: 1 },
    ]);
    const levels = await levelsOf(db.em(), p);
    expect([levels.get(first.id)!.reserved, levels.get(secondSmall.id)!.reserved, levels.get(secondBig.id)!.reserved]).toEqual([3, 0, 4]);
  });

  test('safety stock is never reserved', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 10, 4);
    await expect(service().reserve(randomUUID(), [{ productId: p, quantity: 7 }])).rejects.toMatchObject({
      extensions: { code: 'INSUFFICIENT_STOCK', productId: p, requested: 7, available: 6 },
    });
    await service().reserve(randomUUID(), [{ productId: p, quantity: 6 }]);
    const level = (await levelsOf(db.em(), p)).get(w.id)!;
    expect({ onHand: level.onHand, reserved: level.reserved, available: level.available }).toEqual({ onHand: 10, reserved: 6, available: 0 });
  });

  test('inactive warehouses are ignored', async () => {
    const [closed, open] = [await warehouse(db, 1), await warehouse(db, 5)];
    const p = newProduct();
    await stock(db, p, closed.id, 50);
    await stock(db, p, open.id, 2);
    await new WarehouseService(db.em(), null).update(closed.id, { active: false });
    await expect(service().reserve(randomUUID(), [{ productId: p, quantity: 3 }])).rejects.toMatchObject({ extensions: { code: 'INSUFFICIENT_STOCK', available: 2 } });
    const reservation = await service().reserve(randomUUID(), [{ productId: p, quantity: 2 }]);
    expect(await allocationsOf(reservation)).toEqual([{ warehouseId: open.id, quantity: 2 }]);
  });

  test('lines repeating a product are merged; invalid quantities name the line', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 10);
    const reservation = await service().reserve(randomUUID(), [{ productId: p, quantity: 2 }, { productId: p, quantity: 3 }]);
    expect(await allocationsOf(reservation)).toEqual([{ warehouseId: w.id, quantity: 5 }]);
    await expect(service().reserve(randomUUID(), [{ productId: p, quantity: 1 }, { productId: p, quantity: 0 }])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'lines.1.quantity' }] },
    });
    await expect(service().reserve(randomUUID(), [{ productId: p, quantity: 1.5 }])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service().reserve('order-1', [{ productId: p, quantity: 1 }])).rejects.toMatchObject({ extensions: { fields: [{ field: 'orderId' }] } });
  });
});

describe('reserveStock: all or none', () => {
  test('one short line refuses the request, names the product and changes nothing', async () => {
    const w = await warehouse(db, 1);
    const [plenty, scarce] = [newProduct(), newProduct()];
    await stock(db, plenty, w.id, 100);
    await stock(db, scarce, w.id, 2);
    const movementsBefore = await db.em().count(StockMovement, { productId: { $in: [plenty, scarce] } });
    const orderId = randomUUID();

    const error = await service()
      .reserve(orderId, [{ productId: plenty, quantity: 10 }, { productId: scarce, quantity: 3 }])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'INSUFFICIENT_STOCK', productId: scarce, requested: 3, available: 2 } });
    expect((error as Error).message).toContain(scarce);

    const levels = [...(await levelsOf(db.em(), plenty)).values(), ...(await levelsOf(db.em(), scarce)).values()];
    expect(levels.map((l) => [l.onHand, l.reserved, l.version])).toEqual(expect.arrayContaining([[100, 0, 1], [2, 0, 1]]));
    expect(await db.em().count(StockMovement, { productId: { $in: [plenty, scarce] } })).toBe(movementsBefore);
    expect(await db.em().count(Reservation, { orderId })).toBe(0);
    expect(await eventsOf(db.em(), levels[0].id)).toHaveLength(1); // the receipt's, none for the refused reservation
  });
});

describe('reserveStock: concurrency', () => {
  test('200 concurrent single-unit reservations for 50 available units: exactly 50 succeed', async () => {
    const [a, b] = [await warehouse(db, 1), await warehouse(db, 2)];
    const p = newProduct();
    await stock(db, p, a.id, 20);
    await stock(db, p, b.id, 33, 3); // 30 available

    const results = await Promise.allSettled(Array.from({ length: 200 }, () => service().reserve(randomUUID(), [{ productId: p, quantity: 1 }])));
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toHaveLength(50);
    expect(failed).toHaveLength(150);
    expect(failed.every((r) => (r.reason as { extensions?: { code?: string } }).extensions?.code === 'INSUFFICIENT_STOCK')).toBe(true);

    const levels = await levelsOf(db.em(), p);
    expect(levels.get(a.id)!.reserved + levels.get(b.id)!.reserved).toBe(50);
    expect(levels.get(a.id)!).toMatchObject({ onHand: 20, reserved: 20 });
    expect(levels.get(b.id)!).toMatchObject({ onHand: 33, reserved: 30 });
    expect([...levels.values()].every((l) => l.available === 0)).toBe(true);
    expect(await ledgerMismatches(db.em(), [p])).toEqual([]);
    expect(await db.em().count(StockMovement, { productId: p, type: MovementType.RESERVATION })).toBe(50);
  });

  test('the same orderId twice at once gives one reservation and reserves once', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 10);
    const orderId = randomUUID();
    const [first, second] = await Promise.all([
      service().reserve(orderId, [{ productId: p, quantity: 4 }]),
      service().reserve(orderId, [{ productId: p, quantity: 4 }]),
    ]);
    expect(first.id).toBe(second.id);
    expect(await db.em().count(Reservation, { orderId })).toBe(1);
    expect((await levelsOf(db.em(), p)).get(w.id)!.reserved).toBe(4);
    // and a later retry, even with other lines, returns it unchanged
    const retry = await service().reserve(orderId, [{ productId: p, quantity: 9 }]);
    expect(retry).toMatchObject({ id: first.id, status: ReservationStatus.ACTIVE });
    expect((await levelsOf(db.em(), p)).get(w.id)!.reserved).toBe(4);
  });
});

describe('commit, release, expiry', () => {
  async function reserved(quantity: number, ttlSeconds?: number) {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 10);
    const orderId = randomUUID();
    const reservation = await service().reserve(orderId, [{ productId: p, quantity }], ttlSeconds);
    return { w, p, orderId, reservation };
  }

  test('commit ships the units, is idempotent, and writes one SHIPMENT', async () => {
    const { w, p, orderId, reservation } = await reserved(3);
    const committed = await service().commit(orderId);
    expect(committed).toMatchObject({ id: reservation.id, status: ReservationStatus.COMMITTED });
    expect(await service().commit(orderId)).toMatchObject({ status: ReservationStatus.COMMITTED });
    expect((await levelsOf(db.em(), p)).get(w.id)!).toMatchObject({ onHand: 7, reserved: 0 });
    expect(await db.em().count(StockMovement, { productId: p, type: MovementType.SHIPMENT })).toBe(1);
    expect(await ledgerMismatches(db.em(), [p])).toEqual([]);
    await expect(service().release(orderId)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION', from: 'COMMITTED', to: 'RELEASED' } });
    expect((await eventsOf(db.em(), reservation.id)).map((e) => [e.type, e.version])).toEqual([
      ['reservation.created', 1],
      ['reservation.committed', 2],
    ]);
  });

  test('release gives the units back, is idempotent, and a released reservation cannot be committed', async () => {
    const { w, p, orderId } = await reserved(4);
    expect(await service().release(orderId)).toMatchObject({ status: ReservationStatus.RELEASED });
    expect(await service().release(orderId)).toMatchObject({ status: ReservationStatus.RELEASED });
    expect((await levelsOf(db.em(), p)).get(w.id)!).toMatchObject({ onHand: 10, reserved: 0 });
    expect(await db.em().count(StockMovement, { productId: p, type: MovementType.RELEASE })).toBe(1);
    await expect(service().commit(orderId)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
  });

  test('release of an unknown order is null; commit of one is NOT_FOUND', async () => {
    await expect(service().release(randomUUID())).resolves.toBeNull();
    await expect(service().commit(randomUUID())).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  test('the sweep expires what is past its time, restores availability, and leaves the rest alone', async () => {
    const expiring = await reserved(6, 60);
    const lasting = await reserved(2, 3600);
    const count = await expireReservations(db.em(), { now: new Date(Date.now() + 120_000) });
    expect(count).toBeGreaterThanOrEqual(1);

    expect(await service().find(expiring.orderId)).toMatchObject({ status: ReservationStatus.EXPIRED });
    expect((await levelsOf(db.em(), expiring.p)).get(expiring.w.id)!).toMatchObject({ reserved: 0, available: 10 });
    const release = await db.em().findOneOrFail(StockMovement, { productId: expiring.p, type: MovementType.RELEASE });
    expect(release).toMatchObject({ reason: 'expired', reservedDelta: -6, reference: expiring.orderId });
    expect((await eventsOf(db.em(), expiring.reservation.id)).map((e) => e.type)).toEqual(['reservation.created', 'reservation.expired']);

    expect(await service().find(lasting.orderId)).toMatchObject({ status: ReservationStatus.ACTIVE });
    expect((await levelsOf(db.em(), lasting.p)).get(lasting.w.id)!.reserved).toBe(2);
    // expired is final for commit, and release treats it as already done
    await expect(service().commit(expiring.orderId)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    await expect(service().release(expiring.orderId)).resolves.toMatchObject({ status: ReservationStatus.EXPIRED });
    expect(await ledgerMismatches(db.em(), [expiring.p, lasting.p])).toEqual([]);
  });

  test('two sweeps at once expire each reservation once', async () => {
    const many = await Promise.all(Array.from({ length: 8 }, () => reserved(1, 1)));
    const later = new Date(Date.now() + 10_000);
    const [a, b] = await Promise.all([expireReservations(db.em(), { now: later }), expireReservations(db.em(), { now: later })]);
    expect(a + b).toBeGreaterThanOrEqual(8);
    for (const r of many) {
      expect(await db.em().count(StockMovement, { productId: r.p, type: MovementType.RELEASE })).toBe(1);
      expect(await ledgerMismatches(db.em(), [r.p])).toEqual([]);
    }
  });
});

describe('returnStock', () => {
  test('returns into the warehouse the order shipped from, once', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 5);
    const orderId = randomUUID();
    await service().reserve(orderId, [{ productId: p, quantity: 3 }]);
    await service().commit(orderId);

    const first = await service().returnStock(orderId, [{ productId: p, quantity: 2 }]);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ type: MovementType.RETURN, warehouseId: w.id, quantity: 2, onHandDelta: 2, reference: orderId });
    const again = await service().returnStock(orderId, [{ productId: p, quantity: 2 }]);
    expect(again.map((m) => m.id)).toEqual(first.map((m) => m.id));
    expect((await levelsOf(db.em(), p)).get(w.id)!.onHand).toBe(4);
    expect(await ledgerMismatches(db.em(), [p])).toEqual([]);
  });

  test('into a named warehouse; an unknown or inactive one is refused naming the field', async () => {
    const [w, other, closed] = [await warehouse(db, 1), await warehouse(db, 2), await warehouse(db, 3, false)];
    const p = newProduct();
    await stock(db, p, w.id, 1);
    await expect(service().returnStock(randomUUID(), [{ productId: p, quantity: 1 }], closed.id)).rejects.toMatchObject({ extensions: { fields: [{ field: 'warehouseId' }] } });
    await expect(service().returnStock(randomUUID(), [{ productId: p, quantity: 1 }], randomUUID())).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service().returnStock(randomUUID(), [{ productId: p, quantity: 1 }])).rejects.toMatchObject({ extensions: { fields: [{ field: 'warehouseId' }] } });
    await service().returnStock(randomUUID(), [{ productId: p, quantity: 4 }], other.id);
    expect((await levelsOf(db.em(), p)).get(other.id)!.onHand).toBe(4);
  });
});

describe('outbox', () => {
  test('a reservation writes stock.changed per level with the level version, and none when refused', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 3);
    const level = (await levelsOf(db.em(), p)).get(w.id)!;
    const orderId = randomUUID();
    await service().reserve(orderId, [{ productId: p, quantity: 2 }]);
    await expect(service().reserve(randomUUID(), [{ productId: p, quantity: 2 }])).rejects.toMatchObject({ extensions: { code: 'INSUFFICIENT_STOCK' } });
    const events = await eventsOf(db.em(), level.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['stock.changed', 1],
      ['stock.changed', 2],
    ]);
    expect(events[1].payload).toEqual({
      productId: p,
      warehouseId: w.id,
      onHand: 3,
      reserved: 2,
      available: 1,
      safetyStock: 0,
      reorderPoint: 0,
      movementType: 'RESERVATION',
      quantity: 2,
    });
    const reservation = (await service().find(orderId))!;
    expect((await eventsOf(db.em(), reservation.id))[0].payload).toEqual({ orderId, status: 'ACTIVE', lines: [{ productId: p, warehouseId: w.id, quantity: 2 }] });
    expect((await db.em().findOneOrFail(StockLevel, { id: level.id })).version).toBe(2);
  });
});
