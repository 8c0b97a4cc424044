import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@tradegraph/kit';
import { ExternalRef, Product, SyncState, SyncStatus } from '../entities';
import { openProductConflicts, productRefs } from '../loaders';

/** What sync adds to the products subgraph's Product. */
@Resolver(() => Product)
export class ProductExtensionResolver {
  @FieldResolver(() => [ExternalRef], { nullable: true, description: 'Where this product lives in external systems; null, with UNAVAILABLE, while sync cannot answer.' })
  externalRefs(@Root() product: Product, @Ctx() ctx: SubgraphContext): Promise<ExternalRef[]> {
    return ctx.loaders.get(productRefs).load(product.id);
  }

  @FieldResolver(() => SyncState, { nullable: true, description: 'Whether the product is linked to external systems and whether a conflict waits; null, with UNAVAILABLE, while sync cannot answer.' })
  async syncState(@Root() product: Product, @Ctx() ctx: SubgraphContext): Promise<SyncState> {
    const [refs, conflicts] = await Promise.all([ctx.loaders.get(productRefs).load(product.id), ctx.loaders.get(openProductConflicts).load(product.id)]);
    const synced = refs.map((r) => r.lastSyncedAt?.getTime() ?? 0).filter(Boolean);
    return {
      status: conflicts.length ? SyncStatus.CONFLICT : refs.length ? SyncStatus.IN_SYNC : SyncStatus.NOT_SYNCED,
      linkedSystems: new Set(refs.map((r) => r.connectorId)).size,
      openConflicts: conflicts.length,
      lastSyncedAt: synced.length ? new Date(Math.max(...synced)) : null,
    };
  }
}
