import { IsInt, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CodeField, IdField, OptionalTextField } from '@tradegraph/kit';
import { MAX_QUANTITY } from '../services/quantities';

/** A reason must say something: not empty and not only blanks. */
const NOT_BLANK = /\S/;

/** `Int!`, a number of units: a whole number from `min` to MAX_QUANTITY. */
function UnitsField(min: 0 | 1, options: { description?: string } = {}): PropertyDecorator {
  return (target, property) => {
    Field(() => Int, options)(target, property);
    Max(MAX_QUANTITY)(target, property);
    Min(min)(target, property);
    IsInt()(target, property);
  };
}

@InputType({ description: 'One product of an order and how many units of it. Lines repeating a product are added up.' })
export class ReservationLineInput {
  @IdField()
  productId!: string;

  @UnitsField(1)
  quantity!: number;
}

@InputType({ description: 'Goods arriving in a warehouse.' })
export class ReceiveStockInput {
  @IdField()
  productId!: string;

  @IdField()
  warehouseId!: string;

  @UnitsField(1)
  quantity!: number;

  @OptionalTextField(500)
  reason?: string | null;

  @OptionalTextField(200, { description: 'e.g. the delivery note or purchase order number.' })
  reference?: string | null;
}

@InputType({ description: 'A correction of what is on hand (after counting, damage, loss).' })
export class AdjustStockInput {
  @IdField()
  productId!: string;

  @IdField()
  warehouseId!: string;

  @Field(() => Int, { description: 'Units to add (positive) or remove (negative); not 0. onHand may not fall below reserved.' })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_QUANTITY)
  @Max(MAX_QUANTITY)
  delta!: number;

  @Field({ description: 'Why; required.' })
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

@InputType({ description: 'Moves available units of a product from one warehouse to another, both sides or neither.' })
export class TransferStockInput {
  @IdField()
  productId!: string;

  @IdField()
  fromWarehouseId!: string;

  @IdField()
  toWarehouseId!: string;

  @UnitsField(1)
  quantity!: number;

  @OptionalTextField(500)
  reason?: string | null;
}

@InputType({ description: 'A level\'s buffer and reorder point.' })
export class StockPolicyInput {
  @IdField()
  productId!: string;

  @IdField()
  warehouseId!: string;

  @UnitsField(0, { description: 'Units never handed to reservations.' })
  safetyStock!: number;

  @UnitsField(0, { description: 'available at or below this makes the level low.' })
  reorderPoint!: number;
}

@InputType({ description: 'What an external system says is on hand, for one product in one warehouse (by code).' })
export class SetStockLevelInput {
  @IdField()
  productId!: string;

  @CodeField(32)
  warehouseCode!: string;

  @UnitsField(0)
  onHand!: number;
}
