import { PeriodicTask, type SubgraphContext, type SubgraphDefinition } from '@tradegraph/kit';
import { StockSubscriptionResolver } from './resolvers/subscription-resolver';
import { migrations } from '../migrations';
import { entities, Product } from './entities';
import { reservationById, stockLevelById, stockMovementById, warehouseById } from './loaders';
import { permissions } from './permissions';
import { ProductExtensionResolver } from './resolvers/product-extension-resolver';
import { ReservationAllocationResolver, ReservationResolver } from './resolvers/reservation-resolver';
import { StockLevelResolver } from './resolvers/stock-level-resolver';
import { StockMovementResolver } from './resolvers/stock-movement-resolver';
import { WarehouseResolver } from './resolvers/warehouse-resolver';
import { ordersThrough } from './services/orders-client';
import { expireReservations } from './services/reservations';
import { inventorySettingsOf } from './settings';

/** The inventory subgraph: warehouses, stock levels, the movement ledger and reservations. */
export const inventorySubgraph: SubgraphDefinition = {
  name: 'inventory',
  entities,
  migrations,
  resolvers: [StockSubscriptionResolver, WarehouseResolver, StockLevelResolver, StockMovementResolver, ReservationResolver, ReservationAllocationResolver, ProductExtensionResolver],
  // No inventory field returns a Product at the top level; the gateway reaches it through _entities.
  orphanedTypes: [Product],
  references: {
    Warehouse: (ref, ctx: SubgraphContext) => ctx.loaders.get(warehouseById).load(String(ref.id)),
    StockLevel: (ref, ctx: SubgraphContext) => ctx.loaders.get(stockLevelById).load(String(ref.id)),
    StockMovement: (ref, ctx: SubgraphContext) => ctx.loaders.get(stockMovementById).load(String(ref.id)),
    Reservation: (ref, ctx: SubgraphContext) => ctx.loaders.get(reservationById).load(String(ref.id)),
    // Products live in the products subgraph; inventory only adds fields keyed by the id.
    Product: (ref) => ({ id: String(ref.id) }),
  },
  permissions,
  // The expiry sweep: safe with any number of replicas (it locks with `for update skip locked`).
  // It asks orders which reservations have their order; without a gateway it can ask nothing, so expires nothing.
  background: (runtime) => [
    new PeriodicTask('inventory:reservation-expiry', inventorySettingsOf(runtime.settings).sweepIntervalMs, () =>
      expireReservations(runtime.database.orm.em.fork(), { orders: runtime.gateway ? ordersThrough(runtime.gateway) : noGateway }),
    ),
  ],
};

/** The sweep's order lookup when GATEWAY_URL is not set: it fails, so no reservation expires. */
async function noGateway(): Promise<Map<string, string>> {
  throw new Error('inventory has no gateway (GATEWAY_URL) to ask the orders subgraph');
}

/** The port inventory listens on unless PORT says otherwise (matches supergraph.yaml). */
export const INVENTORY_PORT = 4003;
