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
  PRODUCT: 'Product',
  CUSTOMER: 'Customer',
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

/**
 * The products subgraph's events, all on the `Product` stream: one per write of a product, by
 * every path (create, update, status move, bulk upsert). Each carries the product's public
 * catalogue fields after the change (not its attributes: unbounded enough to bloat the stream,
 * and no consumer needs them; a change of only them still has its event); `version` counts the
 * product's writes.
 */
export const ProductEvent = {
  CREATED: 'product.created',
  UPDATED: 'product.updated',
  /** the status moved (other fields may have changed in the same write, as in a bulk upsert) */
  STATUS_CHANGED: 'product.status_changed',
} as const;
export type ProductEvent = (typeof ProductEvent)[keyof typeof ProductEvent];

/** Every `product.*` event: the product after the change. */
export interface ProductChangedPayload extends Record<string, unknown> {
  productId: string;
  sku: string;
  name: string;
  description: string | null;
  brand: string | null;
  categoryId: string | null;
  status: string;
  /** the status before the write: null for `product.created`, equal to `status` for `product.updated` */
  from: string | null;
  /** e.g. `{ amount: "19.90", currency: "EUR" }` */
  basePrice: { amount: string; currency: string };
  publishedAt: string | null;
}

/**
 * The customers subgraph's events, all on the `Customer` stream: one per write of a customer,
 * by every path, each with the whole customer after the change.
 */
export const CustomerEvent = {
  CREATED: 'customer.created',
  UPDATED: 'customer.updated',
  STATUS_CHANGED: 'customer.status_changed',
} as const;
export type CustomerEvent = (typeof CustomerEvent)[keyof typeof CustomerEvent];

/**
 * Every `customer.*` event: which customer changed and which of its field groups, never their
 * values. Outbox rows are kept and streams hold ~100k events, so a payload with email, phone or
 * addresses would keep personal data long after the customer changed or was erased; a consumer
 * that needs the values reads the customer (sync re-reads it through the gateway before a push).
 */
export interface CustomerChangedPayload extends Record<string, unknown> {
  customerId: string;
  code: string;
  status: string;
  /** the status before the write: null for `customer.created`, equal to `status` for `customer.updated` */
  from: string | null;
  reason: string | null;
  /** the field groups the write changed (every group for `customer.created`): see {@link CUSTOMER_FIELD_GROUPS} */
  changed: CustomerFieldGroup[];
}

/** A customer's field groups as `customer.*` events name them (a money amount and its currency are one group). */
export const CUSTOMER_FIELD_GROUPS = ['name', 'email', 'phone', 'segment', 'status', 'creditLimit', 'addresses', 'location'] as const;
export type CustomerFieldGroup = (typeof CUSTOMER_FIELD_GROUPS)[number];
