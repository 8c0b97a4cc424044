import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertUuid,
  badInput,
  conflict,
  DomainError,
  ErrorCode,
  findByIdOrNotFound,
  GatewayCallError,
  type GatewayClient,
  stableId,
  throughGateway,
} from '@tradegraph/kit';
import { Order, OrderLine, OrderStatus, Shipment, ShipmentLine, ShipmentStatus } from '../entities';
import type { CreateShipmentInput } from '../inputs/shipment-inputs';
import { recordShipmentEvent, ShipmentEvent } from './events';
import { InventoryClient } from './inventory-client';
import { orderStatus } from './order-status';
import { transitionOrder } from './order-transition';
import { shipmentStatus } from './shipment-status';

/**
 * A shipment's id from the client's idempotency key: the same key for the same order always
 * names the same shipment. (Unchanged since shipments exist, so a retry keeps its id.)
 */
export function clientShipmentId(orderId: string, idempotencyKey: string): string {
  return stableId('shipment', `${orderId.toLowerCase()}:${idempotencyKey}`);
}

/**
 * The id of completeOrder's last shipment from one warehouse, in a namespace of its own: the
 * client's keys are any text ("complete:<warehouseId>" too), so sharing theirs could collide.
 */
export function completionShipmentId(orderId: string, warehouseId: string): string {
  return stableId('shipment-completion', `${orderId.toLowerCase()}:${warehouseId.toLowerCase()}`);
}

/** How far ahead of this server's clock a delivery time may be (clock skew of the reporting system). */
const DELIVERY_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Shipments: an order is fulfilled by one or more of them, each from one warehouse. Shipping
 * needs the order PROCESSING (a PENDING order has not been accepted for fulfilment yet).
 *
 * Everything that ships an order's goods (createShipment, completeOrder's last shipment) runs
 * in one transaction that holds the order's row lock across the call to inventory: shipments of
 * one order are serialised, so "ordered minus shipped" is read on settled values, and the
 * orders-side rows are written only when inventory has committed (idempotently per shipment
 * id, so a retry after a lost answer or a crash ships nothing twice). Inventory checks the
 * same quantities again per warehouse under its own lock.
 */
