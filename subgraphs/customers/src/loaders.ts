import { groupLoader, uniqueLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Customer, CustomerStatusChange } from './entities';

/** The customers subgraph's DataLoaders: one SQL statement per batch, one instance per request. */

export const customerById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Customer, { id: { $in: [...ids] } }), (c) => c.id);

export const statusHistoryByCustomer = ({ em }: SubgraphContext) =>
  groupLoader(
    (ids: readonly string[]) => em.find(CustomerStatusChange, { customerId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
    (c) => c.customerId,
  );
