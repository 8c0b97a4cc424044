import DataLoader from 'dataloader';
import { groupLoader, pageRequest, qualifiedTable, toConnectionPage, uuidLoader, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Order, OrderLine, OrderStatusChange, PaymentTransaction } from './entities';
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

async function windowedOrders(ctx: SubgraphContext, customerIds: string[], filter: OrderFilter | null, perCustomer: number, cursor: [string | number, string] | null): Promise<Order[]> {
  const knex = ctx.em.getKnex();
  const inner = applyFilter(knex(knex.raw(`${qualifiedTable(ctx.em, Order)} as o`)), filter)
    .whereIn('o.customer_id', customerIds)
    .select('o.*', knex.raw('row_number() over (partition by o.customer_id order by o.created_at desc, o.id desc) as rn'));
  if (cursor) inner.whereRaw('(o.created_at, o.id) < (?::timestamptz, ?::uuid)', [cursor[0], cursor[1]]);
  const outer = knex.select('*').from(inner.as('t')).where('rn', '<=', perCustomer).orderBy([{ column: 'customer_id' }, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
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
