import type { SubgraphContext, SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { entities } from './entities';
import { visibleCustomer } from './loaders';
import { permissions } from './permissions';
import { CustomerResolver } from './resolvers/customer-resolver';

/** The customers subgraph: customers, their addresses, segments and personal data. */
export const customersSubgraph: SubgraphDefinition = {
  name: 'customers',
  entities,
  migrations,
  resolvers: [CustomerResolver],
  references: {
    // A field agent resolves only the customers of its territory; the others come back null.
    Customer: (ref, ctx: SubgraphContext) => visibleCustomer(ctx, String(ref.id)),
  },
  permissions,
};

/** The port customers listens on unless PORT says otherwise (matches supergraph.yaml). */
export const CUSTOMERS_PORT = 4002;
