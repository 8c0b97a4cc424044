import type { SourceOrder } from './types';

/** A Shopify Admin REST order (the fields inbound order sync reads). */
export interface ShopifyOrder {
  id: number;
  /** "#1001" */
  name?: string | null;
  updated_at?: string | null;
  cancelled_at?: string | null;
  closed_at?: string | null;
  /** null (unfulfilled), "partial" or "fulfilled" */
  fulfillment_status?: string | null;
  customer?: { id?: number | null } | null;
  line_items?: { variant_id?: number | null; quantity?: number }[];
  /** what a Tradegraph push writes: our order id */
  source_identifier?: string | null;
  tags?: string | null;
}

/** The fields asked for, so a shop's big order records (addresses, taxes …) do not travel. */
export const SHOPIFY_ORDER_FIELDS = 'id,name,updated_at,cancelled_at,closed_at,fulfillment_status,customer,line_items,source_identifier,tags';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Maps a Shopify order: cancelled (`cancelled_at`) → CANCELLED; `fulfillment_status`
 * fulfilled → FULFILLED; closed (archived, `closed_at`) without being fulfilled in full →
 * CANCELLED too, since nothing (or not everything) left and completing would ship the whole
 * reservation; else OPEN. Lines by variant id (a custom line has none). Whether the order is a
 * Tradegraph push is not decided here: a `tradegraph` tag can be typed in the shop admin, so
 * the order's `source_identifier` (our order id, set by the push) is handed on as
 * `claimedOrderId` and checked against this connector's pushes (services/inbound-orders.ts).
 */
export function orderFromShopify(order: ShopifyOrder): SourceOrder {
  const claimed = (order.source_identifier ?? '').trim();
  return {
    externalId: String(order.id),
    number: order.name || String(order.id),
    updatedAt: order.updated_at ?? null,
    status: order.cancelled_at ? 'CANCELLED' : order.fulfillment_status === 'fulfilled' ? 'FULFILLED' : order.closed_at ? 'CANCELLED' : 'OPEN',
    customerExternalId: order.customer?.id ? String(order.customer.id) : null,
    lines: (order.line_items ?? []).map((line) => ({ productExternalId: line.variant_id ? String(line.variant_id) : null, quantity: Number(line.quantity ?? 0) })),
    fromTradegraph: false,
    claimedOrderId: UUID.test(claimed) ? claimed.toLowerCase() : null,
  };
}
