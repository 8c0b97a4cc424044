import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, IdColumn, Money, statusHistoryEntity, StringColumn, toMoney, UpdatedAtColumn, type EnumValue, graphqlEnum } from '@tradegraph/kit';

/** How a customer buys from us; drives price lists and service levels. */
export const CustomerSegment = graphqlEnum('CustomerSegment', ['RETAIL', 'WHOLESALE', 'DISTRIBUTOR', 'KEY_ACCOUNT']);
export type CustomerSegment = EnumValue<typeof CustomerSegment>;

/** Whether we trade with a customer; the allowed moves are in `customerStatus`. */
export const CustomerStatus = graphqlEnum('CustomerStatus', ['ACTIVE', 'SUSPENDED', 'ARCHIVED'], { description: 'ACTIVE ⇄ SUSPENDED; either → ARCHIVED, which is final.' });
export type CustomerStatus = EnumValue<typeof CustomerStatus>;

export const AddressKind = graphqlEnum('AddressKind', ['BILLING', 'SHIPPING']);
export type AddressKind = EnumValue<typeof AddressKind>;

@ObjectType({ description: 'A postal address of a customer.' })
export class Address {
  @Field(() => AddressKind)
  kind!: AddressKind;

  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city!: string;

  @Field()
  postalCode!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;
}

@ObjectType({ description: 'A point on the map (WGS 84 degrees).' })
export class GeoPoint {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;
}

@ObjectType({ description: 'A business we sell to.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'customer' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
export class Customer {
  [OptionalProps]?: 'email' | 'phone' | 'addresses' | 'segment' | 'status' | 'latitude' | 'longitude' | 'createdAt' | 'updatedAt' | 'creditLimit' | 'location' | 'version';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(40, { description: 'Our customer number, unique; the key bulk upserts match on.' })
  @Unique()
  code!: string;

  @StringColumn(200)
  name!: string;

  /** Personal data: exposed masked unless the caller has the customers:pii scope. */
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  /** Personal data: exposed masked unless the caller has the customers:pii scope. */
  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  @Field(() => [Address])
  @Property({ type: 'json' })
  addresses: Address[] = [];

  @EnumColumn(() => CustomerSegment)
  @Index()
  segment: CustomerSegment = CustomerSegment.RETAIL;

  @Property({ type: new BigIntType('number') })
  creditLimitMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @EnumColumn(() => CustomerStatus)
  @Index()
  status: CustomerStatus = CustomerStatus.ACTIVE;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();

  /** Counts the customer's writes (1 when created): the version its `customer.*` events carry. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Money, { description: 'How much this customer may owe us at once.' })
  get creditLimit(): Money {
    return toMoney(this.creditLimitMinor, this.currency);
  }

  @Field(() => GeoPoint, { nullable: true, description: 'Where the customer is, for visit planning and check-in.' })
  get location(): GeoPoint | null {
    return this.latitude === null || this.longitude === null ? null : { lat: this.latitude, lng: this.longitude };
  }
}

export const CustomerStatusChange = statusHistoryEntity(Customer, 'customerId', CustomerStatus, {
  description: 'One recorded move of a customer\'s status.',
  fromDescription: 'Null when the customer was created.',
});
export type CustomerStatusChange = InstanceType<typeof CustomerStatusChange>;