export class ShipmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: string | null,
    private readonly gateway: GatewayClient | undefined,
    private readonly requestId: string,
  ) {}

  /**
   * Ships `input.lines` of a PROCESSING order from one warehouse. The same idempotency key for
   * the same order always answers the same shipment; the shipment that ships the last unit
   * completes the order.
   * @throws INVALID_TRANSITION unless the order is PROCESSING; BAD_USER_INPUT naming the line
   *   (`input.lines.N.productId` not on the order, `input.lines.N.quantity` more than ordered
   *   minus shipped) or `input.warehouseId` (no reservation of the product there); CONFLICT when
   *   the key was used for a different shipment
   */
  async create(orderId: string, input: CreateShipmentInput, idempotencyKey: string): Promise<Shipment> {
    assertUuid(orderId, 'orderId');
    if (!idempotencyKey.trim() || idempotencyKey.length > 200) throw badInput('idempotencyKey', 'must be 1 to 200 characters');
    const lines = input.lines.map((l) => ({ productId: l.productId.toLowerCase(), quantity: l.quantity }));
    const seen = new Map<string, number>();
    lines.forEach((line, index) => {
      const first = seen.get(line.productId);
      if (first !== undefined) throw badInput(`input.lines.${index}.productId`, `repeats the product of input.lines.${first}; give one line per product`);
      seen.set(line.productId, index);
    });
    const warehouseId = input.warehouseId.toLowerCase();
    const id = clientShipmentId(orderId, idempotencyKey);
    const requestHash = createHash('sha256').update(JSON.stringify([warehouseId, input.carrier ?? null, input.trackingNumber ?? null, lines.map((l) => [l.productId, l.quantity])])).digest('hex');

    return throughGateway(this.gateway, 'No shipment was created', (gateway) =>
      this.em.transactional(async (em) => {
        const order = await this.lockOrder(em, orderId);
        const existing = await em.findOne(Shipment, { id });
        if (existing) {
          if (existing.requestHash !== requestHash) throw conflict(`The idempotency key "${idempotencyKey}" was used for a different shipment of this order`, { field: 'idempotencyKey' });
          return existing;
        }
        if (order.status !== OrderStatus.PROCESSING) {
          throw new DomainError(ErrorCode.INVALID_TRANSITION, `Only a PROCESSING order ships; order ${order.number} is ${order.status}`, { status: order.status });
        }
        const left = await this.unshipped(em, order.id);
        lines.forEach((line, index) => {
          const open = left.get(line.productId);
          if (open === undefined) throw badInput(`input.lines.${index}.productId`, `is not on order ${order.number}`);
          if (line.quantity > open) throw badInput(`input.lines.${index}.quantity`, `is more than the ${open} units of the line ordered and not yet shipped`);
        });

        await commitPart(new InventoryClient(gateway, this.requestId), order.id, id, warehouseId, lines);

        const shipment = em.create(Shipment, { id, orderId: order.id, warehouseId, carrier: input.carrier ?? null, trackingNumber: input.trackingNumber ?? null, requestHash, actor: this.actor });
        for (const line of lines) em.create(ShipmentLine, { shipmentId: id, orderId: order.id, productId: line.productId, quantity: line.quantity });
        recordShipmentEvent(em, ShipmentEvent.CREATED, shipment, order.customerId, lines);
        for (const line of lines) left.set(line.productId, left.get(line.productId)! - line.quantity);
        if ([...left.values()].every((q) => q === 0)) {
          // the last unit shipped (inventory's reservation is COMMITTED by the same part)
          transitionOrder(em, order, OrderStatus.COMPLETED, null, this.actor);
        }
        return shipment;
      }),
    );
  }

  /**
   * PROCESSING → COMPLETED, shipping whatever has not shipped yet (completeOrder): inventory
   * commits the rest of the reservation, and the rest is recorded as the order's last shipment,
   * one per warehouse it leaves from (usually one), without carrier or tracking number.
   * @throws INVALID_TRANSITION unless the order is PROCESSING
   */
  async shipRest(orderId: string): Promise<Order> {
    assertUuid(orderId, 'id');
    return throughGateway(this.gateway, 'Stock could not be shipped; the order is unchanged', (gateway) =>
      this.em.transactional(async (em) => {
        const order = await this.lockOrder(em, orderId);
        orderStatus.assert(order.status, OrderStatus.COMPLETED);
        const allocations = await new InventoryClient(gateway, this.requestId).commitRest(order.id);

        // What earlier shipments took from each (product, warehouse); the rest of each allocation ships now.
        const shipments = await em.find(Shipment, { orderId: order.id });
        const warehouseOf = new Map(shipments.map((s) => [s.id, s.warehouseId]));
        const taken = new Map<string, number>();
        for (const line of await em.find(ShipmentLine, { orderId: order.id })) {
          const key = `${line.productId}:${warehouseOf.get(line.shipmentId)}`;
          taken.set(key, (taken.get(key) ?? 0) + line.quantity);
        }
        const rest = new Map<string, { productId: string; quantity: number }[]>();
        for (const a of allocations) {
          const quantity = a.quantity - (taken.get(`${a.productId}:${a.warehouseId}`) ?? 0);
          if (quantity > 0) rest.set(a.warehouseId, [...(rest.get(a.warehouseId) ?? []), { productId: a.productId, quantity }]);
        }
        for (const [warehouseId, lines] of rest) {
          const shipment = em.create(Shipment, { id: completionShipmentId(order.id, warehouseId), orderId: order.id, warehouseId, actor: this.actor });
          for (const line of lines) em.create(ShipmentLine, { shipmentId: shipment.id, orderId: order.id, productId: line.productId, quantity: line.quantity });
          recordShipmentEvent(em, ShipmentEvent.CREATED, shipment, order.customerId, lines);
        }
        transitionOrder(em, order, OrderStatus.COMPLETED, null, this.actor);
        return order;
      }),
    );
  }

  /**
   * SHIPPED → DELIVERED at `deliveredAt` (now when not given). A DELIVERED shipment is returned
   * unchanged when asked again without a time or with the same one (a retry).
   * @throws BAD_USER_INPUT (`deliveredAt`) before the shipment left or in the future;
   *   INVALID_TRANSITION for a DELIVERED shipment given another time
   */
  async markDelivered(id: string, deliveredAt: Date | null): Promise<Shipment> {
    assertUuid(id, 'id');
    return this.em.transactional(async (em) => {
      const shipment = await findByIdOrNotFound(em, Shipment, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (shipment.status === ShipmentStatus.DELIVERED && (deliveredAt === null || deliveredAt.getTime() === shipment.deliveredAt?.getTime())) return shipment;
      shipmentStatus.assert(shipment.status, ShipmentStatus.DELIVERED);
      const at = deliveredAt ?? new Date();
      if (at < shipment.shippedAt) throw badInput('deliveredAt', `is before the shipment left (${shipment.shippedAt.toISOString()})`);
      if (at.getTime() > Date.now() + DELIVERY_CLOCK_SKEW_MS) throw badInput('deliveredAt', 'is in the future');
      shipment.deliveredAt = at;
      shipment.status = ShipmentStatus.DELIVERED;
      shipment.version++;
      const { customerId } = await em.findOneOrFail(Order, shipment.orderId, { fields: ['customerId'] });
      recordShipmentEvent(em, ShipmentEvent.DELIVERED, shipment, customerId, await em.find(ShipmentLine, { shipmentId: id }));
      return shipment;
    });
  }

  /** Per product of the order: ordered minus shipped so far. */
  private async unshipped(em: EntityManager, orderId: string): Promise<Map<string, number>> {
    const left = new Map<string, number>();
    for (const line of await em.find(OrderLine, { orderId })) left.set(line.productId, (left.get(line.productId) ?? 0) + line.quantity);
    for (const line of await em.find(ShipmentLine, { orderId })) left.set(line.productId, (left.get(line.productId) ?? 0) - line.quantity);
    return left;
  }

  private lockOrder(em: EntityManager, id: string): Promise<Order> {
    return findByIdOrNotFound(em, Order, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }
}

/**
 * Inventory's partial commit, its refusals of the input in this API's field names
 * (`warehouseId` → `input.warehouseId`, `lines.N.quantity` → `input.lines.N.quantity`).
 */
async function commitPart(inventory: InventoryClient, orderId: string, shipmentId: string, warehouseId: string, lines: { productId: string; quantity: number }[]): Promise<void> {
  try {
    await inventory.commitPart(orderId, shipmentId, warehouseId, lines);
  } catch (error) {
    if (!(error instanceof GatewayCallError) || error.code !== ErrorCode.BAD_USER_INPUT) throw error;
    const fields = (error.errors[0]?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [{ field: 'input', message: error.message }];
    throw badInput(fields.map((f) => ({ field: `input.${f.field}`, message: f.message })));
  }
}
