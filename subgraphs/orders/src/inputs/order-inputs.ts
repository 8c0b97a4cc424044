import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { type EnumValue, graphqlEnum, MoneyInput, OptionalField, OptionalIdField, OptionalPositiveMoneyField, OptionalTextField, PositiveMoneyField } from '@tradegraph/kit';
import { OrderStatus } from '../entities';

export const MAX_ORDER_LINES = 100;

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'productId must be an id (UUID)' })
  productId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;
}

@InputType({ description: 'Places an order past the customer\'s credit limit; MANAGER or ADMIN only, recorded on the order.' })
export class CreditOverrideInput {
  @Field()
  @Length(1, 500)
  reason!: string;
}

@InputType({ description: 'What the customer orders. Prices come from the catalog, never from here.' })
export class PlaceOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'customerId must be an id (UUID)' })
  customerId!: string;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines!: OrderLineInput[];

  @OptionalTextField(2000)
  notes?: string | null;

  @OptionalIdField({ description: 'The field agent placing it; an AGENT caller is recorded as the placer anyway.' })
  placedById?: string | null;

  @OptionalIdField({ description: 'The visit during which the order was taken.' })
  visitId?: string | null;

  @OptionalField(() => CreditOverrideInput, { description: 'Place the order even if it takes the customer past its credit limit (MANAGER or ADMIN; anyone else is FORBIDDEN). Recorded on the order as creditOverride.' })
  @ValidateNested()
  creditOverride?: CreditOverrideInput | null;
}

@InputType()
export class RefundOrderInput {
  @OptionalPositiveMoneyField({ description: 'How much to give back (above zero); everything paid when left out.' })
  amount?: MoneyInput | null;

  @Field()
  @Length(1, 500)
  reason!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Put the goods back on hand (RETURN movements).' })
  restock!: boolean;
}

@InputType()
export class PaymentInput {
  @PositiveMoneyField()
  amount!: MoneyInput;

  @OptionalTextField(200)
  reference?: string | null;

  @OptionalTextField(500)
  reason?: string | null;
}

export const OrderSort = graphqlEnum('OrderSort', ['NEWEST', 'OLDEST']);
export type OrderSort = EnumValue<typeof OrderSort>;

@InputType({ description: 'Narrows an order list; all given conditions must hold.' })
export class OrderFilter {
  @OptionalField(() => [OrderStatus])
  status?: OrderStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these orders (at most 100), e.g. inventory asking which of its reservations have an order.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[] | null;

  @OptionalIdField()
  customerId?: string | null;

  @OptionalIdField()
  placedById?: string | null;

  @OptionalField(() => Date, { description: 'Placed at or after.' })
  from?: Date | null;

  @OptionalField(() => Date, { description: 'Placed before.' })
  to?: Date | null;
}
