import { IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, NotEquals } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_QUANTITY } from '../services/validation';
import { WAREHOUSE_CODE, WAREHOUSE_CODE_MESSAGE } from './warehouse-inputs';

/** A reason must say something: not empty and not only blanks. */
const NOT_BLANK = /\S/;

@InputType({ description: 'One product of an order and how many units of it. Lines repeating a product are added up.' })
export class ReservationLineInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

@InputType({ description: 'Goods arriving in a warehouse.' })
export class ReceiveStockInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => ID)
  @IsUUID()
  warehouseId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. the delivery note or purchase order number.' })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}

@InputType({ description: 'A correction of what is on hand (after counting, damage, loss).' })
export class AdjustStockInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => ID)
  @IsUUID()
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
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => ID)
  @IsUUID()
  fromWarehouseId!: string;

  @Field(() => ID)
  @IsUUID()
  toWarehouseId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@InputType({ description: 'A level\'s buffer and reorder point.' })
export class StockPolicyInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => ID)
  @IsUUID()
  warehouseId!: string;

  @Field(() => Int, { description: 'Units never handed to reservations.' })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  safetyStock!: number;

  @Field(() => Int, { description: 'available at or below this makes the level low.' })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  reorderPoint!: number;
}

@InputType({ description: 'What an external system says is on hand, for one product in one warehouse (by code).' })
export class SetStockLevelInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field()
  @Length(1, 32)
  @Matches(WAREHOUSE_CODE, { message: WAREHOUSE_CODE_MESSAGE })
  warehouseCode!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  onHand!: number;
}
