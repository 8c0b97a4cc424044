import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, EventVersionColumn, graphqlEnum, IdColumn, IntColumn, UuidColumn, type EnumValue } from '@tradegraph/kit';
import { Warehouse } from './warehouse';

/** Where a reservation is in its life; the allowed moves are in `reservationStatus`. */
export const ReservationStatus = graphqlEnum('ReservationStatus', ['ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED'], {
  description: 'ACTIVE → COMMITTED (shipped), RELEASED (given back) or EXPIRED (not committed in time).',
});
export type ReservationStatus = EnumValue<typeof ReservationStatus>;

@ObjectType({ description: 'Stock held for one order until it is committed (shipped), released or expires.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'reservation' })
@Index({ properties: ['status', 'expiresAt'] })
export class Reservation {
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt' | 'confirmedAt';

  @IdColumn()
  id: string = randomUUID();

  /** The order's id in the orders subgraph; one reservation per order, which makes reserveStock idempotent. */
  @UuidColumn()
  @Unique()
  orderId!: string;

  @EnumColumn(() => ReservationStatus)
  status: ReservationStatus = ReservationStatus.ACTIVE;

  @EventVersionColumn()
  version: number = 1;

  @DateColumn({ description: 'When an ACTIVE reservation is released as EXPIRED unless committed first or confirmed (see confirmedAt).' })
  expiresAt!: Date;

  /**
   * Set by the expiry sweep when, past expiresAt, the orders subgraph still has the order open:
   * the TTL only guards against a placement that died before writing its order, so a
   * confirmed reservation no longer expires (it is committed or released with its order).
   */
  @DateColumn({ nullable: true, description: 'When the expiry sweep found the order written and open; a confirmed reservation no longer expires.' })
  confirmedAt: Date | null = null;

  @DateColumn()
  createdAt: Date = new Date();

  @DateColumn()
  updatedAt: Date = new Date();
}

@ObjectType({ description: 'The part of a reservation drawn from one warehouse for one product.' })
@Entity({ tableName: 'reservation_allocation' })
@Unique({ properties: ['reservationId', 'productId', 'warehouseId'] })
@Check({ name: 'reservation_allocation_quantity_check', expression: 'quantity > 0' })
@Check({ name: 'reservation_allocation_shipped_check', expression: 'shipped >= 0 and shipped <= quantity' })
export class ReservationAllocation {
  [OptionalProps]?: 'shipped';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Reservation, { mapToPk: true, fieldName: 'reservation_id', deleteRule: 'cascade' })
  reservationId!: string;

  @UuidColumn()
  productId!: string;

  @ManyToOne(() => Warehouse, { mapToPk: true, fieldName: 'warehouse_id', deleteRule: 'restrict' })
  warehouseId!: string;

  @IntColumn()
  quantity!: number;

  @IntColumn({ description: 'How many of the units have shipped so far (partial commits); quantity − shipped is still reserved while the reservation is ACTIVE.' })
  shipped: number = 0;
}

/**
 * One part of a reservation committed for one shipment of the order: what makes a partial
 * commit idempotent per shipment id (a retried call finds its part and ships nothing again).
 */
@Entity({ tableName: 'reservation_shipment' })
export class ReservationShipment {
  [OptionalProps]?: 'createdAt';

  /** The shipment's id in the orders subgraph. */
  @PrimaryKey({ type: 'uuid' })
  shipmentId!: string;

  @ManyToOne(() => Reservation, { mapToPk: true, fieldName: 'reservation_id', deleteRule: 'cascade' })
  @Index()
  reservationId!: string;

  @Property({ type: 'uuid' })
  warehouseId!: string;

  /** The lines as committed (product order), to tell a retry from a different shipment under the same id. */
  @Property({ type: 'json' })
  lines!: { productId: string; quantity: number }[];

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
