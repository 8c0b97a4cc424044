import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '@tradegraph/kit';

/** Where an order is in its life; the allowed moves are in `orderStatus`. */
export enum OrderStatus {
  PENDING = 'PENDING',
  PROCESSING = 'PROCESSING',
  COMPLETED = 'COMPLETED',
  REFUNDED = 'REFUNDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'PENDING → PROCESSING → COMPLETED → REFUNDED; PENDING or PROCESSING → CANCELLED.',
});

/** A customer's order: lines priced by the products subgraph, stock reserved in inventory. */
@ObjectType({ description: 'A customer\'s order: lines priced by the catalog, stock reserved in inventory.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'order' })
@Index({ properties: ['customerId', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
export class Order {
  [OptionalProps]?: 'status' | 'notes' | 'placedById' | 'visitId' | 'createdAt' | 'updatedAt' | 'version' | 'subtotal' | 'tax' | 'total';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Human order number, e.g. SO-000123; sequential and unique.' })
  @Property({ type: 'string', length: 20 })
  @Unique()
  number!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'The field agent who placed the order, if one did.' })
  @Property({ type: 'uuid', nullable: true })
  @Index()
  placedById: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The visit during which the order was taken, if any.' })
  @Property({ type: 'uuid', nullable: true })
  visitId: string | null = null;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus })
  @Index()
  status: OrderStatus = OrderStatus.PENDING;

  @Field()
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: new BigIntType('number') })
  subtotalMinor!: number;

  @Property({ type: new BigIntType('number') })
  taxMinor!: number;

  @Property({ type: new BigIntType('number') })
  totalMinor!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  /** Increases with every change; carried by events so consumers can order them. */
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

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

/** One product on an order, priced when the order was placed. */
@ObjectType({ description: 'One product on an order, priced when the order was placed.' })
@Entity({ tableName: 'order_line' })
@Unique({ properties: ['orderId', 'lineNo'] })
export class OrderLine {
  [OptionalProps]?: 'unitPrice' | 'lineTotal';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { mapToPk: true, fieldName: 'order_id', deleteRule: 'cascade' })
  orderId!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  lineNo!: number;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  @Index()
  productId!: string;

  @Field({ description: 'The sku when the order was placed.' })
  @Property({ type: 'string', length: 64 })
  sku!: string;

  @Field({ description: 'The product name when the order was placed.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
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

/** One recorded move of an order's status. */
@ObjectType({ description: 'One recorded move of an order\'s status.' })
@Entity({ tableName: 'order_status_change' })
@Index({ properties: ['orderId', 'id'] })
export class OrderStatusChange {
  [OptionalProps]?: 'id' | 'changedAt' | 'from' | 'actor' | 'reason';

  /** Increases with every move, so history reads in order even within one millisecond. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Order, { mapToPk: true, fieldName: 'order_id', deleteRule: 'cascade' })
  orderId!: string;

  @Field(() => OrderStatus, { nullable: true, description: 'Null when the order was placed.' })
  @Enum({ items: () => OrderStatus, nullable: true })
  from: OrderStatus | null = null;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus })
  to!: OrderStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  actor: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  changedAt: Date = new Date();
}

/** FORWARD takes money (a charge), REVERSE gives it back (a refund or a reversal). */
export enum TransactionKind {
  FORWARD = 'FORWARD',
  REVERSE = 'REVERSE',
}
registerEnumType(TransactionKind, { name: 'TransactionKind', description: 'FORWARD takes money (a charge); REVERSE gives it back (a refund or reversal).' });

/** One entry of an order's append-only payment trail. */
@ObjectType({ description: 'One entry of an order\'s append-only payment trail.' })
@Entity({ tableName: 'payment_transaction' })
@Index({ properties: ['orderId', 'sequence'] })
export class PaymentTransaction {
  [OptionalProps]?: 'sequence' | 'id' | 'createdAt' | 'reference' | 'reason' | 'actor' | 'amount';

  /** Orders the trail even within one millisecond. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  sequence!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  @Unique()
  id: string = randomUUID();

  @ManyToOne(() => Order, { mapToPk: true, fieldName: 'order_id', deleteRule: 'cascade' })
  orderId!: string;

  @Field(() => TransactionKind)
  @Enum({ items: () => TransactionKind })
  kind!: TransactionKind;

  @Property({ type: new BigIntType('number') })
  amountMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => String, { nullable: true, description: 'The payment provider\'s reference.' })
  @Property({ type: 'string', length: 200, nullable: true })
  reference: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  actor: string | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => Money)
  get amount(): Money {
    return toMoney(this.amountMinor, this.currency);
  }
}

/** Where a placeOrder with an idempotency key got to; the key is claimed before any work. */
export enum PlacementState {
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

/** The claim on an idempotency key: the same key always answers with the same order. */
@Entity({ tableName: 'order_placement' })
export class OrderPlacement {
  [OptionalProps]?: 'state' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 200 })
  idempotencyKey!: string;

  /** The id the order gets (and its reservation is keyed by), chosen before any work. */
  @Property({ type: 'uuid' })
  orderId!: string;

  /** A fingerprint of the request, so a key reused for a different order is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Enum({ items: () => PlacementState })
  state: PlacementState = PlacementState.IN_PROGRESS;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
