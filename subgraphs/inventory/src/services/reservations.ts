import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { advisoryLock, assertUuid, badInput, DomainError, ErrorCode, logger, notFound } from '@tradegraph/kit';
import { MovementType, Reservation, ReservationAllocation, ReservationShipment, ReservationStatus, StockMovement, StockLevel, Warehouse } from '../entities';
import { DEFAULT_INVENTORY_SETTINGS } from '../settings';
import { allocate } from './allocation';
import { InventoryEvent, recordReservationEvent } from './events';
import { Ledger, levelKey } from './ledger';
import type { OrderLookup } from './orders-client';
import { reservationStatus } from './reservation-status';
import { readLevels, writeReservation } from './reservation-write';
import { activeWarehouse } from './warehouses';
import { normalizeLines, type StockLine } from './quantities';

/** The longest a reservation may hold stock: a week. */
export const MAX_RESERVATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The advisory-lock key that serialises everything done for one order (reserve, commit,
 * release, return): `hashtext('reserve:' || orderId)`.
 */
const orderLock = (orderId: string) => `reserve:${orderId}`;

/**
 * Reservations: holding stock for an order, then shipping (commit) or giving it back
 * (release, expiry), and taking returns. What the orders subgraph calls, through the gateway,
 * as the SERVICE identity; every call is idempotent per order id, so retries are safe.
 */
export class ReservationService {
  /**
   * @param em this request's EntityManager
   * @param actor the caller's subject, recorded on every movement
   * @param defaultTtlSeconds how long a reservation holds when the caller does not say
   */
  constructor(
    private readonly em: EntityManager,
    private readonly actor: string | null,
    private readonly defaultTtlSeconds: number = DEFAULT_INVENTORY_SETTINGS.reservationTtlSeconds,
  ) {}

  /** The reservation of an order, or null. */
  find(orderId: string): Promise<Reservation | null> {
    return this.em.findOne(Reservation, { orderId: orderId.toLowerCase() });
  }

  /**
   * Reserves every line, or nothing (see {@link allocate} for which warehouses give how much).
   * On success each allocation raises its level's `reserved` and writes a RESERVATION movement
   * whose reference is the order id; the reservation expires after `ttlSeconds`.
   *
   * Idempotent per order: when the order already has a reservation (in any status), that
   * reservation is returned unchanged, also when two calls race, because calls for one order
   * are serialised on an advisory lock before either looks.
   *
   * @throws INSUFFICIENT_STOCK naming the first product that cannot be covered, with
   *   extensions `{ productId, requested, available }`; BAD_USER_INPUT for invalid lines
   */
  async reserve(orderId: string, lines: readonly StockLine[], ttlSeconds?: number | null): Promise<Reservation> {
    assertUuid(orderId, 'orderId');
    const order = orderId.toLowerCase();
    const wanted = normalizeLines(lines);
    const ttl = ttlSeconds ?? this.defaultTtlSeconds;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_RESERVATION_TTL_SECONDS) {
      throw badInput('ttlSeconds', `must be a whole number of seconds from 1 to ${MAX_RESERVATION_TTL_SECONDS}, got ${ttl}`);
    }
    // One unlocked read decides, in memory, either a refusal or the allocation. Under contention
    // most refusals are for stock that is plainly gone, found out here instead of queueing for
    // the row locks; only a write on locked, unchanged levels grants stock, so this never
    // oversells. When a level changed in between (or the order has its reservation already),
    // nothing was written and the locking transaction below decides.
    const read = await readLevels(this.em, wanted.map((l) => l.productId));
    const unlocked = allocate(wanted, (productId) => read.filter((r) => r.level.productId === productId).map((r) => r.candidate));
    if (unlocked.allocations) {
      const written = await writeReservation(this.em, this.actor, order, orderLock(order), new Date(Date.now() + ttl * 1000), unlocked.allocations, read);
      if (written) return written;
    }
    const early = unlocked.shortfall;
    if (early) {
      return this.em.transactional(async (em) => {
        await advisoryLock(em, orderLock(order)); // a call for the same order may be finishing
        const existing = await em.findOne(Reservation, { orderId: order }, { refresh: true });
        if (existing) return existing;
        throw insufficient(early);
      });
    }

