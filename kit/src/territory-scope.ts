import DataLoader from 'dataloader';
import { hasRole, Role, type Caller } from './caller';
import type { SubgraphContext } from './context';
import { forbidden } from './errors';
import { throughGateway, type GatewayClient } from './gateway-client';
import type { LoaderFactory } from './loaders';

/**
 * A field agent sees the customers of its own territory only, and with them only what hangs
 * off those customers (orders, prices …). Territories live in the field-agents subgraph, so a
 * subgraph that applies the rule asks it (through the gateway, as the SERVICE identity) for
 * the ids of the agent's territory, once per request, and puts them into its own queries.
 * Staff (ADMIN, MANAGER) and services are not narrowed.
 */
export function isTerritoryScoped(caller: Caller): boolean {
  return hasRole(caller, Role.AGENT) && !hasRole(caller, Role.ADMIN, Role.MANAGER, Role.SERVICE);
}

const TERRITORY_CUSTOMER_IDS = /* GraphQL */ `
  query TerritoryCustomerIds($subject: String!) { territoryCustomerIds(agentSubject: $subject) }
`;

/**
 * The ids (lower case) of the customers of the territory of the ACTIVE agent with this
 * subject; none when it is no agent. @throws DomainError UNAVAILABLE when field-agents cannot be
 * reached (an agent then sees nothing rather than everything)
 */
export async function territoryCustomerIds(gateway: GatewayClient | undefined, subject: string, requestId: string): Promise<Set<string>> {
  const data = await throughGateway(gateway, "The agent's territory could not be looked up", (g) =>
    g.request<{ territoryCustomerIds: string[] }>(TERRITORY_CUSTOMER_IDS, { subject }, requestId),
  );
  return new Set(data.territoryCustomerIds.map((id) => id.toLowerCase()));
}

/** The customer ids of each agent subject's territory, asked of field-agents once per request. */
export const territoryCustomers: LoaderFactory<SubgraphContext, string, Set<string>> = (ctx) =>
  new DataLoader<string, Set<string>>((subjects) => Promise.all(subjects.map((subject) => territoryCustomerIds(ctx.runtime.gateway, subject, ctx.requestId))));

/**
 * The customer ids the caller is narrowed to: those of its territory for a field agent (none
 * without a subject or an active agent record), null (no narrowing) for everyone else.
 */
export async function agentCustomerScope(ctx: SubgraphContext): Promise<Set<string> | null> {
  if (!isTerritoryScoped(ctx.caller)) return null;
  if (!ctx.caller.subject) return new Set();
  return ctx.loaders.get(territoryCustomers).load(ctx.caller.subject);
}

/** Whether the caller may see this customer (and what hangs off it). */
export async function customerInScope(ctx: SubgraphContext, customerId: string): Promise<boolean> {
  const scope = await agentCustomerScope(ctx);
  return !scope || scope.has(customerId.toLowerCase());
}

/** @throws DomainError FORBIDDEN when the caller's territory does not hold this customer */
export async function assertCustomerInScope(ctx: SubgraphContext, customerId: string, what = 'This customer'): Promise<void> {
  if (!(await customerInScope(ctx, customerId))) throw forbidden(`${what} is outside your territory`);
}
