import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
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

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The product's id in the products subgraph; not a foreign key, that table is not ours. */
  @Field(() => ID)
  @Property({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => Warehouse, { mapToPk: true, fieldName: 'warehouse_id', deleteRule: 'restrict' })
  warehouseId!: string;

  @Field(() => Int, { description: 'Units physically in the warehouse, reserved ones included.' })
  @Property({ type: 'integer' })
  onHand: number = 0;

  @Field(() => Int, { description: 'Units promised to active reservations.' })
  @Property({ type: 'integer' })
  reserved: number = 0;

  @Field(() => Int, { description: 'Units kept back from reservations as a buffer.' })
  @Property({ type: 'integer' })
  safetyStock: number = 0;

  @Field(() => Int, { description: 'When available falls to this or below, the level is low (lowStock, stock.low).' })
  @Property({ type: 'integer' })
  reorderPoint: number = 0;

  @Field(() => Int, { description: 'Increases by one with every change; events carry it so consumers can drop stale ones.' })
  @Property({ type: 'integer' })
  version: number = 0;

  @Field(() => Date)
  @Property({ type: 'Date' })
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

  /** What can still be reserved: `max(0, onHand − reserved − safetyStock)`. */
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
