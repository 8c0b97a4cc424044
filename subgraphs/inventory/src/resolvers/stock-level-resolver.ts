import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ForwardPageArgs, MAX_BULK_ITEMS, type ConnectionPage, type SubgraphContext, type UpsertSummary, auditSource } from '@tradegraph/kit';
import { Product, StockLevel, Warehouse } from '../entities';
import { AdjustStockInput, ReceiveStockInput, SetStockLevelInput, StockPolicyInput, TransferStockInput } from '../inputs/stock-inputs';
import { warehouseById } from '../loaders';
import { StockQueries } from '../services/stock-queries';
import { StockService } from '../services/stock';
import { StockLevelConnection, UpsertStockLevelsResult } from './types';

const service = (ctx: SubgraphContext) => new StockService(ctx.em, auditSource(ctx));

@Resolver(() => StockLevel)
export class StockLevelResolver {
  @FieldResolver(() => Warehouse)
  async warehouse(@Root() level: StockLevel, @Ctx() ctx: SubgraphContext): Promise<Warehouse> {
    return (await ctx.loaders.get(warehouseById).load(level.warehouseId))!;
  }

  // Nullable so that a product the caller may not see nulls only this field, not the level.
  @FieldResolver(() => Product, { nullable: true, description: 'Null, with FORBIDDEN, for a product the caller may not see (unpublished, for a catalog reader).' })
  product(@Root() level: StockLevel): Product {
    return { id: level.productId };
  }

  @Query(() => StockLevelConnection, { description: 'Levels in active warehouses whose available is at or below their reorder point, least available first.' })
  lowStock(
    @Ctx() ctx: SubgraphContext,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId: string | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<StockLevel>> {
    return new StockQueries(ctx.em).lowStock(warehouseId, page);
  }

  @Mutation(() => StockLevel, { description: 'Goods arrived: onHand += quantity (a RECEIPT movement).' })
  receiveStock(@Arg('input', () => ReceiveStockInput) input: ReceiveStockInput, @Ctx() ctx: SubgraphContext): Promise<StockLevel> {
    return service(ctx).receive(input);
  }

  @Mutation(() => StockLevel, { description: 'Corrects onHand by delta (an ADJUSTMENT); onHand may not fall below reserved.' })
  adjustStock(@Arg('input', () => AdjustStockInput) input: AdjustStockInput, @Ctx() ctx: SubgraphContext): Promise<StockLevel> {
    return service(ctx).adjust(input);
  }

  @Mutation(() => [StockLevel], { description: 'Moves available units between warehouses, atomically. Returns the source level, then the target level.' })
  transferStock(@Arg('input', () => TransferStockInput) input: TransferStockInput, @Ctx() ctx: SubgraphContext): Promise<StockLevel[]> {
    return service(ctx).transfer(input);
  }

  @Mutation(() => StockLevel, { description: 'Sets a level\'s safety stock and reorder point.' })
  setStockPolicy(@Arg('input', () => StockPolicyInput) input: StockPolicyInput, @Ctx() ctx: SubgraphContext): Promise<StockLevel> {
    return service(ctx).setPolicy(input);
  }

  @Mutation(() => UpsertStockLevelsResult, {
    description: `Sets onHand for up to ${MAX_BULK_ITEMS} levels (sync from external systems), writing each difference as an ADJUSTMENT; idempotent.`,
  })
  setStockLevels(@Arg('items', () => [SetStockLevelInput]) items: SetStockLevelInput[], @Ctx() ctx: SubgraphContext): Promise<UpsertSummary<StockLevel>> {
    return service(ctx).setLevels(items);
  }
}
