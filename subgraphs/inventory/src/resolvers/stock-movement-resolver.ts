import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ForwardPageArgs, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { StockMovement, Warehouse } from '../entities';
import { warehouseById } from '../loaders';
import { StockQueries } from '../services/stock-queries';
import { StockMovementConnection } from './types';

@Resolver(() => StockMovement)
export class StockMovementResolver {
  @FieldResolver(() => Warehouse)
  async warehouse(@Root() movement: StockMovement, @Ctx() ctx: SubgraphContext): Promise<Warehouse> {
    return (await ctx.loaders.get(warehouseById).load(movement.warehouseId))!;
  }

  @Query(() => StockMovementConnection, { description: 'A product\'s stock ledger, newest first, optionally in one warehouse.' })
  stockMovements(
    @Ctx() ctx: SubgraphContext,
    @Arg('productId', () => ID) productId: string,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId: string | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<StockMovement>> {
    return new StockQueries(ctx.em).movements(productId, warehouseId, page);
  }
}
