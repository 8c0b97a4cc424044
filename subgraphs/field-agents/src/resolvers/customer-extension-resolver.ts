import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ForwardPageArgs, nestedPage, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Customer, FieldAgent, Territory, Visit } from '../entities';
import { VisitFilter } from '../inputs/visit-inputs';
import { assignmentByCustomer, customerVisits, visibleAgentById, visibleTerritoryById } from '../loaders';
import { VisitConnection } from './types';

/** What field-agents adds to the customers subgraph's Customer. */
@Resolver(() => Customer)
export class CustomerExtensionResolver {
  @FieldResolver(() => Territory, { nullable: true, description: 'The territory the customer is assigned to; null when none or not visible to the caller.' })
  async territory(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): Promise<Territory | null> {
    const assignment = await ctx.loaders.get(assignmentByCustomer).load(customer.id);
    return assignment ? ctx.loaders.get(visibleTerritoryById).load(assignment.territoryId) : null;
  }

  @FieldResolver(() => FieldAgent, { nullable: true, description: 'The agent who looks after the customer; null when none or not visible to the caller.' })
  async assignedAgent(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): Promise<FieldAgent | null> {
    const assignment = await ctx.loaders.get(assignmentByCustomer).load(customer.id);
    return assignment?.agentId ? ctx.loaders.get(visibleAgentById).load(assignment.agentId) : null;
  }

  @FieldResolver(() => VisitConnection, { nullable: true, description: 'The customer\'s visits the caller may see, latest scheduled first; null, with UNAVAILABLE, while field-agents cannot answer.' })
  visits(
    @Root() customer: Customer,
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => VisitFilter, { nullable: true }) filter: VisitFilter | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<Visit>> {
    return nestedPage(ctx, customerVisits, customer.id, filter, page);
  }
}
