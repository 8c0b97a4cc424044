import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, Connection, keysetFilter, keysetOrder, pageRequest, toConnectionPage, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Connector, SyncEntity, SyncRun, SyncRunError, SyncTrigger } from '../entities';
import { connectorById } from '../loaders';
import { SyncService } from '../services/sync-service';

export const SyncRunConnection = Connection('SyncRun', SyncRun);
const service = (ctx: SubgraphContext) => new SyncService(ctx.em as EntityManager, ctx.runtime);
const NEWEST_FIRST = { field: 'queuedAt', descending: true };

@Resolver(() => SyncRun)
export class SyncRunResolver {
  @Query(() => SyncRunConnection, { description: 'A connector\'s runs, newest first.' })
  async syncRuns(
    @Arg('connectorId', () => ID) connectorId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionPage<SyncRun>> {
    assertUuid(connectorId, 'connectorId');
    const request = pageRequest({ first, after });
    const where = { connectorId, ...keysetFilter(NEWEST_FIRST, { ...request, cursor: request.cursor ? [new Date(String(request.cursor[0])) as unknown as string, request.cursor[1]] : null }) };
    const rows = await ctx.em.find(SyncRun, where, { orderBy: keysetOrder(NEWEST_FIRST, request), limit: request.size + 1 });
    return toConnectionPage(rows, request, (r) => [r.queuedAt.toISOString(), r.id], () => ctx.em.count(SyncRun, { connectorId }));
  }

  @Query(() => SyncRun, { nullable: true })
  syncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncRun | null> {
    assertUuid(id, 'id');
    return ctx.em.findOne(SyncRun, id);
  }

  @FieldResolver(() => Connector)
  async connector(@Root() run: SyncRun, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    return (await ctx.loaders.get(connectorById).load(run.connectorId))!;
  }

  @FieldResolver(() => [SyncRunError], { description: 'The records this run could not apply (at most `first`, oldest first).' })
  errors(@Root() run: SyncRun, @Ctx() ctx: SubgraphContext, @Arg('first', () => Int, { defaultValue: 100 }) first: number): Promise<SyncRunError[]> {
    return ctx.em.find(SyncRunError, { runId: run.id }, { orderBy: { id: 'asc' }, limit: Math.min(Math.max(first, 0), 1000) });
  }

  @Mutation(() => SyncRun, { description: 'Queues a run of the connector now (its configured entities unless given): records changed since the last successful run, or every record when `full`.' })
  triggerSync(
    @Arg('connectorId', () => ID) connectorId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('entities', () => [SyncEntity], { nullable: true }) entities?: SyncEntity[],
    @Arg('full', () => Boolean, { defaultValue: false }) full?: boolean,
  ): Promise<SyncRun> {
    assertUuid(connectorId, 'connectorId');
    return service(ctx).triggerSync(connectorId, entities, SyncTrigger.MANUAL, full ?? false);
  }

  @Mutation(() => SyncRun)
  cancelSyncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncRun> {
    assertUuid(id, 'id');
    return service(ctx).cancelRun(id);
  }

  @Mutation(() => SyncRun, { description: 'Queues a FAILED (dead-lettered) or CANCELLED run again with fresh attempts.' })
  retrySyncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncRun> {
    assertUuid(id, 'id');
    return service(ctx).retryRun(id);
  }
}
