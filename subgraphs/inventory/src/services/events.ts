/**
 * The inventory subgraph's events. Each is written to the outbox by `recordEvent` in the same
 * transaction as the change it reports (or not at all), then published by kit's relay.
 * `stock.changed` is consumed by other subgraphs (sync), so its name and payload come from kit's
 * event catalogue.
 *
 * | type                   | entity        | entityId        | version                      | payload |
 * |------------------------|---------------|-----------------|------------------------------|---------|
 * | `stock.changed`        | `StockLevel`  | the level's id  | the level's `version`        | {@link StockLevelPayload} |
 * | `stock.low`            | `StockLevel`  | the level's id  | the level's `version`        | {@link StockLevelPayload}; only when `available` goes from above `reorderPoint` to at or below it |
 * | `reservation.created`  | `Reservation` | the reservation | the reservation's `version`  | {@link ReservationPayload} |
 * | `reservation.part_committed` | `Reservation` | …         | …                            | {@link ReservationPayload} with `shipmentId`; `lines` are the part shipped |
 * | `reservation.committed`| `Reservation` | …               | …                            | … |
 * | `reservation.released` | `Reservation` | …               | …                            | … |
 * | `reservation.expired`  | `Reservation` | …               | …                            | … |
 * | `audit.recorded`       | `AuditEntry`  | the entry's own id | 1                         | kit's `AuditRecordedPayload`: a warehouse created or changed, a stock policy set (services/audit.ts) |
 *
 * `stock.changed` is written once per level per movement; a policy change (safetyStock,
 * reorderPoint) writes it with `movementType: null` and `quantity: 0`.
 */
import { EventEntity, recordEvent, StockEvent, type NewEvent, type StockChangedPayload } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reservation, ReservationAllocation, StockLevel } from '../entities';
import type { MovementType } from '../entities/stock-movement';

/** The event types inventory writes; see the table above. */
export const InventoryEvent = {
  STOCK_CHANGED: StockEvent.CHANGED,
  STOCK_LOW: 'stock.low',
  RESERVATION_CREATED: 'reservation.created',
  RESERVATION_PART_COMMITTED: 'reservation.part_committed',
  RESERVATION_COMMITTED: 'reservation.committed',
  RESERVATION_RELEASED: 'reservation.released',
  RESERVATION_EXPIRED: 'reservation.expired',
} as const;
export type InventoryEvent = (typeof InventoryEvent)[keyof typeof InventoryEvent];

/** The payload of `stock.changed` and `stock.low`: kit's {@link StockChangedPayload}, with inventory's movement types. */
export interface StockLevelPayload extends StockChangedPayload {
  /** null for a policy change */
  movementType: MovementType | null;
}

/** The payload of the `reservation.*` events. */
export interface ReservationPayload extends Record<string, unknown> {
  orderId: string;
  status: string;
  /** `reservation.part_committed` only: the orders subgraph's shipment the part shipped for */
  shipmentId?: string;
  lines: { productId: string; warehouseId: string; quantity: number }[];
}

/** What a level looked like before a change, to tell whether it just became low. */
export interface LevelBefore {
  available: number;
  reorderPoint: number;
}

/** The events of a level that just changed: `stock.changed`, and `stock.low` if it just crossed its reorder point. */
export function levelChangeEvents(level: StockLevel, before: LevelBefore, movementType: MovementType | null, quantity: number): NewEvent<StockLevelPayload>[] {
  const payload: StockLevelPayload = {
    productId: level.productId,
    warehouseId: level.warehouseId,
    onHand: level.onHand,
    reserved: level.reserved,
    available: level.available,
    safetyStock: level.safetyStock,
    reorderPoint: level.reorderPoint,
    movementType,
    quantity,
  };
  const event = { entity: EventEntity.STOCK_LEVEL, entityId: level.id, version: level.version, payload };
  const events: NewEvent<StockLevelPayload>[] = [{ type: InventoryEvent.STOCK_CHANGED, ...event }];
  if (before.available > before.reorderPoint && level.available <= level.reorderPoint) events.push({ type: InventoryEvent.STOCK_LOW, ...event });
  return events;
}

/** Records `stock.changed` for a level that just changed, and `stock.low` if it just crossed its reorder point. */
export function recordLevelChange(em: EntityManager, level: StockLevel, before: LevelBefore, movementType: MovementType | null, quantity: number): void {
  for (const event of levelChangeEvents(level, before, movementType, quantity)) recordEvent(em, event);
}

/** A `reservation.*` event with the reservation as it now is. */
export function reservationEvent(
  type: InventoryEvent,
  reservation: Reservation,
  allocations: readonly Pick<ReservationAllocation, 'productId' | 'warehouseId' | 'quantity'>[],
  extra: { shipmentId?: string } = {},
): NewEvent<ReservationPayload> {
  const payload: ReservationPayload = {
    orderId: reservation.orderId,
    status: reservation.status,
    ...extra,
    lines: allocations.map((a) => ({ productId: a.productId, warehouseId: a.warehouseId, quantity: a.quantity })),
  };
  return { type, entity: 'Reservation', entityId: reservation.id, version: reservation.version, payload };
}

/** Records a `reservation.*` event with the reservation as it now is. */
export function recordReservationEvent(
  em: EntityManager,
  type: InventoryEvent,
  reservation: Reservation,
  allocations: readonly Pick<ReservationAllocation, 'productId' | 'warehouseId' | 'quantity'>[],
  extra: { shipmentId?: string } = {},
): void {
  recordEvent(em, reservationEvent(type, reservation, allocations, extra));
}
