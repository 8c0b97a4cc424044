import DataLoader from 'dataloader';
import { groupLoader, isUuid, pageRequest, qualifiedTable, toConnectionPage, uuidLoader, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Order, OrderLine, OrderStatus, OrderStatusChange, PaymentTransaction } from './entities';
import type { OrderFilter } from './inputs/order-inputs';

/** The orders subgraph's DataLoaders: one SQL statement per batch, one instance per request. */

export const orderById = ({ em }: SubgraphContext) => uuidLoader((ids) => em.find(Order, { id: { $in: [...ids] } }), (o) => o.id);

export const linesByOrder = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => em.find(OrderLine, { orderId: { $in: [...ids] } }, { orderBy: { orderId: 'asc', lineNo: 'asc' } }), (l) => l.orderId);

export const statusHistoryByOrder = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => em.find(OrderStatusChange, { orderId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (c) => c.orderId);

export const transactionsByOrder = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => em.find(PaymentTransaction, { orderId: { $in: [...ids] } }, { orderBy: { sequence: 'asc' } }), (t) => t.orderId);

/** One customer's page of orders, as Customer.orders asks for it. */
export interface CustomerOrdersKey {
  customerId: string;
  filter: OrderFilter | null;
  first: number | null;
  after: string | null;
}

/**
 * The newest orders of many customers in one statement: a window over the orders of all the
 * customers in the batch, cut at `first + 1` per customer. Keys with the same arguments (the
 * usual case: one field in a list) share the statement.
 */
