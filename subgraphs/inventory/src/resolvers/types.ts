import { Connection, PUBLIC, UpsertResult } from '@tradegraph/kit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { StockLevel, StockMovement } from '../entities';

export const StockLevelConnection = Connection('StockLevel', StockLevel);
export const StockMovementConnection = Connection('StockMovement', StockMovement);
/** `UpsertStockLevelsResult`: counts per outcome and each item's result; an item's key is `productId@warehouseCode`. */
export const UpsertStockLevelsResult = UpsertResult('StockLevel', StockLevel, { key: 'key', node: 'stockLevel' });

@ObjectType({ description: 'A product\'s stock summed over its active warehouses; zeros when it has none.' })
export class ProductStock {
  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int, { description: 'The sum of each active warehouse\'s available (safety stock excluded).' })
  @Directive(PUBLIC)
  available!: number;

  @Field({ description: 'available > 0' })
  @Directive(PUBLIC)
  inStock!: boolean;

  @Field(() => [StockLevel], { description: 'The levels behind the sums, preferred warehouse first.' })
  byWarehouse!: StockLevel[];
}
