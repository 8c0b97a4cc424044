import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { detachedEntity, executeIn, insertEventsPart, insertRowsPart, qualifiedTable, updateRowsPart, writeTogether, type SqlPart } from '@tradegraph/kit';
import { MovementType, Reservation, ReservationAllocation, ReservationStatus, StockLevel, StockMovement, Warehouse } from '../entities';
import type { Allocation, AllocationCandidate } from './allocation';
import { InventoryEvent, reservationEvent } from './events';
import { Ledger, levelKey } from './ledger';

/*
 * The placeOrder path of reserveStock in two statements instead of a transaction of a dozen:
 * one unlocked read of the levels, the allocation in memory, then one statement that takes the
 * order's advisory lock, locks exactly the levels read (in the fixed order) if none changed
 * since (their `version`), and writes the reservation, its allocations, the levels, the
 * movements and the events. A single statement commits whole or not at all, so when any level
 * moved meanwhile, or the order already has a reservation, nothing is written and the caller
 * takes the locking path, which decides on locked values as before.
 */

/** A level in an active warehouse, with what the allocator needs of its warehouse. */
export interface ReadLevel {
  level: StockLevel;
  candidate: AllocationCandidate;
}

/** The levels of the products in active warehouses, unlocked, in one statement. */
export async function readLevels(em: EntityManager, productIds: readonly string[]): Promise<ReadLevel[]> {
  const rows = await executeIn<{ id: string; product_id: string; warehouse_id: string; on_hand: number; reserved: number; safety_stock: number; reorder_point: number; version: number; code: string; priority: number }>(
    em,
    `select t.id, t.product_id, t.warehouse_id, t.on_hand, t.reserved, t.safety_stock, t.reorder_point, t.version, w.code, w.priority
       from ${qualifiedTable(em, StockLevel)} as t join ${qualifiedTable(em, Warehouse)} as w on w.id = t.warehouse_id
      where w.active and t.product_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [JSON.stringify(productIds)],
  );
  return rows.map((r) => {
    const level = detachedEntity(StockLevel, {
      id: r.id,
      productId: r.product_id,
      warehouseId: r.warehouse_id,
      onHand: r.on_hand,
      reserved: r.reserved,
      safetyStock: r.safety_stock,
      reorderPoint: r.reorder_point,
      version: r.version,
    });
    return { level, candidate: { warehouseId: r.warehouse_id, code: r.code, priority: r.priority, available: level.available } };
  });
}

/**
 * Writes the reservation of `allocations` (made from `levels` as {@link readLevels} read them)
 * in one statement, or nothing. Returns the reservation, or null when a level changed since
 * the read or the order already has a reservation: then nothing was written.
 * @param lockKey the order's advisory-lock key, which every reservation call for the order takes first
 */
export async function writeReservation(
  em: EntityManager,
  actor: string | null,
  orderId: string,
  lockKey: string,
  expiresAt: Date,
  allocations: readonly Allocation[],
  levels: readonly ReadLevel[],
): Promise<Reservation | null> {
  const byKey = new Map(levels.map((l) => [levelKey(l.level), l.level]));
  const used = allocations.map((a) => byKey.get(levelKey(a))!);
  const expected = JSON.stringify(used.map((l) => ({ id: l.id, version: l.version })));
  const now = new Date();
  const reservation = detachedEntity(Reservation, { id: randomUUID(), orderId, status: ReservationStatus.ACTIVE, version: 1, expiresAt, createdAt: now, updatedAt: now });
  const moves = new Ledger(em, actor).movesOf(
    allocations.map((a, i) => ({ level: used[i], spec: { type: MovementType.RESERVATION, quantity: a.quantity, onHandDelta: 0, reservedDelta: a.quantity, reference: orderId } })),
  );
  const rows = allocations.map((a) => ({ id: randomUUID(), reservationId: reservation.id, productId: a.productId, warehouseId: a.warehouseId, quantity: a.quantity }));
  const created = 'exists (select 1 from reservation)';
  const parts: SqlPart[] = [
    { name: 'order_lock', sql: 'select pg_advisory_xact_lock(hashtext(?)) as locked', params: [lockKey] },
    // Joined to order_lock, so the advisory lock is taken before any level's (the order every path takes them in).
    {
      name: 'levels',
      // A warehouse deactivated since the read does not move its levels' version: check it here too.
      sql: `select t.id from ${qualifiedTable(em, StockLevel)} as t join ${qualifiedTable(em, Warehouse)} as w on w.id = t.warehouse_id and w.active, order_lock
             where (t.id, t.version) in (select (e->>'id')::uuid, (e->>'version')::int from jsonb_array_elements(?::jsonb) as e)
             order by t.product_id, t.warehouse_id for update of t`,
      params: [expected],
    },
    insertRowsPart(em, 'reservation', Reservation, [{ ...reservation }], { when: `(select count(*) from levels) = ${used.length}`, skipConflicts: true, returning: ['id'] }),
    updateRowsPart(em, 'level_update', StockLevel, 'id', moves.levels, { when: created }),
    insertRowsPart(em, 'allocations', ReservationAllocation, rows, { when: created }),
    insertRowsPart(em, 'movements', StockMovement, moves.movements, { when: created }),
    insertEventsPart(em, 'events', [...moves.events, reservationEvent(InventoryEvent.RESERVATION_CREATED, reservation, rows)], { when: created }),
  ];
  const [result] = await writeTogether<{ locked: number; created: number }>(em, parts, 'select (select count(*) from levels)::int as locked, (select count(*) from reservation)::int as created');
  return result.created ? reservation : null;
}
