import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, ForwardPageArgs, type ConnectionPage, type SubgraphContext, auditSource } from '@tradegraph/kit';
import { ConflictResolution, ConflictStatus, Connector, SyncConflict } from '../entities';
import { conflictById, connectorById } from '../loaders';
import { SyncService } from '../services/sync-service';
import { SyncConflictConnection } from './types';

const service = (ctx: SubgraphContext) => new SyncService(ctx.em, ctx.runtime);

@Resolver(() => SyncConflict)
export class ConflictResolver {
  @Query(() => SyncConflictConnection, { description: 'A connector\'s conflicts, newest first; OPEN ones wait for resolveConflict.' })
  syncConflicts(
    @Arg('connectorId', () => ID) connectorId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => ConflictStatus, { nullable: true }) status: ConflictStatus | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<SyncConflict>> {
    assertUuid(connectorId, 'connectorId');
    return service(ctx).conflicts(connectorId, status, page);
  }

  @Query(() => SyncConflict, { nullable: true })
  syncConflict(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SyncConflict | null> {
    assertUuid(id, 'id');
    return ctx.loaders.get(conflictById).load(id);
  }

  @FieldResolver(() => Connector)
  async connector(@Root() conflict: SyncConflict, @Ctx() ctx: SubgraphContext): Promise<Connector> {
    return (await ctx.loaders.get(connectorById).load(conflict.connectorId))!;
  }

  @Mutation(() => SyncConflict, { description: 'Settles an OPEN conflict: SOURCE applies the external system\'s version, SUPERGRAPH keeps Tradegraph\'s. Records who chose.' })
  resolveConflict(@Arg('id', () => ID) id: string, @Arg('choice', () => ConflictResolution) choice: ConflictResolution, @Ctx() ctx: SubgraphContext): Promise<SyncConflict> {
    assertUuid(id, 'id');
    return service(ctx).resolveConflict(id, choice, auditSource(ctx));
  }
}
