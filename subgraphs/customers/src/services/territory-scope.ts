import { hasRole, Role, throughGateway, type Caller, type GatewayClient } from '@tradegraph/kit';

/**
 * A field agent sees the customers of its own territory only. Territories live in the
 * field-agents subgraph, so customers asks it (through the gateway, as the SERVICE identity)
 * for the ids of the agent's territory, once per request, and then puts them into its own
 * queries. Staff (ADMIN, MANAGER) and services are not narrowed.
 */
export function isTerritoryScoped(caller: Caller): boolean {
  return hasRole(caller, Role.AGENT) && !hasRole(caller, Role.ADMIN, Role.MANAGER, Role.SERVICE);
}

const TERRITORY_CUSTOMER_IDS = /* GraphQL */ `
  query CustomersTerritoryCustomerIds($subject: String!) { territoryCustomerIds(agentSubject: $subject) }
`;

/**
 * The ids of the customers of the territory of the (ACTIVE) agent with this subject; none when
 * it is no agent. @throws DomainError UNAVAILABLE when field-agents cannot be reached (an agent
 * then sees nothing rather than everything)
 */
export async function territoryCustomerIds(gateway: GatewayClient | undefined, subject: string, requestId: string): Promise<Set<string>> {
  const data = await throughGateway(gateway, "The agent's territory could not be looked up", (g) =>
    g.request<{ territoryCustomerIds: string[] }>(TERRITORY_CUSTOMER_IDS, { subject }, requestId),
  );
  return new Set(data.territoryCustomerIds.map((id) => id.toLowerCase()));
}