    return this.em.transactional(async (em) => {
      await advisoryLock(em, orderLock(order));
      const existing = await em.findOne(Reservation, { orderId: order }, { refresh: true });
      if (existing) return existing;

      const { result, levels } = await this.allocateLocked(em, wanted);
      if (result.shortfall) throw insufficient(result.shortfall);

      const ledger = new Ledger(em, this.actor);
      const levelOf = new Map(levels.map((l) => [levelKey(l), l]));
      const reservation = em.create(Reservation, { orderId: order, expiresAt: new Date(Date.now() + ttl * 1000) });
      const allocations = result.allocations.map((a) => {
        const q = a.quantity;
        ledger.move(levelOf.get(levelKey(a))!, { type: MovementType.RESERVATION, quantity: q, onHandDelta: 0, reservedDelta: q, reference: order });
        return em.create(ReservationAllocation, { reservationId: reservation.id, productId: a.productId, warehouseId: a.warehouseId, quantity: q });
      });
      recordReservationEvent(em, InventoryEvent.RESERVATION_CREATED, reservation, allocations);
      return reservation;
    });
  }

  /** Allocates `wanted` over the levels of active warehouses, locking the levels. */
  private async allocateLocked(em: EntityManager, wanted: StockLine[]) {
    const warehouses = new Map((await em.find(Warehouse, { active: true })).map((w) => [w.id, w]));
    const all = await new Ledger(em, this.actor).lockProducts(wanted.map((l) => l.productId));
    const levels = all.filter((l) => warehouses.has(l.warehouseId));
    const result = allocate(wanted, (productId) =>
      levels.filter((l) => l.productId === productId).map((l) => {
        const w = warehouses.get(l.warehouseId)!;
        return { warehouseId: w.id, code: w.code, priority: w.priority, available: l.available };
      }),
    );
    return { result, levels };
  }

  /**
   * ACTIVE → COMMITTED: the reserved units not shipped yet leave the warehouse (onHand and
   * reserved both drop; a SHIPMENT movement per allocation with units left). Idempotent: a
   * COMMITTED reservation is returned as it is.
   * @throws NOT_FOUND when the order has no reservation; INVALID_TRANSITION when it was
   *   released or expired
   */
  async commit(orderId: string): Promise<Reservation> {
    assertUuid(orderId, 'orderId');
    const order = orderId.toLowerCase();
    return this.em.transactional(async (em) => {
      const reservation = await this.lockReservation(em, order);
      if (!reservation) throw notFound('Reservation for order', order);
      if (reservation.status === ReservationStatus.COMMITTED) return reservation;
      await this.settle(em, reservation, ReservationStatus.COMMITTED, null);
      return reservation;
    });
  }

  /**
   * Ships one part of an ACTIVE reservation: the given units of each product leave
   * `warehouseId` (a SHIPMENT movement per line: onHand and reserved drop by exactly the
   * quantity), and the allocations remember what has shipped. The part that ships the last
   * reserved unit makes the reservation COMMITTED. Idempotent per `shipmentId`: a retry with
   * the same lines returns the reservation and ships nothing again.
   *
   * Events: `reservation.part_committed` (the part's lines) for every part, then
   * `reservation.committed` (all allocations) when it completed the reservation; `stock.changed`
   * per level moved, as for every movement.
   * @throws NOT_FOUND without a reservation; INVALID_TRANSITION when it is not ACTIVE;
   *   CONFLICT when `shipmentId` was committed with other lines; BAD_USER_INPUT (`warehouseId`)
   *   when the warehouse holds no reservation of a line's product for the order, or
   *   (`lines.N.quantity`) for more than it still holds reserved there
   */
  async commitPart(orderId: string, shipmentId: string, warehouseId: string, lines: readonly StockLine[]): Promise<Reservation> {
    assertUuid(orderId, 'orderId');
    assertUuid(shipmentId, 'shipmentId');
    assertUuid(warehouseId, 'warehouseId');
    const order = orderId.toLowerCase();
    const shipment = shipmentId.toLowerCase();
    const warehouse = warehouseId.toLowerCase();
    const wanted = normalizeLines(lines);
    const part = [...wanted].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
    return this.em.transactional(async (em) => {
      const reservation = await this.lockReservation(em, order);
      if (!reservation) throw notFound('Reservation for order', order);
      const previous = await em.findOne(ReservationShipment, { shipmentId: shipment });
      if (previous) {
        // jsonb keeps its own key order: compare the lines field by field
        const committed = previous.lines.map((l) => `${l.productId}:${l.quantity}`).join();
        const same = previous.reservationId === reservation.id && previous.warehouseId === warehouse && committed === part.map((l) => `${l.productId}:${l.quantity}`).join();
        if (!same) throw new DomainError(ErrorCode.CONFLICT, `Shipment ${shipment} was already committed with other lines`, { field: 'shipmentId' });
        return reservation;
      }
      reservationStatus.assert(reservation.status, ReservationStatus.COMMITTED);
      const allocations = await em.find(ReservationAllocation, { reservationId: reservation.id }, { orderBy: { productId: 'asc', warehouseId: 'asc' } });
      const index = (productId: string) => lines.findIndex((l) => l.productId.toLowerCase() === productId);
      const chosen = wanted.map((line) => {
        const allocation = allocations.find((a) => a.productId === line.productId && a.warehouseId === warehouse);
        if (!allocation) throw badInput('warehouseId', `holds no reservation of product ${line.productId} (lines.${index(line.productId)}) for order ${order}`);
        const left = allocation.quantity - allocation.shipped;
        if (line.quantity > left) throw badInput(`lines.${index(line.productId)}.quantity`, `is more than the ${left} units of product ${line.productId} still reserved in warehouse ${warehouse}`);
        return { allocation, quantity: line.quantity };
      });
      const ledger = new Ledger(em, this.actor);
      const levels = await ledger.lock(chosen.map((c) => c.allocation));
      for (const { allocation, quantity } of chosen) {
        ledger.move(levels.get(levelKey(allocation))!, { type: MovementType.SHIPMENT, quantity, onHandDelta: -quantity, reservedDelta: -quantity, reason: `shipment ${shipment}`, reference: order });
        allocation.shipped += quantity;
      }
      em.create(ReservationShipment, { shipmentId: shipment, reservationId: reservation.id, warehouseId: warehouse, lines: part });
      reservation.version++;
      reservation.updatedAt = new Date();
      recordReservationEvent(em, InventoryEvent.RESERVATION_PART_COMMITTED, reservation, part.map((l) => ({ productId: l.productId, warehouseId: warehouse, quantity: l.quantity })), { shipmentId: shipment });
      if (allocations.every((a) => a.shipped === a.quantity)) {
        reservation.status = ReservationStatus.COMMITTED;
        reservation.version++;
        recordReservationEvent(em, InventoryEvent.RESERVATION_COMMITTED, reservation, allocations);
      }
      return reservation;
    });
  }

  /**
   * ACTIVE → RELEASED: the reserved units become available again (a RELEASE movement per
   * allocation). Idempotent: a RELEASED or EXPIRED reservation is returned as it is, and an
   * order without a reservation gives null, so a caller can always compensate safely.
   * @throws INVALID_TRANSITION when the reservation was already committed
   */
  async release(orderId: string): Promise<Reservation | null> {
    assertUuid(orderId, 'orderId');
    const order = orderId.toLowerCase();
    return this.em.transactional(async (em) => {
      const reservation = await this.lockReservation(em, order);
      if (!reservation) return null;
      if (reservation.status === ReservationStatus.RELEASED || reservation.status === ReservationStatus.EXPIRED) return reservation;
      await this.settle(em, reservation, ReservationStatus.RELEASED, null);
      return reservation;
    });
  }

  /**
   * Takes goods back after a refund: a RETURN movement (onHand +) per line, into
   * `warehouseId` when given, else into the warehouse the order shipped from (its
   * reservation's first allocation). Idempotent per order: a second call returns the
   * movements of the first and changes nothing.
   * @throws BAD_USER_INPUT for invalid lines, an unknown or inactive `warehouseId`, or no
   *   `warehouseId` for an order that never shipped
   */
  async returnStock(orderId: string, lines: readonly StockLine[], warehouseId?: string | null): Promise<StockMovement[]> {
    assertUuid(orderId, 'orderId');
    const order = orderId.toLowerCase();
    const wanted = normalizeLines(lines);
    return this.em.transactional(async (em) => {
      await advisoryLock(em, orderLock(order));
      const previous = await em.find(StockMovement, { type: MovementType.RETURN, reference: order }, { orderBy: { id: 'asc' } });
      if (previous.length) return previous;

      let target: string;
      if (warehouseId != null) {
        target = (await activeWarehouse(em, warehouseId, 'warehouseId')).id;
      } else {
        const reservation = await em.findOne(Reservation, { orderId: order });
        if (reservation?.status !== ReservationStatus.COMMITTED) {
          throw badInput('warehouseId', `is required: order ${order} has no shipped (COMMITTED) reservation to return into`);
        }
        const [first] = await em.find(ReservationAllocation, { reservationId: reservation.id }, { orderBy: { productId: 'asc', warehouseId: 'asc' }, limit: 1 });
        target = first.warehouseId;
      }
      const ledger = new Ledger(em, this.actor);
      const { levels } = await ledger.ensureAndLock(wanted.map((l) => ({ productId: l.productId, warehouseId: target })));
      return wanted.map((line) =>
        ledger.move(levels.get(levelKey({ productId: line.productId, warehouseId: target }))!, {
          type: MovementType.RETURN,
          quantity: line.quantity,
          onHandDelta: line.quantity,
          reservedDelta: 0,
          reason: 'returned after refund',
          reference: order,
        }),
      );
    });
  }

  /** Serialises with the order's other calls, then locks its reservation row against the expiry sweep. */
  private async lockReservation(em: EntityManager, orderId: string): Promise<Reservation | null> {
    await advisoryLock(em, orderLock(orderId));
    return em.findOne(Reservation, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * Moves a locked ACTIVE reservation to a final status and settles what of its allocations has
   * not shipped yet: SHIPMENT movements for COMMITTED, RELEASE movements for RELEASED and
   * EXPIRED (so cancelling a partly shipped order gives back only the unshipped rest).
   */
  async settle(em: EntityManager, reservation: Reservation, to: ReservationStatus, reason: string | null): Promise<void> {
    reservationStatus.assert(reservation.status, to);
    const allocations = await em.find(ReservationAllocation, { reservationId: reservation.id }, { orderBy: { productId: 'asc', warehouseId: 'asc' } });
    const ledger = new Ledger(em, this.actor);
    const levels = await ledger.lock(allocations);
    for (const a of allocations) {
      const level: StockLevel = levels.get(levelKey(a))!;
      // Only what has not shipped yet (partial commits shipped the rest) is still reserved.
      const q = a.quantity - a.shipped;
      if (q === 0) continue;
      if (to === ReservationStatus.COMMITTED) a.shipped = a.quantity;
      ledger.move(
        level,
        to === ReservationStatus.COMMITTED
          ? { type: MovementType.SHIPMENT, quantity: q, onHandDelta: -q, reservedDelta: -q, reference: reservation.orderId }
          : { type: MovementType.RELEASE, quantity: q, onHandDelta: 0, reservedDelta: -q, reason, reference: reservation.orderId },
      );
    }
    reservation.status = to;
    reservation.version++;
    reservation.updatedAt = new Date();
    const type = { [ReservationStatus.COMMITTED]: InventoryEvent.RESERVATION_COMMITTED, [ReservationStatus.RELEASED]: InventoryEvent.RESERVATION_RELEASED, [ReservationStatus.EXPIRED]: InventoryEvent.RESERVATION_EXPIRED }[
      to as Exclude<ReservationStatus, typeof ReservationStatus.ACTIVE>
    ];
    recordReservationEvent(em, type, reservation, allocations);
  }
}

/** Order statuses whose reservation is kept (confirmed) past its TTL: the order is open, or shipped already. */
const KEEPING_ORDER_STATUSES = new Set(['PENDING', 'PROCESSING', 'COMPLETED']);

/**
 * The expiry sweep. The TTL guards one case only: a placement that reserved stock and died
 * before writing its order. So for the ACTIVE, unconfirmed reservations past `expiresAt` it
 * asks the orders subgraph (through the gateway, one query per 100 orders) which orders exist:
 * - the order exists and is open (PENDING, PROCESSING; or COMPLETED, a discrepancy left to the
 *   order's own commit): the reservation is confirmed (`confirmedAt`), never expires again, and
 *   is settled by its order's commit or release;
 * - no order, or a CANCELLED/REFUNDED one (whose release was lost): it expires as EXPIRED, with
 *   RELEASE movements whose reason is 'expired'.
 * When orders cannot be asked (gateway or orders down), nothing expires this round (logged):
 * holding stock a little longer is safe, taking it from a live order is not.
 *
 * One transaction per reservation, each taken with `for update skip locked` and checked again,
 * so replicas sweeping at once share the work and a reservation being committed or released
 * right now is left to that call.
 *
 * @param em any EntityManager (the sweep forks its own)
 * @param options `orders` asks the orders subgraph (see `ordersThrough`; absent only in tests of
 *   inventory alone, where no reservation has an order); `now` (for tests); the most
 *   reservations one run handles
 * @returns how many reservations expired
 */
export async function expireReservations(em: EntityManager, options: { orders?: OrderLookup; now?: Date; limit?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 500;
  const due = await em.fork().find(Reservation, { status: ReservationStatus.ACTIVE, confirmedAt: null, expiresAt: { $lte: now } }, { fields: ['orderId'], orderBy: { expiresAt: 'asc' }, limit });
  if (!due.length) return 0;
  let orders: Map<string, string>;
  try {
    orders = options.orders ? await options.orders(due.map((r) => r.orderId)) : new Map();
  } catch (error) {
    logger.warn({ err: error, due: due.length }, 'reservation expiry: the orders subgraph could not be asked which orders exist; nothing expires this round');
    return 0;
  }
  const service = new ReservationService(em, 'system:reservation-expiry');
  let expired = 0;
  for (const { id, orderId } of due) {
    const keep = KEEPING_ORDER_STATUSES.has(orders.get(orderId) ?? '');
    expired += await em.fork().transactional(async (trx) => {
      const [reservation] = await trx.find(
        Reservation,
        { id, status: ReservationStatus.ACTIVE, confirmedAt: null, expiresAt: { $lte: now } },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, refresh: true },
      );
      if (!reservation) return 0;
      if (keep) {
        reservation.confirmedAt = new Date();
        reservation.updatedAt = reservation.confirmedAt;
        return 0;
      }
      await service.settle(trx, reservation, ReservationStatus.EXPIRED, 'expired');
      return 1;
    });
  }
  return expired;
}

/** The refusal for a line that cannot be covered. */
function insufficient({ productId, requested, available }: { productId: string; requested: number; available: number }): DomainError {
  return new DomainError(ErrorCode.INSUFFICIENT_STOCK, `Not enough stock of product ${productId}: requested ${requested}, available ${available}`, {
    productId,
    requested,
    available,
  });
}
