import { Check, Entity, Index, ManyToOne, OptionalProps, PrimaryKey } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, IntColumn, StringColumn, UuidColumn, type EnumValue, graphqlEnum } from '@tradegraph/kit';
import { Warehouse } from './warehouse';

export const MovementType = graphqlEnum('StockMovementType', [
  /** goods arrived (onHand +) */
  'RECEIPT',
  /** a committed reservation left the warehouse (onHand −, reserved −) */
  'SHIPMENT',
  /** a correction after counting or damage (onHand ±) */
  'ADJUSTMENT',
  /** units promised to an order (reserved +) */
  'RESERVATION',
  /** a promise withdrawn: released or expired reservation (reserved −) */
  'RELEASE',
  /** the source side of a transfer (onHand −) */
  'TRANSFER_OUT',
  /** the target side of a transfer (onHand +) */
  'TRANSFER_IN',
  /** goods a customer sent back after a refund (onHand +) */
  'RETURN',
], { description: 'Why a stock level changed.' });
export type MovementType = EnumValue<typeof MovementType>;

/**
 * One entry of the append-only stock ledger. For every level, `onHand` is the sum of its
 * movements' `onHandDelta` and `reserved` the sum of their `reservedDelta`.
 */
@ObjectType({ description: 'One entry of the append-only stock ledger.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'stock_movement' })
@Index({ properties: ['productId', 'id'] })
@Index({ properties: ['productId', 'warehouseId', 'id'] })
@Index({ properties: ['reference', 'type'] })
@Check({ name: 'stock_movement_quantity_check', expression: 'quantity > 0' })
export class StockMovement {
  [OptionalProps]?: 'id' | 'occurredAt' | 'reason' | 'reference' | 'actor';

  /** Increases with every movement, so the ledger reads in the order it happened even within one millisecond. */
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @UuidColumn()
  productId!: string;

  @ManyToOne(() => Warehouse, { mapToPk: true, fieldName: 'warehouse_id', deleteRule: 'restrict' })
  warehouseId!: string;

  @EnumColumn(() => MovementType)
  type!: MovementType;

  @IntColumn({ description: 'How many units moved; always positive, the deltas carry the direction.' })
  quantity!: number;

  @IntColumn({ description: 'What this movement did to onHand.' })
  onHandDelta!: number;

  @IntColumn({ description: 'What this movement did to reserved.' })
  reservedDelta!: number;

  @StringColumn(500, { nullable: true })
  reason: string | null = null;

  @StringColumn(200, { nullable: true, description: 'What the movement belongs to, e.g. the order id of a reservation.' })
  reference: string | null = null;

  @StringColumn(200, { nullable: true, description: 'The subject of the caller who caused the movement.' })
  actor: string | null = null;

  @DateColumn()
  occurredAt: Date = new Date();
}
