import { IsBoolean, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

/** Warehouse codes: what bulk sync refers to, so kept short and plain. */
export const WAREHOUSE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const WAREHOUSE_CODE_MESSAGE = 'code may hold letters, digits and . _ - and must start with a letter or digit';

@InputType({ description: 'A new warehouse; active unless said otherwise.' })
export class CreateWarehouseInput {
  @Field()
  @Length(1, 32)
  @Matches(WAREHOUSE_CODE, { message: WAREHOUSE_CODE_MESSAGE })
  code!: string;

  @Field()
  @Length(1, 120)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
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
  @Length(1, 32)
  @Matches(WAREHOUSE_CODE, { message: WAREHOUSE_CODE_MESSAGE })
  code?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(1000)
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
