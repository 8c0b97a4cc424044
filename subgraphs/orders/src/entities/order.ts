import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { CreditOverride } from './credit-override';
import { DateColumn, EnumColumn, EventVersionColumn, graphqlEnum, IdColumn, Money, StringColumn, TextColumn, toMoney, UpdatedAtColumn, UuidColumn, type EnumValue } from '@tradegraph/kit';

/** Where an order is in its life; the allowed moves are in `orderStatus`. */
export const OrderStatus = graphqlEnum('OrderStatus', ['PENDING', 'PROCESSING', 'COMPLETED', 'REFUNDED', 'CANCELLED'], {
  description: 'PENDING → PROCESSING → COMPLETED → REFUNDED; PENDING or PROCESSING → CANCELLED.',
});
export type OrderStatus = EnumValue<typeof OrderStatus>;

@ObjectType({ description: 'A customer\'s order: lines priced by the catalog, stock reserved in inventory.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'order' })
@Index({ properties: ['customerId', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
// credit exposure reads only the orders that still owe something: as history grows, paid orders cost nothing
@Index({ name: 'order_owing_index', expression: 'create index "order_owing_index" on "orders"."order" ("customer_id", "currency") where "balance_due_minor" > 0' })
export class Order {
  [OptionalProps]?: 'status' | 'notes' | 'placedById' | 'visitId' | 'createdAt' | 'updatedAt' | 'version' | 'subtotal' | 'tax' | 'total' | 'creditOverrideBy' | 'creditOverrideReason' | 'creditOverride';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(20, { description: 'Human order number, e.g. SO-000123; sequential and unique.' })
  @Unique()
  number!: string;

  @UuidColumn()
  customerId!: string;

  @UuidColumn({ nullable: true, description: 'The field agent who placed the order, if one did.' })
  @Index()
  placedById: string | null = null;

  @UuidColumn({ nullable: true, description: 'The visit during which the order was taken, if any.' })
  visitId: string | null = null;

  @EnumColumn(() => OrderStatus)
  @Index()
  status: OrderStatus = OrderStatus.PENDING;

  @StringColumn(3)
  currency!: string;

  @Property({ type: new BigIntType('number') })
  subtotalMinor!: number;

  @Property({ type: new BigIntType('number') })
  taxMinor!: number;

  @Property({ type: new BigIntType('number') })
  totalMinor!: number;

  /**
   * Total minus net payments, kept in step by every write of either (placement, payments,
   * closing short), in the same transaction. Internal: the API's balanceDue is computed.
   */
  @Property({ type: new BigIntType('number') })
  balanceDueMinor!: number;

  @TextColumn({ nullable: true })
  notes: string | null = null;

  /** Who placed the order past the customer's credit limit (placeOrder's creditOverride); null: nobody overrode. */
  @Property({ type: 'string', length: 200, nullable: true })
  creditOverrideBy: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  creditOverrideReason: string | null = null;

  @EventVersionColumn()
  version: number = 1;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();

  @Field(() => CreditOverride, { nullable: true, description: 'Set when a MANAGER or ADMIN placed the order with a credit override: who and why.' })
  get creditOverride(): CreditOverride | null {
    return this.creditOverrideReason === null ? null : { by: this.creditOverrideBy, reason: this.creditOverrideReason };
  }

  @Field(() => Money)
  get subtotal(): Money {
    return toMoney(this.subtotalMinor, this.currency);
  }

  @Field(() => Money)
  get tax(): Money {
    return toMoney(this.taxMinor, this.currency);
  }

  @Field(() => Money)
  get total(): Money {
    return toMoney(this.totalMinor, this.currency);
  }
}
