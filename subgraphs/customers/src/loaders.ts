import { assertCustomerInScope, customerInScope, groupLoader, readRows, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Customer, CustomerStatusChange } from './entities';

/** The customers subgraph's DataLoaders: one SQL statement per batch, one instance per request; plain-SQL reads (kit's readRows), detached entities. */

export const customerById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => readRows(em, Customer, 'id', ids), (c) => c.id);

export const statusHistoryByCustomer = ({ em }: SubgraphContext) =>
  groupLoader(
    (ids: readonly string[]) => readRows(em, CustomerStatusChange, 'customerId', ids, ['id']),
    (c) => c.customerId,
  );

/**
 * A customer by id, or null when unknown or outside the caller's territory scope (kit's
 * territory-scope: a field agent sees its own territory's customers only).
 */
export async function visibleCustomer(ctx: SubgraphContext, id: string): Promise<Customer | null> {
  if (!(await customerInScope(ctx, id))) return null;
  return ctx.loaders.get(customerById).load(id);
}

/**
 * A customer another subgraph points to (Order.customer, Visit.customer …). The caller already
 * holds the id, so one outside its territory is refused with FORBIDDEN at that field's path
 * (the gateway keeps the path and code) instead of resolving to a customer it may not see.
 */
export async function referencedCustomer(ctx: SubgraphContext, id: string): Promise<Customer | null> {
  await assertCustomerInScope(ctx, id);
  return ctx.loaders.get(customerById).load(id);
}
