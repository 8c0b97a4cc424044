import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { IdColumn, IntColumn, Money, StringColumn, toMoney, UuidColumn } from '@tradegraph/kit';
import { Order } from './order';

@ObjectType({ description: 'One product on an order, priced when the order was placed.' })
@Entity({ tableName: 'order_line' })
@Unique({ properties: ['orderId', 'lineNo'] })
export class OrderLine {
  [OptionalProps]?: 'unitPrice' | 'lineTotal';

  @IdColumn()
  id: string = randomUUID();

  @ManyToOne(() => Order, { mapToPk: true, fieldName: 'order_id', deleteRule: 'cascade' })
  orderId!: string;

  @IntColumn()
  lineNo!: number;

  @UuidColumn()
  @Index()
  productId!: string;

  @StringColumn(64, { description: 'The sku when the order was placed.' })
  sku!: string;

  @StringColumn(200, { description: 'The product name when the order was placed.' })
  name!: string;

  @IntColumn()
  quantity!: number;

  @Property({ type: new BigIntType('number') })
  unitPriceMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => Money, { description: 'From the customer\'s price list, or the base price; never from the client.' })
  get unitPrice(): Money {
    return toMoney(this.unitPriceMinor, this.currency);
  }

  @Field(() => Money)
  get lineTotal(): Money {
    return toMoney(this.unitPriceMinor * this.quantity, this.currency);
  }
}
