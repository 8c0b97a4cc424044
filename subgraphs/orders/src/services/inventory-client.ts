import { GatewayCallError, type GatewayClient } from '@tradegraph/kit';

const RESERVE = /* GraphQL */ `
  mutation ReserveOrderStock($orderId: ID!, $lines: [ReservationLineInput!]!, $ttlSeconds: Int) {
    reserveStock(orderId: $orderId, lines: $lines, ttlSeconds: $ttlSeconds) { id status }
  }
`;
const COMMIT_REST = /* GraphQL */ `
  mutation CommitOrderStockRest($orderId: ID!) { commitReservation(orderId: $orderId) { id status lines { productId quantity warehouse { id } } } }
`;
const COMMIT_PART = /* GraphQL */ `
  mutation CommitOrderStockPart($orderId: ID!, $shipmentId: ID!, $warehouseId: ID!, $lines: [ReservationLineInput!]!) {
    commitReservationPart(orderId: $orderId, shipmentId: $shipmentId, warehouseId: $warehouseId, lines: $lines) { id status }
  }
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

  /**
   * Ships what of the reservation has not shipped yet; answers every allocation (product,
   * warehouse, quantity), from which the caller tells what this last part shipped.
   */
  async commitRest(orderId: string): Promise<{ productId: string; warehouseId: string; quantity: number }[]> {
    const data = await this.gateway.request<{ commitReservation: { lines: { productId: string; quantity: number; warehouse: { id: string } }[] } }>(COMMIT_REST, { orderId }, this.requestId);
    return data.commitReservation.lines.map((l) => ({ productId: l.productId, warehouseId: l.warehouse.id, quantity: l.quantity }));
  }

  /** One shipment's part of the reservation ships from one warehouse; idempotent per shipment id. */
  async commitPart(orderId: string, shipmentId: string, warehouseId: string, lines: { productId: string; quantity: number }[]): Promise<void> {
    await this.gateway.request(COMMIT_PART, { orderId, shipmentId, warehouseId, lines }, this.requestId);
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
