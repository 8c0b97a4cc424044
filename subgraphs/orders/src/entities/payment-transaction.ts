import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, Money, StringColumn, toMoney, UuidColumn, type EnumValue, graphqlEnum } from '@tradegraph/kit';
import { Order } from './order';

export const TransactionKind = graphqlEnum('TransactionKind', ['FORWARD', 'REVERSE'], { description: 'FORWARD takes money (a charge); REVERSE gives it back (a refund or reversal).' });
export type TransactionKind = EnumValue<typeof TransactionKind>;

@ObjectType({ description: 'One entry of an order\'s append-only payment trail.' })
@Entity({ tableName: 'payment_transaction' })
@Index({ properties: ['orderId', 'sequence'] })
export class PaymentTransaction {
  [OptionalProps]?: 'sequence' | 'id' | 'createdAt' | 'reference' | 'reason' | 'actor' | 'amount';

  /** Orders the trail even within one millisecond. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  sequence!: string;

  @UuidColumn()
  @Unique()
  id: string = randomUUID();

  @ManyToOne(() => Order, { mapToPk: true, fieldName: 'order_id', deleteRule: 'cascade' })
  orderId!: string;

  @EnumColumn(() => TransactionKind)
  kind!: TransactionKind;

  @Property({ type: new BigIntType('number') })
  amountMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @StringColumn(200, { nullable: true, description: 'The payment provider\'s reference.' })
  reference: string | null = null;

  @StringColumn(500, { nullable: true })
  reason: string | null = null;

  @StringColumn(200, { nullable: true })
  actor: string | null = null;

  @DateColumn()
  createdAt: Date = new Date();

  @Field(() => Money)
  get amount(): Money {
    return toMoney(this.amountMinor, this.currency);
  }
}
