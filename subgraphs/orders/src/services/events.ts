/**
 * The orders subgraph's events, written to the outbox in the transaction of the change they
 * report (or not at all), then published by kit's relay. Sync's outbound connectors consume
 * them, so their names and payloads come from kit's event catalogue.
 *
 * | type                   | entity  | entityId  | version                   | payload |
 * |------------------------|---------|-----------|---------------------------|---------|
 * | `order.placed`         | `Order` | the order | the order's `version` (1) | {@link OrderPlacedPayload} |
 * | `order.status_changed` | `Order` | the order | the order's `version`     | {@link OrderStatusChangedPayload} |
 * | `payment.recorded`     | `Order` | the order | the order's `version`     | {@link PaymentRecordedPayload} |
 * | `shipment.created`     | `Shipment` | the shipment | the shipment's `version` (1) | {@link ShipmentPayload} |
 * | `shipment.delivered`   | `Shipment` | the shipment | the shipment's `version` | {@link ShipmentPayload} |
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EventEntity,
  OrderEvent,
  recordEvent,
  type NewEvent,
  type OrderPlacedPayload,
  type OrderStatusChangedPayload,
  type PaymentRecordedPayload,
} from '@tradegraph/kit';
import type { Order, OrderStatus, Shipment, TransactionKind } from '../entities';

export { OrderEvent, type OrderPlacedPayload, type OrderStatusChangedPayload, type PaymentRecordedPayload };

/** The `order.placed` event of an order about to be written with its lines (for the outbox insert in the same statement). */
export function orderPlacedEvent(order: Order, lines: readonly { productId: string; quantity: number }[]): NewEvent<OrderPlacedPayload> {
  const payload: OrderPlacedPayload = {
    orderId: order.id,
    number: order.number,
    customerId: order.customerId,
    placedById: order.placedById,
    status: order.status,
    total: order.total,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
  };
  return { type: OrderEvent.PLACED, entity: EventEntity.ORDER, entityId: order.id, version: order.version, payload };
}

/** Records `order.status_changed` for an order whose status just moved (its version already raised). */
export function recordOrderStatusChanged(em: EntityManager, order: Order, from: OrderStatus, to: OrderStatus, reason: string | null): void {
  const payload: OrderStatusChangedPayload = { orderId: order.id, number: order.number, customerId: order.customerId, placedById: order.placedById, from, to, reason };
  recordEvent(em, { type: OrderEvent.STATUS_CHANGED, entity: EventEntity.ORDER, entityId: order.id, version: order.version, payload });
}

/** Records `payment.recorded` for a transaction just added to the order's trail (its version already raised). */
export function recordPaymentRecorded(em: EntityManager, order: Order, kind: TransactionKind, amountMinor: number, reference: string | null, reason: string | null): void {
  const payload: PaymentRecordedPayload = { orderId: order.id, kind, amount: { amountMinor, currency: order.currency }, reference, reason };
  recordEvent(em, { type: OrderEvent.PAYMENT_RECORDED, entity: EventEntity.ORDER, entityId: order.id, version: order.version, payload });
}

/** The shipment events (only orders reads them so far, hence not in kit's catalogue). */
export const ShipmentEvent = {
  CREATED: 'shipment.created',
  DELIVERED: 'shipment.delivered',
} as const;

/** The payload of `shipment.*`: the shipment as it now is. */
export interface ShipmentPayload extends Record<string, unknown> {
  shipmentId: string;
  orderId: string;
  /** the order's customer: a subscriber's territory filter reads it without a query per event */
  customerId: string;
  warehouseId: string;
  carrier: string | null;
  trackingNumber: string | null;
  status: string;
  shippedAt: string;
  deliveredAt: string | null;
  lines: { productId: string; quantity: number }[];
}

/** Records a `shipment.*` event for a shipment just written or changed (its version already raised). */
export function recordShipmentEvent(em: EntityManager, type: (typeof ShipmentEvent)[keyof typeof ShipmentEvent], shipment: Shipment, customerId: string, lines: readonly { productId: string; quantity: number }[]): void {
  const payload: ShipmentPayload = {
    shipmentId: shipment.id,
    orderId: shipment.orderId,
    customerId,
    warehouseId: shipment.warehouseId,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    status: shipment.status,
    shippedAt: shipment.shippedAt.toISOString(),
    deliveredAt: shipment.deliveredAt?.toISOString() ?? null,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
  };
  recordEvent(em, { type, entity: 'Shipment', entityId: shipment.id, version: shipment.version, payload });
}
