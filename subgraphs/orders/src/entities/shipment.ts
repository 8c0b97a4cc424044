import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, EventVersionColumn, graphqlEnum, IdColumn, IntColumn, StringColumn, UuidColumn, type EnumValue } from '@tradegraph/kit';
import { Order } from './order';

/** Where a shipment is; the allowed moves are in `shipmentStatus`. */
export const ShipmentStatus = graphqlEnum('ShipmentStatus', ['SHIPPED', 'DELIVERED'], { description: 'SHIPPED → DELIVERED.' });
export type ShipmentStatus = EnumValue<typeof ShipmentStatus>;

/**
 * One consignment of an order's goods from one warehouse. Creating it commits its part of the
 * order's reservation in inventory; the order is COMPLETED once its shipments cover every line.
 */
@ObjectType({ description: 'One consignment of an order\'s goods from one warehouse: its lines, carrier and tracking.' })
@Entity({ tableName: 'shipment' })
@Index({ properties: ['orderId', 'shippedAt'] })
export class Shipment {
  [OptionalProps]?: 'status' | 'carrier' | 'trackingNumber' | 'deliveredAt' | 'shippedAt' | 'version' | 'requestHash' | 'actor';

  /** Derived from the order and the idempotency key (kit's `stableId`), so a retried call finds its shipment. */
  @IdColumn()
  id: string = randomUUID();

  @Field(() => ID)
  @ManyToOne(() => Order, { mapToPk: true, fieldName: 'order_id', deleteRule: 'cascade' })
  orderId!: string;

  @UuidColumn({ description: 'The inventory warehouse the goods left from.' })
  warehouseId!: string;

  @StringColumn(100, { nullable: true })
  carrier: string | null = null;

  @StringColumn(100, { nullable: true })
  trackingNumber: string | null = null;

  @EnumColumn(() => ShipmentStatus)
  status: ShipmentStatus = ShipmentStatus.SHIPPED;

  @DateColumn()
  shippedAt: Date = new Date();

  @DateColumn({ nullable: true })
  deliveredAt: Date | null = null;

  @EventVersionColumn()
  version: number = 1;

  /** What the creating call asked for (sha-256), to tell a retry from another shipment under the same key. */
  @Property({ type: 'string', length: 64, nullable: true })
  requestHash: string | null = null;

  /** The subject of the caller who created it. */
  @Property({ type: 'string', length: 200, nullable: true })
  actor: string | null = null;
}

@ObjectType({ description: 'How many units of one product of the order a shipment carries.' })
@Entity({ tableName: 'shipment_line' })
@Index({ properties: ['orderId', 'productId'] })
@Check({ name: 'shipment_line_quantity_check', expression: 'quantity > 0' })
export class ShipmentLine {
  @IdColumn()
  id: string = randomUUID();

  @ManyToOne(() => Shipment, { mapToPk: true, fieldName: 'shipment_id', deleteRule: 'cascade' })
  @Index()
  shipmentId!: string;

  /** The shipment's order again, so what has shipped per line is one indexed sum. */
  @Property({ type: 'uuid' })
  orderId!: string;

  @UuidColumn()
  productId!: string;

  @IntColumn()
  quantity!: number;
}
