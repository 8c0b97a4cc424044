import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Unique } from '@mikro-orm/core';
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
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt';

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

  @DateColumn({ description: 'When an ACTIVE reservation is released as EXPIRED unless committed first.' })
  expiresAt!: Date;

  @DateColumn()
  createdAt: Date = new Date();

  @DateColumn()
  updatedAt: Date = new Date();
}

@ObjectType({ description: 'The part of a reservation drawn from one warehouse for one product.' })
@Entity({ tableName: 'reservation_allocation' })
@Unique({ properties: ['reservationId', 'productId', 'warehouseId'] })
@Check({ name: 'reservation_allocation_quantity_check', expression: 'quantity > 0' })
export class ReservationAllocation {
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
}
