import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DateColumn, IdColumn, IntColumn, UuidColumn } from '@tradegraph/kit';
import { Warehouse } from './warehouse';

/**
 * How much of one product one warehouse holds. `onHand` and `reserved` change only through
 * the ledger (services/ledger.ts), which writes a StockMovement for every change, so that
 * `onHand = Σ onHandDelta` and `reserved = Σ reservedDelta` of the level's movements.
 *
 * The CHECK constraints are the last line against overselling: even a bug in a service cannot
 * commit a level whose reservations exceed what is on hand.
 */
@ObjectType({ description: 'How much of one product one warehouse holds.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'stock_level' })
@Unique({ properties: ['productId', 'warehouseId'] })
@Index({ properties: ['warehouseId', 'productId'] })
@Index({ properties: ['belowReorderPoint', 'availableStored', 'id'] })
@Check({ name: 'stock_level_quantities_check', expression: 'reserved >= 0 and on_hand >= reserved and safety_stock >= 0 and reorder_point >= 0' })
export class StockLevel {
  [OptionalProps]?: 'onHand' | 'reserved' | 'safetyStock' | 'reorderPoint' | 'version' | 'updatedAt' | 'available' | 'inStock';

  @IdColumn()
  id: string = randomUUID();

  /** The product's id in the products subgraph; not a foreign key, that table is not ours. */
  @UuidColumn()
  productId!: string;

  @ManyToOne(() => Warehouse, { mapToPk: true, fieldName: 'warehouse_id', deleteRule: 'restrict' })
  warehouseId!: string;

  @IntColumn({ description: 'Units physically in the warehouse, reserved ones included.' })
  onHand: number = 0;

  @IntColumn({ description: 'Units promised to active reservations.' })
  reserved: number = 0;

  @IntColumn({ description: 'Units kept back from reservations as a buffer.' })
  safetyStock: number = 0;

  @IntColumn({ description: 'When available falls to this or below, the level is low (lowStock, stock.low).' })
  reorderPoint: number = 0;

  @IntColumn({ description: 'Increases by one with every change; events carry it so consumers can drop stale ones.' })
  version: number = 0;

  @DateColumn()
  updatedAt: Date = new Date();

  /**
   * `available` as PostgreSQL computes it (a stored generated column), so that lowStock can
   * filter, sort and page on it in SQL. Read-only and refreshed on flush; in memory, use
   * {@link StockLevel.available}, which is correct between a change and its flush.
   */
  @Property({ type: 'integer', fieldName: 'available', generated: '(greatest(0, on_hand - reserved - safety_stock)) stored', hidden: true })
  availableStored?: number;

  /** `available <= reorderPoint`, generated like {@link StockLevel.availableStored}; the lowStock filter. */
  @Property({ type: 'boolean', fieldName: 'below_reorder_point', generated: '(greatest(0, on_hand - reserved - safety_stock) <= reorder_point) stored', hidden: true })
  belowReorderPoint?: boolean;

  @Field(() => Int, { description: 'What can still be reserved: max(0, onHand − reserved − safetyStock).' })
  get available(): number {
    return availableOf(this);
  }

  @Field({ description: 'available > 0' })
  get inStock(): boolean {
    return this.available > 0;
  }
}

/** `max(0, onHand − reserved − safetyStock)`: the one definition of "available", for levels and sums alike. */
export function availableOf(q: { onHand: number; reserved: number; safetyStock: number }): number {
  return Math.max(0, q.onHand - q.reserved - q.safetyStock);
}
