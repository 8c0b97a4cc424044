import type { SubgraphContext, SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { entities } from './entities';
import { referencedCustomer } from './loaders';
import { permissions } from './permissions';
import { CustomerResolver } from './resolvers/customer-resolver';

/** The customers subgraph: customers, their addresses, segments and personal data. */
export const customersSubgraph: SubgraphDefinition = {
  name: 'customers',
  entities,
  migrations,
  resolvers: [CustomerResolver],
  references: {
    // A field agent resolves only the customers of its territory; the others are FORBIDDEN.
    Customer: (ref, ctx: SubgraphContext) => referencedCustomer(ctx, String(ref.id)),
  },
  permissions,
};

/** The port customers listens on unless PORT says otherwise (matches supergraph.yaml). */
export const CUSTOMERS_PORT = 4002;
