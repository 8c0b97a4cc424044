import type { SubgraphContext, SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { Customer, entities, FieldAgent, Product } from './entities';
import { referencedOrder } from './loaders';
import { permissions } from './permissions';
import { CustomerExtensionResolver } from './resolvers/customer-extension-resolver';
import { FieldAgentExtensionResolver } from './resolvers/field-agent-extension-resolver';
import { OrderLineResolver, OrderResolver } from './resolvers/order-resolver';
import { ShipmentLineResolver, ShipmentResolver } from './resolvers/shipment-resolver';
import { OrderSubscriptionResolver } from './resolvers/subscription-resolver';

/** The orders subgraph: orders, their lines, status flow and payment trail. */
export const ordersSubgraph: SubgraphDefinition = {
  name: 'orders',
  entities,
  migrations,
  resolvers: [OrderResolver, OrderLineResolver, ShipmentResolver, ShipmentLineResolver, CustomerExtensionResolver, FieldAgentExtensionResolver, OrderSubscriptionResolver],
  orphanedTypes: [Customer, Product, FieldAgent],
  references: {
    Order: (ref, ctx: SubgraphContext) => referencedOrder(ctx, String(ref.id)),
    // the credit limit comes along when Customer.credit @requires it
    Customer: (ref) => ({ id: String(ref.id), ...(ref.creditLimit ? { creditLimit: ref.creditLimit as { amount: string; currency: string } } : {}) }),
    Product: (ref) => ({ id: String(ref.id) }),
    FieldAgent: (ref) => ({ id: String(ref.id) }),
  },
  permissions,
};

/** The port orders listens on unless PORT says otherwise (matches supergraph.yaml). */
export const ORDERS_PORT = 4004;
