import { IsBoolean, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IsCode, OptionalTextField } from '@tradegraph/kit';

@InputType({ description: 'A new warehouse; active unless said otherwise.' })
export class CreateWarehouseInput {
  @Field()
  @IsCode(32)
  code!: string;

  @Field()
  @Length(1, 120)
  name!: string;

  @OptionalTextField(1000)
  address?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Lower is preferred when allocating; default 100.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number | null;
}

@InputType({ description: 'Changes to a warehouse; fields left out stay as they are.' })
export class UpdateWarehouseInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCode(32)
  code?: string | null;

  @OptionalTextField(120, { minLength: 1 })
  name?: string | null;

  @OptionalTextField(1000, { description: 'null clears it.' })
  address?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number | null;
}
