import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, auditSource, ForwardPageArgs, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Connector, SyncEntity, SyncRun, SyncRunError } from '../entities';
import { connectorById, syncRunById } from '../loaders';
import { SyncService } from '../services/sync-service';
import { SyncRunConnection } from './types';

const service = (ctx: SubgraphContext) => new SyncService(ctx.em, ctx.runtime);

@Resolver(() => SyncRun)
export class SyncRunResolver {
  @Query(() => SyncRunConnection, { description: 'A connector\'s runs, newest first.' })
  syncRuns(
    @Arg('connectorId', () => ID) connectorId: string,
    @Ctx() ctx: SubgraphContext,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<SyncRun>> {
    assertUuid(connectorId, 'connectorId');
    return service(ctx).runs(connectorId, page);
  }

  @Query(() => SyncRun, { nullable: true })
  syncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncRun | null> {
    assertUuid(id, 'id');
    return ctx.loaders.get(syncRunById).load(id);
  }

  @FieldResolver(() => Connector)
  async connector(@Root() run: SyncRun, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    return (await ctx.loaders.get(connectorById).load(run.connectorId))!;
  }

  @FieldResolver(() => [SyncRunError], { description: 'The records this run could not apply (at most `first`, oldest first).' })
  errors(@Root() run: SyncRun, @Ctx() ctx: SubgraphContext, @Arg('first', () => Int, { defaultValue: 100 }) first: number): Promise<SyncRunError[]> {
    return service(ctx).runErrors(run.id, first);
  }

  @Mutation(() => SyncRun, { description: 'Queues a run of the connector now (its configured entities unless given): records changed since the last successful run, or every record when `full`.' })
  triggerSync(
    @Arg('connectorId', () => ID) connectorId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('entities', () => [SyncEntity], { nullable: true }) entities?: SyncEntity[],
    @Arg('full', () => Boolean, { defaultValue: false }) full?: boolean,
  ): Promise<SyncRun> {
    assertUuid(connectorId, 'connectorId');
    return service(ctx).triggerSync(connectorId, entities, full ?? false, auditSource(ctx));
  }

  @Mutation(() => SyncRun)
  cancelSyncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncRun> {
    assertUuid(id, 'id');
    return service(ctx).cancelRun(id, auditSource(ctx));
  }

  @Mutation(() => SyncRun, { description: 'Queues a FAILED (dead-lettered) or CANCELLED run again with fresh attempts.' })
  retrySyncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncRun> {
    assertUuid(id, 'id');
    return service(ctx).retryRun(id, auditSource(ctx));
  }
}
