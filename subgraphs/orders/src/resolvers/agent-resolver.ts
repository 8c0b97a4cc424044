import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { badInput, Money, toMoney, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { FieldAgent, Order } from '../entities';
import { OrderFilter } from '../inputs/order-inputs';
import { agentOrders, agentSales } from '../loaders';
import { OrderConnection } from './order-resolver';

/** What an agent sold in a period. */
@ObjectType({ description: 'Orders an agent placed in a period [from, to) by placement time, in every status but CANCELLED (PENDING, PROCESSING, COMPLETED and REFUNDED count).' })
export class AgentSales {
  @Field(() => Int)
  orderCount!: number;

  @Field(() => Money, { nullable: true, description: 'The orders\' totals (tax included); null when there are none, or when they span several currencies (see revenueByCurrency).' })
  revenue!: Money | null;

  @Field(() => [Money], { description: 'The totals per currency.' })
  revenueByCurrency!: Money[];
}

@Resolver(() => FieldAgent)
export class FieldAgentOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: 'Orders this agent placed, newest first.' })
  orders(
    @Root() agent: FieldAgent,
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionPage<Order>> {
    return ctx.loaders.get(agentOrders).load({ parentId: agent.id, filter: filter ?? null, first: first ?? null, after: after ?? null });
  }

  @FieldResolver(() => AgentSales, { description: 'Orders this agent placed in [from, to) that are not CANCELLED; batched over agents (one grouped statement).' })
  async sales(@Root() agent: FieldAgent, @Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: SubgraphContext): Promise<AgentSales> {
    if (!(from < to)) throw badInput('to', 'must be after from');
    const figures = await ctx.loaders.get(agentSales).load({ agentId: agent.id, from, to });
    const revenueByCurrency = [...figures.revenueMinor].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => toMoney(minor, currency));
    return { orderCount: figures.orderCount, revenue: revenueByCurrency.length === 1 ? revenueByCurrency[0] : null, revenueByCurrency };
  }
}
