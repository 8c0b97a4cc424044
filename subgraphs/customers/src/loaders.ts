import DataLoader from 'dataloader';
import { groupLoader, uniqueLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Customer, CustomerStatusChange } from './entities';
import { isTerritoryScoped, territoryCustomerIds } from './services/territory-scope';

/** The customers subgraph's DataLoaders: one SQL statement per batch, one instance per request. */

export const customerById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Customer, { id: { $in: [...ids] } }), (c) => c.id);

export const statusHistoryByCustomer = ({ em }: SubgraphContext) =>
  groupLoader(
    (ids: readonly string[]) => em.find(CustomerStatusChange, { customerId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
    (c) => c.customerId,
  );

/** The customer ids of each agent subject's territory, asked of field-agents once per request. */
export const territoryCustomers = (ctx: SubgraphContext) =>
  new DataLoader<string, Set<string>>((subjects) => Promise.all(subjects.map((subject) => territoryCustomerIds(ctx.runtime.gateway, subject, ctx.requestId))));

/**
 * The customer ids the caller is narrowed to: those of its territory for a field agent (see
 * services/territory-scope.ts), null (no narrowing) for everyone else.
 */
export async function agentCustomerScope(ctx: SubgraphContext): Promise<Set<string> | null> {
  if (!isTerritoryScoped(ctx.caller)) return null;
  if (!ctx.caller.subject) return new Set();
  return ctx.loaders.get(territoryCustomers).load(ctx.caller.subject);
}

/** A customer by id, or null when unknown or outside the caller's territory scope. */
export async function visibleCustomer(ctx: SubgraphContext, id: string): Promise<Customer | null> {
  const scope = await agentCustomerScope(ctx);
  if (scope && !scope.has(id.toLowerCase())) return null;
  return ctx.loaders.get(customerById).load(id);
}
