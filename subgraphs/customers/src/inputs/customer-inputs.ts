import { ArrayMaxSize, IsEmail, IsISO31661Alpha2, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { CodeField, type EnumValue, graphqlEnum, MoneyInput, OptionalField, OptionalInputListField, OptionalTextField } from '@tradegraph/kit';
import { AddressKind, CustomerSegment, CustomerStatus } from '../entities';

const PHONE = /^\+?[0-9 ()\-.]{5,40}$/;

@InputType()
export class AddressInput {
  @Field(() => AddressKind)
  kind!: AddressKind;

  @Field()
  @Length(1, 200)
  line1!: string;

  @OptionalTextField(200)
  line2?: string | null;

  @Field()
  @Length(1, 100)
  city!: string;

  @Field()
  @Length(1, 20)
  postalCode!: string;

  @OptionalTextField(100)
  region?: string | null;

  @Field()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as "DE"' })
  country!: string;
}

@InputType()
export class GeoPointInput {
  @Field(() => Float)
  @Min(-90)
  @Max(90)
  lat!: number;

  @Field(() => Float)
  @Min(-180)
  @Max(180)
  lng!: number;
}

/** Fields shared by create, update and upsert; not used on its own. */
@InputType('CustomerFieldsInput')
class CustomerFields {
  @OptionalField(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @OptionalField(() => String)
  @Matches(PHONE, { message: 'phone must be digits, spaces and + ( ) - . only' })
  phone?: string | null;

  @OptionalInputListField(() => AddressInput, 20)
  addresses?: AddressInput[] | null;

  @OptionalField(() => CustomerSegment)
  segment?: CustomerSegment | null;

  @OptionalField(() => GeoPointInput)
  @ValidateNested()
  location?: GeoPointInput | null;
}

@InputType({ description: 'A new customer; it starts ACTIVE.' })
export class CreateCustomerInput extends CustomerFields {
  @CodeField(40, { slash: true })
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => MoneyInput, { description: 'At least 0 (0: no credit).' })
  @ValidateNested()
  creditLimit!: MoneyInput;
}

@InputType({ description: 'Changes to a customer; fields left out stay as they are. Status changes have their own mutations.' })
export class UpdateCustomerInput extends CustomerFields {
  @OptionalTextField(200, { minLength: 1 })
  name?: string | null;

  @OptionalField(() => MoneyInput, { description: 'At least 0 (0: no credit).' })
  @ValidateNested()
  creditLimit?: MoneyInput | null;
}

@InputType({ description: 'One customer of a bulk upsert, matched by code.' })
export class UpsertCustomerInput extends CreateCustomerInput {
  @OptionalField(() => CustomerStatus, { description: 'Wanted status; moved through the allowed transitions, never around them.' })
  status?: CustomerStatus | null;
}

export const CustomerSort = graphqlEnum('CustomerSort', ['NAME_ASC', 'NAME_DESC', 'CODE_ASC', 'NEWEST', 'OLDEST']);
export type CustomerSort = EnumValue<typeof CustomerSort>;

@InputType({ description: 'Narrows a customer list; all given conditions must hold.' })
export class CustomerFilter {
  @OptionalField(() => [CustomerStatus])
  status?: CustomerStatus[] | null;

  @OptionalField(() => [CustomerSegment])
  segment?: CustomerSegment[] | null;

  @OptionalField(() => String, { description: 'Matches name or code; also email for callers with the customers:pii scope.' })
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;

  @OptionalField(() => [String], { description: 'Only these ids (at most 1,000).' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids?: string[] | null;
}
