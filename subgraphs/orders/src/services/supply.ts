import { GatewayCallError, type GatewayClient } from '@tradegraph/kit';

/** A product as the catalog prices it for one customer. */
export interface PricedProduct {
  id: string;
  sku: string;
  name: string;
  status: string;
  priceFor: { amount: string; currency: string };
}

/** What orders needs to know before it takes an order: the customer and the catalog's prices. */
export interface OrderQuote {
  customer: { id: string; status: string } | null;
  products: PricedProduct[];
}

const QUOTE = /* GraphQL */ `
  query OrderQuote($customerId: ID!, $ids: [ID!]!, $first: Int!) {
    customer(id: $customerId) { id status }
    products(filter: { ids: $ids }, first: $first) {
      edges { node { id sku name status priceFor(customerId: $customerId) { amount currency } } }
    }
  }
`;
const RESERVE = /* GraphQL */ `
  mutation ReserveOrderStock($orderId: ID!, $lines: [ReservationLineInput!]!, $ttlSeconds: Int) {
    reserveStock(orderId: $orderId, lines: $lines, ttlSeconds: $ttlSeconds) { id status }
  }
`;
const COMMIT = /* GraphQL */ `
  mutation CommitOrderStock($orderId: ID!) { commitReservation(orderId: $orderId) { id status } }
`;
const RELEASE = /* GraphQL */ `
  mutation ReleaseOrderStock($orderId: ID!) { releaseReservation(orderId: $orderId) { id status } }
`;
const RETURN = /* GraphQL */ `
  mutation ReturnOrderStock($orderId: ID!, $lines: [ReservationLineInput!]!) { returnStock(orderId: $orderId, lines: $lines) { id } }
`;

/**
 * The other subgraphs as orders uses them, always through the gateway as the SERVICE
 * identity. Every write is idempotent per order id, so any of them may be retried.
 */
export class Supply {
  constructor(private readonly gateway: GatewayClient, private readonly requestId: string) {}

  /** The customer (null when unknown) and the given products priced for them (one call). */
  async quote(customerId: string, productIds: string[]): Promise<OrderQuote> {
    const data = await this.gateway.request<{ customer: OrderQuote['customer']; products: { edges: { node: PricedProduct }[] } }>(
      QUOTE,
      { customerId, ids: productIds, first: productIds.length },
      this.requestId,
    );
    return { customer: data.customer, products: data.products.edges.map((e) => e.node) };
  }

  /** Reserves all lines or none. @throws GatewayCallError (code INSUFFICIENT_STOCK when short) */
  async reserve(orderId: string, lines: { productId: string; quantity: number }[], ttlSeconds: number | null): Promise<void> {
    await this.gateway.request(RESERVE, { orderId, lines, ttlSeconds }, this.requestId);
  }

  /** The goods ship: the reservation becomes a shipment. */
  async commit(orderId: string): Promise<void> {
    await this.gateway.request(COMMIT, { orderId }, this.requestId);
  }

  /** Gives the reserved stock back; a no-op when there is no reservation. */
  async release(orderId: string): Promise<void> {
    await this.gateway.request(RELEASE, { orderId }, this.requestId);
  }

  /** Puts returned goods back on hand. */
  async restock(orderId: string, lines: { productId: string; quantity: number }[]): Promise<void> {
    await this.gateway.request(RETURN, { orderId, lines }, this.requestId);
  }

  /** Releases, swallowing failure: used to compensate; the reservation's TTL is the safety net. */
  async releaseQuietly(orderId: string): Promise<boolean> {
    try {
      await this.release(orderId);
      return true;
    } catch (error) {
      if (!(error instanceof GatewayCallError)) throw error;
      return false;
    }
  }
}
