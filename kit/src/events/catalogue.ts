/**
 * The events one subgraph publishes and another consumes. A subgraph never imports another,
 * so their names and payloads live here: orders and inventory publish with them, sync's
 * outbound connectors match them. Events only their own subgraph reads stay in that
 * subgraph's `services/events.ts`. docs/events.md lists every event.
 */

/** The bus streams (`EventEnvelope.entity`) these events travel on. */
export const EventEntity = {
  ORDER: 'Order',
  STOCK_LEVEL: 'StockLevel',
} as const;
export type EventEntity = (typeof EventEntity)[keyof typeof EventEntity];

/** The orders subgraph's events, all on the `Order` stream. */
export const OrderEvent = {
  PLACED: 'order.placed',
  STATUS_CHANGED: 'order.status_changed',
  PAYMENT_RECORDED: 'payment.recorded',
} as const;
export type OrderEvent = (typeof OrderEvent)[keyof typeof OrderEvent];

/** `order.placed`: the order as written (status PENDING, version 1). */
export interface OrderPlacedPayload extends Record<string, unknown> {
  orderId: string;
  number: string;
  customerId: string;
  placedById: string | null;
  status: string;
  /** tax included, e.g. `{ amount: "119.00", currency: "EUR" }` */
  total: { amount: string; currency: string };
  lines: { productId: string; quantity: number }[];
}

/** `order.status_changed`: one move of the order's status. */
export interface OrderStatusChangedPayload extends Record<string, unknown> {
  orderId: string;
  number: string;
  customerId: string;
  placedById: string | null;
  from: string;
  to: string;
  reason: string | null;
}

/** `payment.recorded`: one entry of the order's payment trail. */
export interface PaymentRecordedPayload extends Record<string, unknown> {
  orderId: string;
  /** FORWARD takes money, REVERSE gives it back */
  kind: string;
  amount: { amountMinor: number; currency: string };
  reference: string | null;
  reason: string | null;
}

/** The inventory subgraph's event others consume, on the `StockLevel` stream. */
export const StockEvent = {
  CHANGED: 'stock.changed',
} as const;
export type StockEvent = (typeof StockEvent)[keyof typeof StockEvent];

/** `stock.changed`: a level after a change, and what changed it. */
export interface StockChangedPayload extends Record<string, unknown> {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
  safetyStock: number;
  reorderPoint: number;
  /** the movement type (RECEIPT, SHIPMENT …); null for a policy change (safetyStock, reorderPoint) */
  movementType: string | null;
  /** 0 for a policy change */
  quantity: number;
}
