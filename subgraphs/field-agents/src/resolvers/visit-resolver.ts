import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ForwardPageArgs, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Customer, FieldAgent, Visit, VisitStatusChange } from '../entities';
import { CompleteVisitInput, GeoFixInput, PlanVisitInput, VisitFilter } from '../inputs/visit-inputs';
import { accessOf, statusHistoryByVisit, visibleAgentById, visibleVisitById } from '../loaders';
import { GatewayCustomerDirectory } from '../services/customer-directory';
import { VisitService } from '../services/visits';
import { fieldAgentSettingsOf } from '../settings';
import { VisitConnection } from './types';

const service = async (ctx: SubgraphContext) => new VisitService(ctx.em, await accessOf(ctx), fieldAgentSettingsOf(ctx.runtime.settings));

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => Visit, { nullable: true, description: 'One visit; null when unknown or not visible to the caller.' })
  visit(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Visit | null> {
    return ctx.loaders.get(visibleVisitById).load(id);
  }

  @Query(() => VisitConnection, { description: 'The visits the caller may see, latest scheduled first: all for ADMIN, a manager\'s territories, an agent\'s own.' })
  async visits(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => VisitFilter, { nullable: true }) filter: VisitFilter | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<Visit>> {
    return (await service(ctx)).search(filter, page);
  }

  @Query(() => [Visit], { description: 'The calling agent\'s visits scheduled in the 24 hours from `date` (pass the start of the agent\'s local day), in scheduled order.' })
  async myVisits(@Arg('date', () => Date) date: Date, @Ctx() ctx: SubgraphContext): Promise<Visit[]> {
    return (await service(ctx)).mine(date);
  }

  @FieldResolver(() => FieldAgent, { nullable: true, description: 'Null when the caller may not see the agent.' })
  agent(@Root() visit: Visit, @Ctx() ctx: SubgraphContext): Promise<FieldAgent | null> {
    return ctx.loaders.get(visibleAgentById).load(visit.agentId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Null, with FORBIDDEN, when the caller may not see the customer (one moved out of a field agent\'s territory).' })
  customer(@Root() visit: Visit): Customer {
    return { id: visit.customerId };
  }

  @FieldResolver(() => [VisitStatusChange], { description: 'Every status move, oldest first.' })
  statusHistory(@Root() visit: Visit, @Ctx() ctx: SubgraphContext): Promise<VisitStatusChange[]> {
    return ctx.loaders.get(statusHistoryByVisit).load(visit.id);
  }

  @Mutation(() => Visit, { description: 'Plans a visit (PLANNED) to a customer of the agent\'s territory. An AGENT plans for itself; a MANAGER for agents of its territories.' })
  async planVisit(@Arg('input', () => PlanVisitInput) input: PlanVisitInput, @Ctx() ctx: SubgraphContext): Promise<Visit> {
    return (await service(ctx)).plan(input);
  }

  @Mutation(() => Visit, {
    description: 'PLANNED → IN_PROGRESS with a GPS check-in: the distance from the customer is recorded; beyond the check-in radius the visit is off-site (or refused, by policy).',
  })
  async startVisit(@Arg('id', () => ID) id: string, @Arg('checkIn', () => GeoFixInput) checkIn: GeoFixInput, @Ctx() ctx: SubgraphContext): Promise<Visit> {
    return (await service(ctx)).start(id, checkIn, new GatewayCustomerDirectory(ctx.runtime.gateway, ctx.requestId));
  }

  @Mutation(() => Visit, { description: 'IN_PROGRESS → COMPLETED with a GPS check-out, the outcome, notes and photos.' })
  async completeVisit(@Arg('id', () => ID) id: string, @Arg('input', () => CompleteVisitInput) input: CompleteVisitInput, @Ctx() ctx: SubgraphContext): Promise<Visit> {
    return (await service(ctx)).complete(id, input);
  }

  @Mutation(() => Visit, { description: 'PLANNED → CANCELLED.' })
  async cancelVisit(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: SubgraphContext): Promise<Visit> {
    return (await service(ctx)).cancel(id, reason ?? null);
  }
}
