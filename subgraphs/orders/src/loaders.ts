import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { agentCustomerScope, assertCustomerInScope, customerInScope, groupLoader, isUuid, nestedPages, qualifiedTable, readRows, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Order, OrderLine, OrderStatus, OrderStatusChange, PaymentTransaction, Shipment, ShipmentLine } from './entities';
import type { OrderFilter } from './inputs/order-inputs';
import { exposuresOf } from './services/credit';

/** The orders subgraph's DataLoaders: one SQL statement per batch, one instance per request; plain-SQL reads (kit's readRows), detached entities. */

export const orderById = ({ em }: SubgraphContext) => uuidLoader((ids) => readRows(em, Order, 'id', ids), (o) => o.id);

/**
 * The order if the caller may see it: a field agent sees only the orders of its territory's
 * customers (kit's territory scope); any other order is null to it, like an unknown one.
 */
export async function visibleOrder(ctx: SubgraphContext, order: Order | null): Promise<Order | null> {
  return order && (await customerInScope(ctx, order.customerId)) ? order : null;
}

/** An order another subgraph points to: FORBIDDEN (at that field's path) when the caller may not see it. */
export async function referencedOrder(ctx: SubgraphContext, id: string): Promise<Order | null> {
  const order = await ctx.loaders.get(orderById).load(id);
  if (order) await assertCustomerInScope(ctx, order.customerId, 'This order\'s customer');
  return order;
}

/** An agent's territory as a condition on an order query: `customer_id in (…)`, nothing for staff. */
function inScope(query: Knex.QueryBuilder, scope: Set<string> | null, prefix: string): Knex.QueryBuilder {
  return scope ? query.whereIn(`${prefix}customer_id`, [...scope]) : query;
}

export const linesByOrder = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => readRows(em, OrderLine, 'orderId', ids, ['orderId', 'lineNo']), (l) => l.orderId);

export const statusHistoryByOrder = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => readRows(em, OrderStatusChange, 'orderId', ids, ['id']), (c) => c.orderId);

export const transactionsByOrder = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => readRows(em, PaymentTransaction, 'orderId', ids, ['sequence']), (t) => t.orderId);

export const shipmentById = ({ em }: SubgraphContext) => uuidLoader((ids) => readRows(em, Shipment, 'id', ids), (s) => s.id);

/** A shipment if the caller may see its order (a field agent: its territory's customers); null otherwise, like an unknown one. */
export async function visibleShipment(ctx: SubgraphContext, shipment: Shipment | null): Promise<Shipment | null> {
  return shipment && (await visibleOrder(ctx, await ctx.loaders.get(orderById).load(shipment.orderId))) ? shipment : null;
}

export const shipmentsByOrder = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => readRows(em, Shipment, 'orderId', ids, ['orderId', 'shippedAt', 'id']), (s) => s.orderId);

export const linesByShipment = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => readRows(em, ShipmentLine, 'shipmentId', ids, ['shipmentId', 'productId']), (l) => l.shipmentId);

/** Adds an order filter to a query over the order table (columns prefixed with `prefix`). */
function applyFilter(query: Knex.QueryBuilder, filter: OrderFilter | null, prefix = ''): Knex.QueryBuilder {
  if (filter?.status?.length) query.whereIn(`${prefix}status`, filter.status);
  if (filter?.placedById) query.where(`${prefix}placed_by_id`, filter.placedById);
  if (filter?.from) query.where(`${prefix}created_at`, '>=', filter.from);
  if (filter?.to) query.where(`${prefix}created_at`, '<', filter.to);
  return query;
}

/** Orders newest first under a parent column, restricted to the caller's customers, for many parents in one windowed statement. */
function newestOrdersBy(parentColumn: string, parentOf: (order: Order) => string | null) {
  return nestedPages<Order, OrderFilter, Set<string> | null>({
    entity: Order,
    parentColumn,
    parentOf,
    sortColumn: 'created_at',
    sortOf: (o) => o.createdAt,
    access: agentCustomerScope,
    restrict: (query, filter, prefix, scope) => inScope(applyFilter(query, filter, prefix), scope, prefix),
  }).pages;
}

/** Customers' credit exposure per currency (minor units), in one statement for all customers of a request (Customer.credit). */
export const creditExposureByCustomer = ({ em }: SubgraphContext) =>
  new DataLoader<string, Map<string, number>>(async (ids) => {
    const exposures = await exposuresOf(em, ids);
    return ids.map((id) => exposures.get(id) ?? new Map<string, number>());
  });

/** A customer's newest orders (Customer.orders). */
export const customerOrders = newestOrdersBy('customer_id', (o) => o.customerId);

/** The newest orders an agent placed (FieldAgent.orders) that the caller may see. */
export const agentOrders = newestOrdersBy('placed_by_id', (o) => o.placedById);

/** The order statuses that count as sales: every status but CANCELLED (a REFUNDED order was a sale; its refund is in the payment trail). */
export const SALES_STATUSES = [OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.COMPLETED, OrderStatus.REFUNDED] as const;

/** An agent's sales in a period, per currency. */
export interface AgentSalesFigures {
  orderCount: number;
  /** total (tax included) in minor units, per currency */
  revenueMinor: Map<string, number>;
}

/**
 * Sales of many agents in a period [from, to) by order creation time, in one grouped
 * statement per distinct period: orders placed by the agent in {@link SALES_STATUSES}, of the
 * customers the caller may see (a field agent: its territory's).
 */
export const agentSales = (ctx: SubgraphContext) =>
  new DataLoader<{ agentId: string; from: Date; to: Date }, AgentSalesFigures, string>(
    async (keys) => {
      const byPeriod = new Map<string, { from: Date; to: Date; agentIds: Set<string> }>();
      for (const key of keys) {
        if (!isUuid(key.agentId)) continue;
        const period = `${key.from.toISOString()}|${key.to.toISOString()}`;
        const group = byPeriod.get(period) ?? { from: key.from, to: key.to, agentIds: new Set<string>() };
        group.agentIds.add(key.agentId);
        byPeriod.set(period, group);
      }
      const figures = new Map<string, AgentSalesFigures>();
      const knex = ctx.em.getKnex();
      const scope = byPeriod.size ? await agentCustomerScope(ctx) : null;
      for (const [period, { from, to, agentIds }] of byPeriod) {
        const query = inScope(knex(knex.raw(qualifiedTable(ctx.em, Order))), scope, '')
          .whereIn('placed_by_id', [...agentIds])
          .whereIn('status', [...SALES_STATUSES])
          .where('created_at', '>=', from)
          .where('created_at', '<', to)
          .groupBy('placed_by_id', 'currency')
          .select('placed_by_id', 'currency', knex.raw('count(*)::int as n'), knex.raw('sum(total_minor)::text as revenue'));
        const rows: { placed_by_id: string; currency: string; n: number; revenue: string }[] = await ctx.em.getConnection().execute(query);
        for (const row of rows) {
          const key = `${period}|${row.placed_by_id}`;
          const entry = figures.get(key) ?? { orderCount: 0, revenueMinor: new Map<string, number>() };
          entry.orderCount += row.n;
          entry.revenueMinor.set(row.currency, Number(row.revenue));
          figures.set(key, entry);
        }
      }
      return keys.map((k) => figures.get(`${k.from.toISOString()}|${k.to.toISOString()}|${k.agentId}`) ?? { orderCount: 0, revenueMinor: new Map() });
    },
    { cacheKeyFn: (key) => `${key.agentId}|${key.from.toISOString()}|${key.to.toISOString()}` },
  );
