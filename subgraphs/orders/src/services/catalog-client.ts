import type { GatewayClient } from '@tradegraph/kit';

/** A product as the catalog prices it for one customer. */
export interface PricedProduct {
  id: string;
  sku: string;
  name: string;
  status: string;
  priceFor: { amount: string; currency: string };
}

/** What orders needs to know before it takes an order: the customer (with its credit limit) and the catalog's prices. */
export interface OrderQuote {
  customer: { id: string; status: string; creditLimit: { amount: string; currency: string } } | null;
  products: PricedProduct[];
}

const QUOTE = /* GraphQL */ `
  query OrderQuote($customerId: ID!, $ids: [ID!]!, $first: Int!) {
    customer(id: $customerId) { id status creditLimit { amount currency } }
    products(filter: { ids: $ids }, first: $first) {
      edges { node { id sku name status priceFor(customerId: $customerId) { amount currency } } }
    }
  }
`;

/**
 * The customers and products subgraphs as order placement reads them, through the gateway as
 * the SERVICE identity.
 */
export class CatalogClient {
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
}
