import { ArrayMaxSize, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField, IsCurrencyCode, MoneyInput, OptionalField, OptionalIdField, OptionalTextField, PositiveMoneyField } from '@tradegraph/kit';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType()
export class CreateCategoryInput {
  @Field()
  @Length(1, 120)
  name!: string;

  @Field()
  @Length(1, 120)
  @Matches(SLUG, { message: 'slug must be lower-case words joined by dashes, e.g. "power-tools"' })
  slug!: string;

  @OptionalIdField()
  parentId?: string | null;
}

@InputType()
export class UpdateCategoryInput {
  @OptionalTextField(120, { minLength: 1 })
  name?: string | null;

  @OptionalField(() => String)
  @Length(1, 120)
  @Matches(SLUG, { message: 'slug must be lower-case words joined by dashes, e.g. "power-tools"' })
  slug?: string | null;

  @OptionalIdField({ description: 'The new parent; null makes it a root category.' })
  parentId?: string | null;
}

@InputType()
export class CreatePriceListInput {
  @Field()
  @Length(1, 120)
  name!: string;

  @Field()
  @IsCurrencyCode()
  currency!: string;
}

@InputType()
export class PriceListPriceInput {
  @IdField()
  productId!: string;

  @PositiveMoneyField()
  price!: MoneyInput;
}

export const MAX_PRICES_PER_CALL = 1000;

@InputType()
export class SetPricesInput {
  @IdField()
  priceListId!: string;

  @Field(() => [PriceListPriceInput])
  @ArrayMaxSize(MAX_PRICES_PER_CALL)
  @ValidateNested({ each: true })
  prices!: PriceListPriceInput[];
}
