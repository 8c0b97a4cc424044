import { randomUUID } from 'node:crypto';
import { InProcessBus, type PeriodicTask } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { ReservationStatus, StockLevel, StockMovement, Warehouse } from '../src/entities';
import { seedInventory } from '../src/seed';
import { ReservationService } from '../src/services/reservations';
import { inventorySettingsFromEnv, inventorySettingsOf } from '../src/settings';
import { inventorySubgraph } from '../src/subgraph';
import { ledgerMismatches, newProduct, stock, warehouse } from './helpers';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(inventorySubgraph);
});
afterAll(() => db?.close());

test('seedInventory is idempotent and keeps the ledger equal to the levels', async () => {
  const products = Array.from({ length: 40 }, () => newProduct());
  const first = await seedInventory(db.em(), products);
  expect(first.warehouses).toBe(3);
  expect(first.levels).toBeGreaterThanOrEqual(40);
  const movements = await db.em().count(StockMovement, {});
  const second = await seedInventory(db.em(), products);
  expect(second).toEqual({ warehouses: 0, levels: 0 });
  expect(await db.em().count(StockMovement, {})).toBe(movements);
  expect((await db.em().find(Warehouse, { code: { $like: '%-1' } }, { orderBy: { priority: 'asc' } })).map((w) => w.code)).toEqual(['BER-1', 'HAM-1', 'MUC-1']);
  expect(await ledgerMismatches(db.em(), products)).toEqual([]);
  const levels = await db.em().find(StockLevel, { productId: { $in: products } });
  expect(levels.every((l) => l.reorderPoint >= 10)).toBe(true);
});

// The sweep expires a reservation only once the orders subgraph said it has no order (see
// test/reservation-expiry.test.ts, through the gateway); without a gateway it can ask nobody.
test('the background sweep expires nothing while it cannot ask the orders subgraph (no gateway)', async () => {
  const w = await warehouse(db, 1);
  const p = newProduct();
  await stock(db, p, w.id, 3);
  const orderId = randomUUID();
  await new ReservationService(db.em(), 'test').reserve(orderId, [{ productId: p, quantity: 2 }], 1);
  await new Promise((resolve) => setTimeout(resolve, 1100));

  const [sweep] = inventorySubgraph.background!({ name: 'inventory', database: db.database, bus: new InProcessBus(), settings: { sweepIntervalMs: 60_000 } });
  await (sweep as PeriodicTask).runNow();
  await sweep.stop();
  expect(await new ReservationService(db.em(), 'test').find(orderId)).toMatchObject({ status: ReservationStatus.ACTIVE, confirmedAt: null });
  expect(await db.em().findOneOrFail(StockLevel, { productId: p, warehouseId: w.id })).toMatchObject({ reserved: 2 });
});

test('settings: defaults, environment and validation', () => {
  expect(inventorySettingsOf({})).toEqual({ reservationTtlSeconds: 900, sweepIntervalMs: 5000 });
  expect(inventorySettingsOf({ reservationTtlSeconds: 60 })).toEqual({ reservationTtlSeconds: 60, sweepIntervalMs: 5000 });
  process.env.RESERVATION_TTL_SECONDS = '120';
  try {
    expect(inventorySettingsFromEnv().reservationTtlSeconds).toBe(120);
    process.env.RESERVATION_TTL_SECONDS = 'soon';
    expect(() => inventorySettingsFromEnv()).toThrow(/RESERVATION_TTL_SECONDS must be an integer/);
  } finally {
    delete process.env.RESERVATION_TTL_SECONDS;
  }
});
