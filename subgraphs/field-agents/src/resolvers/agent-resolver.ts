import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, ForwardPageArgs, type ConnectionPage, type SubgraphContext, auditSource } from '@tradegraph/kit';
import { FieldAgent, Territory } from '../entities';
import { AgentFilter, CreateAgentInput, UpdateAgentInput } from '../inputs/agent-inputs';
import { accessOf, agentPerformance, visibleAgentById, visibleTerritoryById } from '../loaders';
import { AgentService } from '../services/agents';
import { AgentPerformance, FieldAgentConnection } from './types';

const service = async (ctx: SubgraphContext) => new AgentService(ctx.em, await accessOf(ctx), auditSource(ctx));

@Resolver(() => FieldAgent)
export class AgentResolver {
  @Query(() => FieldAgent, { nullable: true, description: 'The caller\'s own agent record (by the token\'s subject); null when the caller is not an agent.' })
  async myAgent(@Ctx() ctx: SubgraphContext): Promise<FieldAgent | null> {
    if (!ctx.caller.subject) return null;
    return ctx.em.findOne(FieldAgent, { subject: ctx.caller.subject });
  }

  @Query(() => FieldAgent, { nullable: true, description: 'One agent; null when unknown or not visible to the caller.' })
  agent(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<FieldAgent | null> {
    return ctx.loaders.get(visibleAgentById).load(id);
  }

  @Query(() => FieldAgentConnection, { description: 'The agents the caller may see, by name: all for ADMIN, a manager\'s territories, an agent\'s own record.' })
  async agents(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => AgentFilter, { nullable: true }) filter: AgentFilter | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<FieldAgent>> {
    return (await service(ctx)).search(filter, page);
  }

  @Query(() => FieldAgent, { nullable: true, description: 'SERVICE only: the agent whose tokens carry this subject (how orders records who placed an order).' })
  agentBySubject(@Arg('subject') subject: string, @Ctx() ctx: SubgraphContext): Promise<FieldAgent | null> {
    return ctx.em.findOne(FieldAgent, { subject });
  }

  @Query(() => [ID], { description: 'SERVICE only: the ids of the customers of the territory of the ACTIVE agent with this subject (how customers scopes an AGENT).' })
  async territoryCustomerIds(@Arg('agentSubject') agentSubject: string, @Ctx() ctx: SubgraphContext): Promise<string[]> {
    return (await service(ctx)).territoryCustomerIds(agentSubject);
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'Null when the caller may not see the territory.' })
  territory(@Root() agent: FieldAgent, @Ctx() ctx: SubgraphContext): Promise<Territory | null> {
    return ctx.loaders.get(visibleTerritoryById).load(agent.territoryId);
  }

  @FieldResolver(() => AgentPerformance, { description: 'Figures of the visits scheduled in [from, to); batched over agents (one grouped statement).' })
  async performance(@Root() agent: FieldAgent, @Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: SubgraphContext): Promise<AgentPerformance> {
    if (!(from < to)) throw badInput('to', 'must be after from');
    const figures = await ctx.loaders.get(agentPerformance).load({ agentId: agent.id, from, to });
    const decided = figures.completed + figures.missed;
    return { ...figures, completionRate: decided ? figures.completed / decided : null };
  }

  @Mutation(() => FieldAgent, { description: 'ADMIN, SERVICE, or the MANAGER of the territory.' })
  async createAgent(@Arg('input', () => CreateAgentInput) input: CreateAgentInput, @Ctx() ctx: SubgraphContext): Promise<FieldAgent> {
    return (await service(ctx)).createAgent(input);
  }

  @Mutation(() => FieldAgent, { description: 'ADMIN, SERVICE, or the MANAGER of the agent\'s territory (and of a new one).' })
  async updateAgent(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateAgentInput) input: UpdateAgentInput, @Ctx() ctx: SubgraphContext): Promise<FieldAgent> {
    return (await service(ctx)).updateAgent(id, input);
  }
}
