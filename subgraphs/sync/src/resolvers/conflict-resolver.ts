import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, Connection, keysetFilter, keysetOrder, pageRequest, toConnectionPage, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictResolution, ConflictStatus, Connector, SyncConflict } from '../entities';
import { connectorById } from '../loaders';
import { SyncService } from '../services/sync-service';

export const SyncConflictConnection = Connection('SyncConflict', SyncConflict);
const NEWEST_FIRST = { field: 'detectedAt', descending: true };
const service = (ctx: SubgraphContext) => new SyncService(ctx.em as EntityManager, ctx.runtime);

@Resolver(() => SyncConflict)
export class ConflictResolver {
  @Query(() => SyncConflictConnection, { description: 'A connector\'s conflicts, newest first; OPEN ones wait for resolveConflict.' })
  async syncConflicts(
    @Arg('connectorId', () => ID) connectorId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => ConflictStatus, { nullable: true }) status?: ConflictStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionPage<SyncConflict>> {
    assertUuid(connectorId, 'connectorId');
    const request = pageRequest({ first, after });
    const scope = { connectorId, ...(status ? { status } : {}) };
    const where = { ...scope, ...keysetFilter(NEWEST_FIRST, { ...request, cursor: request.cursor ? [new Date(String(request.cursor[0])) as unknown as string, request.cursor[1]] : null }) };
    const rows = await ctx.em.find(SyncConflict, where, { orderBy: keysetOrder(NEWEST_FIRST, request), limit: request.size + 1 });
    return toConnectionPage(rows, request, (r) => [r.detectedAt.toISOString(), r.id], () => ctx.em.count(SyncConflict, scope));
  }

  @Query(() => SyncConflict, { nullable: true })
  syncConflict(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncConflict | null> {
    assertUuid(id, 'id');
    return ctx.em.findOne(SyncConflict, id);
  }

  @FieldResolver(() => Connector)
  async connector(@Root() conflict: SyncConflict, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    return (await ctx.loaders.get(connectorById).load(conflict.connectorId))!;
  }

  @Mutation(() => SyncConflict, { description: 'Settles an OPEN conflict: SOURCE applies the external system\'s version, SUPERGRAPH keeps Tradegraph\'s. Records who chose.' })
  resolveConflict(@Arg('id', () => ID) id: string, @Arg('choice', () => ConflictResolution) choice: ConflictResolution, @Ctx() ctx: SubgraphContext): Promise<SyncConflict> {
    assertUuid(id, 'id');
    return service(ctx).resolveConflict(id, choice, ctx.caller.subject ?? 'unknown', ctx.requestId);
  }
}
