import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, Connection, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { ConflictResolution, ConflictStatus, Connector, SyncConflict } from '../entities';
import { conflictById, connectorById } from '../loaders';
import { SyncService } from '../services/sync-service';

export const SyncConflictConnection = Connection('SyncConflict', SyncConflict);
const service = (ctx: SubgraphContext) => new SyncService(ctx.em, ctx.runtime);

@Resolver(() => SyncConflict)
export class ConflictResolver {
  @Query(() => SyncConflictConnection, { description: 'A connector\'s conflicts, newest first; OPEN ones wait for resolveConflict.' })
  syncConflicts(
    @Arg('connectorId', () => ID) connectorId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => ConflictStatus, { nullable: true }) status?: ConflictStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionPage<SyncConflict>> {
    assertUuid(connectorId, 'connectorId');
    return service(ctx).conflicts(connectorId, status, { first, after });
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
    return service(ctx).resolveConflict(id, choice, ctx.caller.subject ?? 'unknown', ctx.requestId);
  }
}
