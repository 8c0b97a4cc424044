import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PUBLIC, type SubgraphContext } from '@tradegraph/kit';
import { Product, StockLevel, type Warehouse } from '../entities';
import { stockLevelsByProduct, warehouseById } from '../loaders';
import { ProductStock } from './types';

/**
 * A product's levels with their warehouses, preferred warehouse first. Both hops are batched:
 * one statement for the levels of every product in the request, one for their warehouses.
 */
async function levelsWithWarehouses(product: Product, ctx: SubgraphContext): Promise<{ level: StockLevel; warehouse: Warehouse }[]> {
  const levels = await ctx.loaders.get(stockLevelsByProduct).load(product.id);
  const warehouses = await Promise.all(levels.map((l) => ctx.loaders.get(warehouseById).load(l.warehouseId)));
  return levels
    .map((level, i) => ({ level, warehouse: warehouses[i]! }))
    .sort((a, b) => a.warehouse.priority - b.warehouse.priority || (a.warehouse.code < b.warehouse.code ? -1 : 1));
}

/** What inventory adds to the products subgraph's Product. */
@Resolver(() => Product)
export class ProductExtensionResolver {
  @FieldResolver(() => ProductStock, { nullable: true, description: 'Stock summed over active warehouses; null, with UNAVAILABLE, while inventory cannot answer.' })
  @Directive(PUBLIC)
  async stock(@Root() product: Product, @Ctx() ctx: SubgraphContext): Promise<ProductStock> {
    const active = (await levelsWithWarehouses(product, ctx)).filter((x) => x.warehouse.active).map((x) => x.level);
    const sum = (f: (l: StockLevel) => number) => active.reduce((total, l) => total + f(l), 0);
    const available = sum((l) => l.available);
    return { onHand: sum((l) => l.onHand), reserved: sum((l) => l.reserved), available, inStock: available > 0, byWarehouse: active };
  }

  @FieldResolver(() => [StockLevel], { nullable: true, description: 'Every level of the product, inactive warehouses included, preferred warehouse first; null, with UNAVAILABLE, while inventory cannot answer.' })
  async stockLevels(@Root() product: Product, @Ctx() ctx: SubgraphContext): Promise<StockLevel[]> {
    return (await levelsWithWarehouses(product, ctx)).map((x) => x.level);
  }
}
