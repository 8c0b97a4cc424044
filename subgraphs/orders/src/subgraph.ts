import type { SubgraphContext, SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { Customer, entities, FieldAgent, Product } from './entities';
import { referencedOrder } from './loaders';
import { permissions } from './permissions';
import { CustomerExtensionResolver } from './resolvers/customer-extension-resolver';
import { FieldAgentExtensionResolver } from './resolvers/field-agent-extension-resolver';
import { OrderLineResolver, OrderResolver } from './resolvers/order-resolver';
import { OrderSubscriptionResolver } from './resolvers/subscription-resolver';

/** The orders subgraph: orders, their lines, status flow and payment trail. */
export const ordersSubgraph: SubgraphDefinition = {
  name: 'orders',
  entities,
  migrations,
  resolvers: [OrderResolver, OrderLineResolver, CustomerExtensionResolver, FieldAgentExtensionResolver, OrderSubscriptionResolver],
  orphanedTypes: [Customer, Product, FieldAgent],
  references: {
    Order: (ref, ctx: SubgraphContext) => referencedOrder(ctx, String(ref.id)),
    Customer: (ref) => ({ id: String(ref.id) }),
    Product: (ref) => ({ id: String(ref.id) }),
    FieldAgent: (ref) => ({ id: String(ref.id) }),
  },
  permissions,
};

/** The port orders listens on unless PORT says otherwise (matches supergraph.yaml). */
export const ORDERS_PORT = 4004;
