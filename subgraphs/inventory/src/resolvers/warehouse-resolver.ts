import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ForwardPageArgs, type ConnectionPage, type SubgraphContext, auditSource } from '@tradegraph/kit';
import { StockLevel, Warehouse } from '../entities';
import { CreateWarehouseInput, UpdateWarehouseInput } from '../inputs/warehouse-inputs';
import { warehouseById } from '../loaders';
import { StockQueries } from '../services/stock-queries';
import { WarehouseService } from '../services/warehouses';
import { StockLevelConnection } from './types';

const service = (ctx: SubgraphContext) => new WarehouseService(ctx.em, auditSource(ctx));

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @Query(() => [Warehouse], { description: 'Every warehouse, preferred (lowest priority) first.' })
  warehouses(@Ctx() ctx: SubgraphContext): Promise<Warehouse[]> {
    return service(ctx).list();
  }

  @Query(() => Warehouse, { nullable: true })
  warehouse(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Warehouse | null> {
    return ctx.loaders.get(warehouseById).load(id);
  }

  @FieldResolver(() => StockLevelConnection, { description: 'The warehouse\'s levels by product id.' })
  stockLevels(
    @Root() warehouse: Warehouse,
    @Ctx() ctx: SubgraphContext,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<StockLevel>> {
    return new StockQueries(ctx.em).warehouseLevels(warehouse.id, page);
  }

  @Mutation(() => Warehouse)
  createWarehouse(@Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput, @Ctx() ctx: SubgraphContext): Promise<Warehouse> {
    return service(ctx).create(input);
  }

  @Mutation(() => Warehouse, { description: 'Deactivating a warehouse keeps its stock but stops allocation from it and stock changes in it.' })
  updateWarehouse(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWarehouseInput) input: UpdateWarehouseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Warehouse> {
    return service(ctx).update(id, input);
  }
}
