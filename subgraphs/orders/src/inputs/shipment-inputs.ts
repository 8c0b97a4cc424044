import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField, OptionalTextField } from '@tradegraph/kit';
import { MAX_ORDER_LINES, OrderLineInput } from './order-inputs';

@InputType({ description: 'What one shipment carries and how it travels. Each line is a product of the order and at most what of it has not shipped yet.' })
export class CreateShipmentInput {
  @Field(() => [OrderLineInput])
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines!: OrderLineInput[];

  @IdField({ description: 'The inventory warehouse the goods leave from; it must hold the order\'s reservation of every line\'s product.' })
  warehouseId!: string;

  @OptionalTextField(100, { minLength: 1 })
  carrier?: string | null;

  @OptionalTextField(100, { minLength: 1 })
  trackingNumber?: string | null;
}
