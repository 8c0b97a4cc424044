import { GatewayCallError, type GatewayClient } from '@tradegraph/kit';

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
 * The inventory subgraph as orders uses it, through the gateway as the SERVICE identity. Every
 * write is idempotent per order id, so any of them may be retried.
 */
export class InventoryClient {
  constructor(private readonly gateway: GatewayClient, private readonly requestId: string) {}

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
