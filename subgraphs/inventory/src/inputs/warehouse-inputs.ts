import { IsBoolean, IsInt, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CodeField, OptionalCodeField, OptionalField, OptionalTextField } from '@tradegraph/kit';

@InputType({ description: 'A new warehouse; active unless said otherwise.' })
export class CreateWarehouseInput {
  @CodeField(32)
  code!: string;

  @Field()
  @Length(1, 120)
  name!: string;

  @OptionalTextField(1000)
  address?: string | null;

  @OptionalField(() => Boolean, { description: 'Default true.' })
  @IsBoolean()
  active?: boolean | null;

  @OptionalField(() => Int, { description: 'Lower is preferred when allocating; default 100.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number | null;
}

@InputType({ description: 'Changes to a warehouse; fields left out stay as they are.' })
export class UpdateWarehouseInput {
  @OptionalCodeField(32)
  code?: string | null;

  @OptionalTextField(120, { minLength: 1 })
  name?: string | null;

  @OptionalTextField(1000, { description: 'null clears it.' })
  address?: string | null;

  @OptionalField(() => Boolean)
  @IsBoolean()
  active?: boolean | null;

  @OptionalField(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number | null;
}
