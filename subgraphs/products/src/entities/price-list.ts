import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DateColumn, IdColumn, Money, StringColumn, toMoney, UpdatedAtColumn } from '@tradegraph/kit';
import { Product } from './product';

@ObjectType({ description: 'A set of customer-specific prices, in one currency.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'price_list' })
export class PriceList {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(120)
  @Unique()
  name!: string;

  @StringColumn(3)
  currency!: string;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();
}

@ObjectType({ description: 'One product\'s price on one price list.' })
@Entity({ tableName: 'price_list_item' })
@Unique({ properties: ['priceListId', 'productId'] })
@Index({ properties: ['productId'] })
export class PriceListItem {
  [OptionalProps]?: 'price';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => PriceList, { mapToPk: true, fieldName: 'price_list_id', deleteRule: 'cascade' })
  priceListId!: string;

  @ManyToOne(() => Product, { mapToPk: true, fieldName: 'product_id', deleteRule: 'cascade' })
  productId!: string;

  @Property({ type: new BigIntType('number') })
  amountMinor!: number;

  /** Copied from the list so a price can be shown without loading the list. */
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => Money)
  get price(): Money {
    return toMoney(this.amountMinor, this.currency);
  }
}

/** Which price list a customer buys from (a customer has at most one). */
@Entity({ tableName: 'customer_price_list' })
@Index({ properties: ['priceListId'] })
export class CustomerPriceList {
  [OptionalProps]?: 'assignedAt';

  /** The customer's id in the customers subgraph; not a foreign key, that table is not ours. */
  @PrimaryKey({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => PriceList, { mapToPk: true, fieldName: 'price_list_id', deleteRule: 'cascade' })
  priceListId!: string;

  @Property({ type: 'Date' })
  assignedAt: Date = new Date();
}
