import type { GatewayClient } from '@tradegraph/kit';

const ORDERS_BY_IDS = /* GraphQL */ `
  query ReservationOrders($ids: [ID!]!, $first: Int!) { orders(filter: { ids: $ids }, first: $first) { edges { node { id status } } } }
`;

/** The most order ids one question carries (the orders filter's own cap). */
export const ORDER_LOOKUP_BATCH = 100;

/** Which of the given orders exist, with their status (an id absent from the map has no order). */
export type OrderLookup = (orderIds: readonly string[]) => Promise<Map<string, string>>;

/**
 * The orders subgraph as the expiry sweep asks it, through the gateway as the SERVICE identity:
 * one query per batch of at most {@link ORDER_LOOKUP_BATCH} ids.
 * @throws GatewayCallError when orders cannot be asked (the sweep then expires nothing)
 */
export function ordersThrough(gateway: GatewayClient, requestId?: string): OrderLookup {
  return async (orderIds) => {
    const found = new Map<string, string>();
    for (let i = 0; i < orderIds.length; i += ORDER_LOOKUP_BATCH) {
      const ids = orderIds.slice(i, i + ORDER_LOOKUP_BATCH);
      const data = await gateway.request<{ orders: { edges: { node: { id: string; status: string } }[] } }>(ORDERS_BY_IDS, { ids, first: ids.length }, requestId);
      for (const { node } of data.orders.edges) found.set(node.id.toLowerCase(), node.status);
    }
    return found;
  };
}
