import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { badInput, ForwardPageArgs, nestedPage, toMoney, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { FieldAgent, Order } from '../entities';
import { OrderFilter } from '../inputs/order-inputs';
import { agentOrders, agentSales } from '../loaders';
import { AgentSales, OrderConnection } from './types';

/** What orders adds to the field-agents subgraph's FieldAgent. */
@Resolver(() => FieldAgent)
export class FieldAgentExtensionResolver {
  @FieldResolver(() => OrderConnection, { nullable: true, description: 'Orders this agent placed, newest first; null, with UNAVAILABLE, while orders cannot answer.' })
  orders(
    @Root() agent: FieldAgent,
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<Order>> {
    return nestedPage(ctx, agentOrders, agent.id, filter, page);
  }

  @FieldResolver(() => AgentSales, { nullable: true, description: 'Orders this agent placed in [from, to) that are not CANCELLED; batched over agents (one grouped statement). Null, with UNAVAILABLE, while orders cannot answer.' })
  async sales(@Root() agent: FieldAgent, @Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: SubgraphContext): Promise<AgentSales> {
    if (!(from < to)) throw badInput('to', 'must be after from');
    const figures = await ctx.loaders.get(agentSales).load({ agentId: agent.id, from, to });
    const revenueByCurrency = [...figures.revenueMinor].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => toMoney(minor, currency));
    return { orderCount: figures.orderCount, revenue: revenueByCurrency.length === 1 ? revenueByCurrency[0] : null, revenueByCurrency };
  }
}
