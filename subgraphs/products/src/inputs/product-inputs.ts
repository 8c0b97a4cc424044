import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsPositiveMoney, MoneyInput } from '@tradegraph/kit';
import { ProductStatus } from '../entities';

const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
const SKU_MESSAGE = 'sku may hold letters, digits and . _ - / and must start with a letter or digit';

@InputType()
export class ProductAttributeInput {
  @Field()
  @Length(1, 100)
  name!: string;

  @Field()
  @MaxLength(500)
  value!: string;
}

@InputType({ description: 'A new product; it starts as DRAFT.' })
export class CreateProductInput {
  @Field()
  @Length(1, 64)
  @Matches(SKU, { message: SKU_MESSAGE })
  sku!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => MoneyInput, { description: 'Above zero.' })
  @ValidateNested()
  @IsPositiveMoney()
  basePrice!: MoneyInput;

  @Field(() => [ProductAttributeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  attributes?: ProductAttributeInput[] | null;
}

@InputType({ description: 'Changes to a product; fields left out stay as they are. Status changes have their own mutations.' })
export class UpdateProductInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  @Matches(SKU, { message: SKU_MESSAGE })
  sku?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Above zero.' })
  @IsOptional()
  @ValidateNested()
  @IsPositiveMoney()
  basePrice?: MoneyInput | null;

  @Field(() => [ProductAttributeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  attributes?: ProductAttributeInput[] | null;
}

@InputType({ description: 'One product of a bulk upsert, matched by sku: created when new, updated when different, left alone when equal.' })
export class UpsertProductInput {
  @Field()
  @Length(1, 64)
  @Matches(SKU, { message: SKU_MESSAGE })
  sku!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The category\'s slug; unknown slugs fail that item.' })
  @IsOptional()
  @MaxLength(120)
  categorySlug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => MoneyInput, { description: 'Above zero.' })
  @ValidateNested()
  @IsPositiveMoney()
  basePrice!: MoneyInput;

  @Field(() => [ProductAttributeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => ProductStatus, { nullable: true, description: 'Wanted status; moved through the allowed transitions, never around them.' })
  @IsOptional()
  status?: ProductStatus | null;
}

export enum ProductSort {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
}
registerEnumType(ProductSort, { name: 'ProductSort' });

@InputType({ description: 'Narrows a product list; all given conditions must hold.' })
export class ProductFilter {
  @Field(() => [ProductStatus], { nullable: true, description: 'Only staff see statuses other than PUBLISHED.' })
  @IsOptional()
  status?: ProductStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these products (at most 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Products in this category or any category below it.' })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches name, sku or description (case-insensitive substring).' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Base price at least this (same currency only).' })
  @IsOptional()
  @ValidateNested()
  minPrice?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Base price at most this (same currency only).' })
  @IsOptional()
  @ValidateNested()
  maxPrice?: MoneyInput | null;
}
