import { throughGateway, type GatewayClient } from '@tradegraph/kit';
import type { LatLng } from './geo';

/** What field-agents needs to know about a customer of the customers subgraph. */
export interface CustomerFacts {
  /** false when the customers subgraph does not know the id */
  exists: boolean;
  /** where the customer is, when known */
  location: LatLng | null;
}

/** Where field-agents looks customers up: the customers subgraph, through the gateway. */
export interface CustomerDirectory {
  /** @throws DomainError UNAVAILABLE when the customers subgraph cannot be reached */
  facts(customerId: string): Promise<CustomerFacts>;
}

const CUSTOMER_FACTS = /* GraphQL */ `
  query FieldAgentsCustomerFacts($id: ID!) { customer(id: $id) { id location { lat lng } } }
`;

/** Asks the customers subgraph through the gateway, as the SERVICE identity (so no territory scoping applies). */
export class GatewayCustomerDirectory implements CustomerDirectory {
  constructor(private readonly gateway: GatewayClient | undefined, private readonly requestId: string) {}

  async facts(customerId: string): Promise<CustomerFacts> {
    const data = await throughGateway(this.gateway, 'The customer could not be looked up', (g) =>
      g.request<{ customer: { id: string; location: LatLng | null } | null }>(CUSTOMER_FACTS, { id: customerId }, this.requestId),
    );
    return { exists: data.customer !== null, location: data.customer?.location ?? null };
  }
}
