import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { ReservationAllocation, ReservationStatus } from '../src/entities';
import { expireReservations, ReservationService } from '../src/services/reservations';
import { inventorySubgraph } from '../src/subgraph';
import { eventsOf, ledgerMismatches, levelsOf, newProduct, stock, warehouse } from './helpers';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(inventorySubgraph);
});
afterAll(() => db?.close());

const service = () => new ReservationService(db.em(), 'service:orders');
const shippedOf = async (reservationId: string) => (await db.em().find(ReservationAllocation, { reservationId })).reduce((sum, a) => sum + a.shipped, 0);

describe('commitReservationPart', () => {
  test('each part ships exactly its units; the last one commits the reservation', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 10);
    const order = randomUUID();
    const reservation = await service().reserve(order, [{ productId: p, quantity: 6 }]);

    const first = await service().commitPart(order, randomUUID(), w.id, [{ productId: p, quantity: 2 }]);
    expect(first.status).toBe(ReservationStatus.ACTIVE);
    let level = (await levelsOf(db.em(), p)).get(w.id)!;
    expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 8, reserved: 4 });

    const last = await service().commitPart(order, randomUUID(), w.id, [{ productId: p, quantity: 4 }]);
    expect(last.status).toBe(ReservationStatus.COMMITTED);
    level = (await levelsOf(db.em(), p)).get(w.id)!;
    expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 4, reserved: 0 });
    expect(await shippedOf(reservation.id)).toBe(6);
    expect((await eventsOf(db.em(), reservation.id)).map((e) => e.type)).toEqual(['reservation.created', 'reservation.part_committed', 'reservation.part_committed', 'reservation.committed']);
    // committing "the rest" of a committed reservation ships nothing more
    await service().commit(order);
    expect((await levelsOf(db.em(), p)).get(w.id)!.onHand).toBe(4);
    expect(await ledgerMismatches(db.em(), [p])).toEqual([]);
  });

  test('the same shipment id ships once; with other lines it is a CONFLICT', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 5);
    const order = randomUUID();
    await service().reserve(order, [{ productId: p, quantity: 4 }]);
    const shipment = randomUUID();
    await Promise.all([service().commitPart(order, shipment, w.id, [{ productId: p, quantity: 1 }]), service().commitPart(order, shipment, w.id, [{ productId: p, quantity: 1 }])]);
    await service().commitPart(order, shipment, w.id, [{ productId: p, quantity: 1 }]);
    expect((await levelsOf(db.em(), p)).get(w.id)!.onHand).toBe(4);
    await expect(service().commitPart(order, shipment, w.id, [{ productId: p, quantity: 2 }])).rejects.toMatchObject({ extensions: { code: 'CONFLICT', field: 'shipmentId' } });
  });

  test('refuses a warehouse without the reservation and more than is left there', async () => {
    const [a, b] = [await warehouse(db, 1), await warehouse(db, 2)];
    const p = newProduct();
    await stock(db, p, a.id, 2);
    await stock(db, p, b.id, 5);
    const order = randomUUID();
    await service().reserve(order, [{ productId: p, quantity: 2 }]); // all from a
    await expect(service().commitPart(order, randomUUID(), b.id, [{ productId: p, quantity: 1 }])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'warehouseId' }] } });
    await expect(service().commitPart(order, randomUUID(), a.id, [{ productId: p, quantity: 3 }])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'lines.0.quantity' }] } });
    await expect(service().commitPart(randomUUID(), randomUUID(), a.id, [{ productId: p, quantity: 1 }])).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await ledgerMismatches(db.em(), [p])).toEqual([]);
    expect((await levelsOf(db.em(), p)).get(a.id)!.reserved).toBe(2);
  });

  test('release and expiry give back only the unshipped rest; a released reservation ships nothing', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 10);
    const released = randomUUID();
    await service().reserve(released, [{ productId: p, quantity: 5 }]);
    await service().commitPart(released, randomUUID(), w.id, [{ productId: p, quantity: 2 }]);
    await service().release(released);
    let level = (await levelsOf(db.em(), p)).get(w.id)!;
    expect({ onHand: level.onHand, reserved: level.reserved, available: level.available }).toEqual({ onHand: 8, reserved: 0, available: 8 });
    await expect(service().commitPart(released, randomUUID(), w.id, [{ productId: p, quantity: 1 }])).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });

    const expiring = randomUUID();
    await service().reserve(expiring, [{ productId: p, quantity: 4 }], 1);
    await service().commitPart(expiring, randomUUID(), w.id, [{ productId: p, quantity: 1 }]);
    expect(await expireReservations(db.em(), { now: new Date(Date.now() + 5_000) })).toBeGreaterThanOrEqual(1);
    level = (await levelsOf(db.em(), p)).get(w.id)!;
    expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 7, reserved: 0 });
    expect(await ledgerMismatches(db.em(), [p])).toEqual([]);
  });
});
