import { auditSource } from '@tradegraph/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@tradegraph/kit';
import { Customer, FieldAgent, Territory } from '../entities';
import { CreateTerritoryInput, UpdateTerritoryInput } from '../inputs/agent-inputs';
import { accessOf, visibleAgentsByTerritory, visibleTerritoryById } from '../loaders';
import { territoryScope } from '../services/access';
import { AgentService } from '../services/agents';
import { GatewayCustomerDirectory } from '../services/customer-directory';

const service = async (ctx: SubgraphContext) => new AgentService(ctx.em, await accessOf(ctx), auditSource(ctx));

@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => Territory, { nullable: true, description: 'One territory; null when unknown or not visible to the caller.' })
  territory(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Territory | null> {
    return ctx.loaders.get(visibleTerritoryById).load(id);
  }

  @Query(() => [Territory], { description: 'The territories the caller may see, by code: all for ADMIN, a manager\'s own, an agent\'s own.' })
  async territories(@Ctx() ctx: SubgraphContext): Promise<Territory[]> {
    return ctx.em.find(Territory, territoryScope(await accessOf(ctx)), { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => [FieldAgent], { description: 'The territory\'s agents the caller may see, by name.' })
  agents(@Root() territory: Territory, @Ctx() ctx: SubgraphContext): Promise<FieldAgent[]> {
    return ctx.loaders.get(visibleAgentsByTerritory).load(territory.id);
  }

  @Mutation(() => Territory, { description: 'ADMIN or SERVICE.' })
  async createTerritory(@Arg('input', () => CreateTerritoryInput) input: CreateTerritoryInput, @Ctx() ctx: SubgraphContext): Promise<Territory> {
    return (await service(ctx)).createTerritory(input);
  }

  @Mutation(() => Territory, { description: 'ADMIN or SERVICE.' })
  async updateTerritory(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateTerritoryInput) input: UpdateTerritoryInput, @Ctx() ctx: SubgraphContext): Promise<Territory> {
    return (await service(ctx)).updateTerritory(id, input);
  }

  @Mutation(() => Customer, {
    description: 'Puts a customer in a territory and, optionally, with one of its agents (replacing an earlier assignment). ADMIN, SERVICE, or the MANAGER of the territory.',
  })
  async assignCustomer(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('territoryId', () => ID) territoryId: string,
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Customer> {
    const assignment = await (await service(ctx)).assignCustomer(customerId, territoryId, agentId ?? null, new GatewayCustomerDirectory(ctx.runtime.gateway, ctx.requestId));
    return { id: assignment.customerId };
  }
}