export const customerOrders = (ctx: SubgraphContext) =>
  new DataLoader<CustomerOrdersKey, ConnectionPage<Order>, string>(
    async (keys) => {
      const groups = new Map<string, CustomerOrdersKey[]>();
      for (const key of keys) {
        const args = JSON.stringify([key.filter, key.first, key.after]);
        groups.set(args, [...(groups.get(args) ?? []), key]);
      }
      const pages = new Map<CustomerOrdersKey, ConnectionPage<Order>>();
      for (const group of groups.values()) {
        const { filter, first, after } = group[0];
        const request = pageRequest({ first, after });
        const customerIds = [...new Set(group.map((k) => k.customerId))];
        const rows = await windowedOrders(ctx, customerIds, filter, request.size + 1, request.cursor);
        const byCustomer = new Map<string, Order[]>();
        for (const order of rows) byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
        for (const key of group) {
          pages.set(
            key,
            toConnectionPage(byCustomer.get(key.customerId) ?? [], request, (o) => [o.createdAt.toISOString(), o.id], () =>
              ctx.loaders.get(customerOrderCounts).load({ customerId: key.customerId, filter }),
            ),
          );
        }
      }
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

/** How many orders each customer has that match a filter; one grouped count per batch. */
export const customerOrderCounts = (ctx: SubgraphContext) =>
  new DataLoader<{ customerId: string; filter: OrderFilter | null }, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      const byFilter = new Map<string, { filter: OrderFilter | null; customerIds: Set<string> }>();
      for (const key of keys) {
        const group = byFilter.get(JSON.stringify(key.filter)) ?? { filter: key.filter, customerIds: new Set<string>() };
        group.customerIds.add(key.customerId);
        byFilter.set(JSON.stringify(key.filter), group);
      }
      const knex = ctx.em.getKnex();
      for (const [filterKey, { filter, customerIds }] of byFilter) {
        const query = applyFilter(knex(knex.raw(qualifiedTable(ctx.em, Order))), filter)
          .whereIn('customer_id', [...customerIds])
          .groupBy('customer_id')
          .select('customer_id', knex.raw('count(*)::int as n'));
        const rows: { customer_id: string; n: number }[] = await ctx.em.getConnection().execute(query);
        for (const row of rows) counts.set(`${filterKey}|${row.customer_id}`, row.n);
      }
      return keys.map((k) => counts.get(`${JSON.stringify(k.filter)}|${k.customerId}`) ?? 0);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

/** The column a page of orders is partitioned by: a customer's orders, or an agent's. */
type OrderOwner = 'customer_id' | 'placed_by_id';

async function windowedOrders(ctx: SubgraphContext, customerIds: string[], filter: OrderFilter | null, perCustomer: number, cursor: [string | number, string] | null, owner: OrderOwner = 'customer_id'): Promise<Order[]> {
  const knex = ctx.em.getKnex();
  const inner = applyFilter(knex(knex.raw(`${qualifiedTable(ctx.em, Order)} as o`)), filter)
    .whereIn(`o.${owner}`, customerIds)
    .select('o.*', knex.raw(`row_number() over (partition by o.${owner} order by o.created_at desc, o.id desc) as rn`));
  if (cursor) inner.whereRaw('(o.created_at, o.id) < (?::timestamptz, ?::uuid)', [cursor[0], cursor[1]]);
  const outer = knex.select('*').from(inner.as('t')).where('rn', '<=', perCustomer).orderBy([{ column: owner }, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  // through MikroORM's connection, so the statement is logged and counted like every other
  const rows: Record<string, unknown>[] = await ctx.em.getConnection().execute(outer);
  return rows.map((row) => {
    delete row.rn;
    return ctx.em.map(Order, row);
  });
}

function applyFilter<Q extends { whereIn: Function; where: Function }>(query: Q, filter: OrderFilter | null): Q {
  if (filter?.status?.length) query.whereIn('status', filter.status);
  if (filter?.placedById) query.where('placed_by_id', filter.placedById);
  if (filter?.from) query.where('created_at', '>=', filter.from);
  if (filter?.to) query.where('created_at', '<', filter.to);
  return query;
}

/** One agent's page of orders, as FieldAgent.orders asks for it. */
export interface AgentOrdersKey {
  agentId: string;
  filter: OrderFilter | null;
  first: number | null;
  after: string | null;
}

/**
 * The newest orders placed by many agents in one statement (the window of customerOrders,
 * partitioned by `placed_by_id`). Keys with the same arguments share the statement.
 */
export const agentOrders = (ctx: SubgraphContext) =>
  new DataLoader<AgentOrdersKey, ConnectionPage<Order>, string>(
    async (keys) => {
      const groups = new Map<string, AgentOrdersKey[]>();
      for (const key of keys) {
        const args = JSON.stringify([key.filter, key.first, key.after]);
        groups.set(args, [...(groups.get(args) ?? []), key]);
      }
      const pages = new Map<AgentOrdersKey, ConnectionPage<Order>>();
      for (const group of groups.values()) {
        const { filter, first, after } = group[0];
        const request = pageRequest({ first, after });
        const agentIds = [...new Set(group.map((k) => k.agentId).filter(isUuid))];
        const rows = agentIds.length ? await windowedOrders(ctx, agentIds, filter, request.size + 1, request.cursor, 'placed_by_id') : [];
        const byAgent = new Map<string, Order[]>();
        for (const order of rows) byAgent.set(order.placedById!, [...(byAgent.get(order.placedById!) ?? []), order]);
        for (const key of group) {
          pages.set(
            key,
            toConnectionPage(byAgent.get(key.agentId) ?? [], request, (o) => [o.createdAt.toISOString(), o.id], () =>
              ctx.loaders.get(agentOrderCounts).load({ agentId: key.agentId, filter }),
            ),
          );
        }
      }
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

/** How many orders each agent placed that match a filter; one grouped count per batch. */
export const agentOrderCounts = (ctx: SubgraphContext) =>
  new DataLoader<{ agentId: string; filter: OrderFilter | null }, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      const byFilter = new Map<string, { filter: OrderFilter | null; agentIds: Set<string> }>();
      for (const key of keys) {
        if (!isUuid(key.agentId)) continue;
        const group = byFilter.get(JSON.stringify(key.filter)) ?? { filter: key.filter, agentIds: new Set<string>() };
        group.agentIds.add(key.agentId);
        byFilter.set(JSON.stringify(key.filter), group);
      }
      const knex = ctx.em.getKnex();
      for (const [filterKey, { filter, agentIds }] of byFilter) {
        const query = applyFilter(knex(knex.raw(qualifiedTable(ctx.em, Order))), filter)
          .whereIn('placed_by_id', [...agentIds])
          .groupBy('placed_by_id')
          .select('placed_by_id', knex.raw('count(*)::int as n'));
        const rows: { placed_by_id: string; n: number }[] = await ctx.em.getConnection().execute(query);
        for (const row of rows) counts.set(`${filterKey}|${row.placed_by_id}`, row.n);
      }
      return keys.map((k) => counts.get(`${JSON.stringify(k.filter)}|${k.agentId}`) ?? 0);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

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
 * statement per distinct period: orders placed by the agent in {@link SALES_STATUSES}.
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
      for (const [period, { from, to, agentIds }] of byPeriod) {
        const query = knex(knex.raw(qualifiedTable(ctx.em, Order)))
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
