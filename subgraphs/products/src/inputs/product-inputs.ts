import { ArrayMaxSize, IsOptional, IsUUID, Length, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { CodeField, type EnumValue, graphqlEnum, MoneyInput, OptionalCodeField, OptionalField, OptionalIdField, OptionalInputListField, OptionalPositiveMoneyField, OptionalTextField, PositiveMoneyField, PUBLIC } from '@tradegraph/kit';
import { ProductStatus } from '../entities';

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
  @CodeField(64, { slash: true })
  sku!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @OptionalTextField(10000)
  description?: string | null;

  @OptionalIdField()
  categoryId?: string | null;

  @OptionalTextField(100)
  brand?: string | null;

  @PositiveMoneyField()
  basePrice!: MoneyInput;

  @OptionalInputListField(() => ProductAttributeInput, 100)
  attributes?: ProductAttributeInput[] | null;
}

@InputType({ description: 'Changes to a product; fields left out stay as they are. Status changes have their own mutations.' })
export class UpdateProductInput {
  @OptionalCodeField(64, { slash: true })
  sku?: string | null;

  @OptionalTextField(200, { minLength: 1 })
  name?: string | null;

  @OptionalTextField(10000)
  description?: string | null;

  @OptionalIdField()
  categoryId?: string | null;

  @OptionalTextField(100)
  brand?: string | null;

  @OptionalPositiveMoneyField()
  basePrice?: MoneyInput | null;

  @OptionalInputListField(() => ProductAttributeInput, 100)
  attributes?: ProductAttributeInput[] | null;
}

@InputType({ description: 'One product of a bulk upsert, matched by sku: created when new, updated when different, left alone when equal.' })
export class UpsertProductInput {
  @CodeField(64, { slash: true })
  sku!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @OptionalTextField(10000)
  description?: string | null;

  @OptionalTextField(120, { description: 'The category\'s slug; unknown slugs fail that item.' })
  categorySlug?: string | null;

  @OptionalTextField(100)
  brand?: string | null;

  @PositiveMoneyField()
  basePrice!: MoneyInput;

  @OptionalInputListField(() => ProductAttributeInput, 100)
  attributes?: ProductAttributeInput[] | null;

  @OptionalField(() => ProductStatus, { description: 'Wanted status; moved through the allowed transitions, never around them.' })
  status?: ProductStatus | null;
}

export const ProductSort = graphqlEnum('ProductSort', ['RELEVANCE', 'NAME_ASC', 'NAME_DESC', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'OLDEST'], {
  public: true,
  description:
    'RELEVANCE: skus starting with `filter.text` first (the exact sku before them), then products whose sku, name or brand hold every word, then those that match by description only; within these two in a stable order (by id), not by name — pass NAME_ASC for name order. Without a text it is NAME_ASC.',
});
export type ProductSort = EnumValue<typeof ProductSort>;

@InputType({ description: 'Narrows a product list; all given conditions must hold.' })
export class ProductFilter {
  @OptionalField(() => [ProductStatus], { description: 'Only staff see statuses other than PUBLISHED.' })
  status?: ProductStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these products (at most 100).' })
  @Directive(PUBLIC)
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[] | null;

  @OptionalIdField({ description: 'Products in this category or any category below it.' })
  @Directive(PUBLIC)
  categoryId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in name, sku, brand or description (stemmed, any order; "quoted phrase", `or` and `-word` work as in web search); a text without spaces also matches skus starting with it. A text with no searchable word (only stop words or punctuation) matches no product but by sku.',
  })
  @Directive(PUBLIC)
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;

  @OptionalTextField(100)
  @Directive(PUBLIC)
  brand?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Base price at least this (same currency only).' })
  @Directive(PUBLIC)
  @IsOptional()
  @ValidateNested()
  minPrice?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Base price at most this (same currency only).' })
  @Directive(PUBLIC)
  @IsOptional()
  @ValidateNested()
  maxPrice?: MoneyInput | null;
}
